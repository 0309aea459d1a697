/// The shape of one sample as it flows through a network: `channels × height × width`
/// for images (PyTorch's NCHW order without the batch), or `features` for flat vectors.
public struct TensorShape: Sendable, Equatable, CustomStringConvertible {
    public var channels: Int
    public var height: Int
    public var width: Int
    /// True for images (conv and pooling need it); false for flat vectors (dense needs it).
    public var isSpatial: Bool

    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels; self.height = height; self.width = width; isSpatial = true
    }

    public init(features: Int) {
        channels = features; height = 1; width = 1; isSpatial = false
    }

    /// Builds a shape from `[features]` or `[channels, height, width]`.
    public init?(dimensions: [Int]) {
        switch dimensions.count {
        case 1 where dimensions[0] > 0: self.init(features: dimensions[0])
        case 3 where dimensions.allSatisfy { $0 > 0 }:
            self.init(channels: dimensions[0], height: dimensions[1], width: dimensions[2])
        default: return nil
        }
    }

    /// Number of values per sample.
    public var count: Int { channels * height * width }
    public var dimensions: [Int] { isSpatial ? [channels, height, width] : [channels] }
    public var description: String { isSpatial ? "\(channels)×\(height)×\(width)" : "\(channels)" }
}
