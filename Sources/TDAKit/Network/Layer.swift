/// How a forward pass runs: training mode turns on dropout and batch statistics.
public struct ForwardMode: Sendable {
    public var training: Bool
    /// Seed for this pass's random masks (dropout); the network derives it from its generator.
    public var seed: UInt64
    public var threads: Int
    /// The batch's graphs, for graph layers (set by `Network` when its input is graph data).
    public var graphs: GraphBatch?

    public init(training: Bool, seed: UInt64 = 0, threads: Int = 1, graphs: GraphBatch? = nil) {
        self.training = training; self.seed = seed; self.threads = threads; self.graphs = graphs
    }
}

/// One layer of a sequential network, working on a batch stored as a matrix
/// (rows = samples, columns = the sample's values in `TensorShape` order).
///
/// Layers are classes because they keep what backpropagation needs from the last forward pass.
public protocol Layer: AnyObject {
    /// The layer's kind as written in an architecture string (`dense`, `relu`, …); also the
    /// stem of its name (`dense1`).
    var kind: String { get }
    /// The token that rebuilds this layer in an architecture string (`dense:64`).
    var token: String { get }
    var inputShape: TensorShape { get }
    var outputShape: TensorShape { get }
    /// Parameters in PyTorch `state_dict` order (empty for parameter-free layers).
    var parameters: [Parameter] { get }
    func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float>
    /// Gradient with respect to the input, given the gradient of the output of the last forward
    /// pass; stores parameter gradients in `parameters`.
    func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float>
    /// As `backward` when the caller needs only the parameter gradients (the first weighted
    /// layer of a training step, whose input is the data): dense and conv layers skip the
    /// input-gradient GEMM, as PyTorch does for inputs that do not require grad, and return an
    /// empty matrix.
    func parameterBackward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float>
}

extension Layer {
    public var parameters: [Parameter] { [] }
    public func parameterBackward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> { backward(dy, threads: threads) }
    /// Dense and conv layers: the ones whose activations the TDA studies look at.
    public var isWeighted: Bool { kind == "dense" || kind == "conv" }
}
