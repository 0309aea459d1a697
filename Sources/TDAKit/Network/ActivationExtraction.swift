/// Which point of a layer the activations are read at.
public enum ActivationPoint: String, CaseIterable, Sendable {
    /// The input of the activation function that follows a dense/conv layer (after batch norm).
    case pre
    /// The output of that activation function.
    case post
}

/// How a conv layer's `channels × height × width` values become neurons.
public enum ConvReduction: String, CaseIterable, Sendable {
    /// Every position × channel is a neuron.
    case none
    /// One neuron per channel: its spatial mean.
    case mean
    /// One neuron per channel: its spatial maximum.
    case max
    /// One neuron per channel: the channel vector at the position whose vector has the largest
    /// L2 norm (the Purvine et al. CNN study).
    case topL2 = "top-l2"
}

public enum ActivationError: Error, CustomStringConvertible, Equatable {
    case unknownLayer(String, valid: [String])
    case inputWidth(expected: Int, got: Int)
    case tooManyNeurons(layer: String, requested: Int, available: Int)
    case noInputs

    public var description: String {
        switch self {
        case let .unknownLayer(name, valid): return "no layer '\(name)' (layers: \(valid.joined(separator: ", ")))"
        case let .inputWidth(e, g): return "the model expects \(e) input values per sample but the data has \(g)"
        case let .tooManyNeurons(layer, n, available): return "layer \(layer) has \(available) neurons, fewer than the \(n) requested"
        case .noInputs: return "no input samples"
        }
    }
}

/// Reads the activations of chosen layers of a network on a batch of inputs.
public struct ActivationExtractor {
    public let network: Network
    public var point: ActivationPoint = .post
    public var convReduction: ConvReduction = .none
    public var threads = 1

    public init(network: Network) { self.network = network }

    /// Resolves `all`, `weighted`, or a comma list of layer names or 1-based layer positions.
    public func layerIndices(_ spec: String) throws -> [Int] {
        let names = network.layerNames
        switch spec {
        case "all": return Array(names.indices)
        case "weighted": return network.layers.indices.filter { network.layers[$0].isWeighted }
        default:
            return try spec.split(separator: ",").map { item in
                let key = String(item)
                if let position = Int(key), position >= 1, position <= names.count { return position - 1 }
                guard let index = names.firstIndex(of: key) else { throw ActivationError.unknownLayer(key, valid: names) }
                return index
            }
        }
    }

    /// The layer whose output holds layer `index`'s activations at `point`: a weighted layer's
    /// `pre` skips following batch norm and dropout; `post` also takes the activation after them.
    public func tap(_ index: Int) -> Int {
        let layers = network.layers
        guard layers[index].isWeighted else { return index }
        var j = index
        while j + 1 < layers.count, layers[j + 1] is BatchNormLayer || layers[j + 1] is DropoutLayer { j += 1 }
        if point == .post, j + 1 < layers.count, layers[j + 1] is ActivationLayer { j += 1 }
        return j
    }

    /// Activations (rows = inputs, columns = neurons) of each layer in `indices`, in that order.
    public func activations(_ inputs: Matrix<Float>, layers indices: [Int]) throws -> [Matrix<Float>] {
        guard inputs.rows > 0 else { throw ActivationError.noInputs }
        guard inputs.cols == network.inputShape.count else {
            throw ActivationError.inputWidth(expected: network.inputShape.count, got: inputs.cols)
        }
        let taps = indices.map(tap)
        let outputs = network.layerOutputs(inputs, indices: Set(taps), threads: threads)
        return taps.map { reduce(outputs[$0]!, shape: network.layers[$0].outputShape) }
    }

    /// Applies the conv reduction to a spatial output; flat outputs pass unchanged.
    func reduce(_ x: Matrix<Float>, shape: TensorShape) -> Matrix<Float> {
        guard shape.isSpatial, convReduction != .none else { return x }
        let (c, plane) = (shape.channels, shape.height * shape.width)
        var out = Matrix<Float>(rows: x.rows, cols: c)
        for s in 0..<x.rows {
            let base = s * shape.count
            var bestPosition = 0
            if convReduction == .topL2 {
                var bestNorm: Float = -1
                for p in 0..<plane {
                    var norm: Float = 0
                    for ch in 0..<c { let v = x.storage[base + ch * plane + p]; norm += v * v }
                    if norm > bestNorm { bestNorm = norm; bestPosition = p }
                }
            }
            for ch in 0..<c {
                let values = x.storage[(base + ch * plane)..<(base + (ch + 1) * plane)]
                switch convReduction {
                case .mean: out.storage[s * c + ch] = values.reduce(0, +) / Float(plane)
                case .max: out.storage[s * c + ch] = values.max() ?? 0
                case .topL2: out.storage[s * c + ch] = x.storage[base + ch * plane + bestPosition]
                case .none: break
                }
            }
        }
        return out
    }
}

extension ActivationError: ToolFailure {
    public var status: ExitStatus {
        switch self {
        case .unknownLayer, .tooManyNeurons: return .usage
        case .inputWidth, .noInputs: return .dataError
        }
    }
}
