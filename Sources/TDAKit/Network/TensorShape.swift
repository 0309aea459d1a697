/// The shape of one sample as it flows through a network: `channels × height × width`
/// for images (PyTorch's NCHW order without the batch), `features` for flat vectors, or the
/// node features of a graph (`GraphSamples`).
public struct TensorShape: Sendable, Equatable, CustomStringConvertible {
    public var channels: Int
    public var height: Int
    public var width: Int
    /// True for images (conv and pooling need it); false for flat vectors (dense needs it).
    public var isSpatial: Bool
    /// True for graphs: `height` node slots of `channels` features each, node by node.
    public var isGraph = false
    /// Edge slots of a graph sample that carries its structure (the data: node features, then
    /// `edgeSlots` pairs of end indices, then the node count); 0 for the node features that
    /// graph layers pass on inside a network.
    public var edgeSlots = 0

    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels; self.height = height; self.width = width; isSpatial = true
    }

    public init(features: Int) {
        channels = features; height = 1; width = 1; isSpatial = false
    }

    /// Graph samples of up to `nodes` nodes with `features` features each; with `edgeSlots`
    /// > 0 the sample also carries its edges and node count.
    public init(nodes: Int, features: Int, edgeSlots: Int = 0) {
        channels = features; height = nodes; width = 1; isSpatial = false; isGraph = true
        self.edgeSlots = edgeSlots
    }

    /// Builds a shape from `[features]`, `[channels, height, width]`, or `[nodes, features,
    /// edge slots, 2]` for graph data.
    public init?(dimensions: [Int]) {
        switch dimensions.count {
        case 1 where dimensions[0] > 0: self.init(features: dimensions[0])
        case 3 where dimensions.allSatisfy { $0 > 0 }:
            self.init(channels: dimensions[0], height: dimensions[1], width: dimensions[2])
        case 4 where dimensions.allSatisfy { $0 > 0 } && dimensions[3] == 2:
            self.init(nodes: dimensions[0], features: dimensions[1], edgeSlots: dimensions[2])
        default: return nil
        }
    }

    /// The node features of a graph sample, without its structure.
    public var nodeFeatures: TensorShape { TensorShape(nodes: height, features: channels) }

    /// Number of values per sample.
    public var count: Int {
        guard isGraph else { return channels * height * width }
        return channels * height + (edgeSlots > 0 ? 2 * edgeSlots + 1 : 0)
    }

    public var dimensions: [Int] {
        if isGraph { return [height, channels, edgeSlots, 2] }
        return isSpatial ? [channels, height, width] : [channels]
    }

    public var description: String {
        if isGraph { return "graphs of ≤ \(height) nodes × \(channels) features" + (edgeSlots > 0 ? " and ≤ \(edgeSlots) edges" : "") }
        return isSpatial ? "\(channels)×\(height)×\(width)" : "\(channels)"
    }
}
