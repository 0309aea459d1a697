/// Graph readout (`readout:sum|mean|max`): each graph's node features pooled over its vertices
/// into one flat vector, followed by the vectors that `togl` layers before it pooled from
/// their cycle features (`pooledWidths`, in layer order), so dense layers can follow.
public final class ReadoutLayer: Layer {
    public enum Pooling: String, CaseIterable, Sendable { case sum, mean, max }

    public let kind = "readout"
    public let pooling: Pooling
    public let inputShape: TensorShape
    public let outputShape: TensorShape
    public let pooledWidths: [Int]
    private var batch: GraphBatch?
    /// For max pooling: the node slot that gave each output (gradient routing).
    private var argmax: [Int] = []

    public init(_ pooling: Pooling, input: TensorShape, pooledWidths: [Int]) {
        self.pooling = pooling
        inputShape = input
        self.pooledWidths = pooledWidths
        outputShape = TensorShape(features: input.channels + pooledWidths.reduce(0, +))
    }

    public var token: String { "readout:\(pooling.rawValue)" }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        guard let graphs = mode.graphs else { preconditionFailure("readout runs on graph data only (Architecture checks)") }
        let f = inputShape.channels, width = outputShape.count
        var y = Matrix<Float>(rows: x.rows, cols: width)
        var picked = [Int](repeating: 0, count: pooling == .max ? x.rows * f : 0)
        for (g, graph) in graphs.graphs.enumerated() {
            let n = graph.vertexCount
            for j in 0..<f {
                var value: Float = pooling == .max ? -.infinity : 0
                for v in 0..<n {
                    let at = g * x.cols + v * f + j
                    if pooling == .max {
                        if x.storage[at] > value { (value, picked[g * f + j]) = (x.storage[at], at) }
                    } else {
                        value += x.storage[at]
                    }
                }
                if pooling == .mean { value /= Float(n) }
                y.storage[g * width + j] = value
            }
        }
        var column = f
        for pooled in graphs.pooled.suffix(pooledWidths.count) {
            for g in 0..<x.rows { for j in 0..<pooled.cols { y.storage[g * width + column + j] = pooled.storage[g * pooled.cols + j] } }
            column += pooled.cols
        }
        if mode.training { (batch, argmax) = (graphs, picked) }
        return y
    }

    /// The node gradient, and the pooled vectors' gradients left in the batch for their layers.
    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> {
        guard let graphs = batch else { preconditionFailure("readout backward before a training forward pass") }
        let f = inputShape.channels, width = outputShape.count
        var dx = Matrix<Float>(rows: dy.rows, cols: inputShape.count)
        for (g, graph) in graphs.graphs.enumerated() {
            let n = graph.vertexCount
            for j in 0..<f {
                let d = dy.storage[g * width + j]
                switch pooling {
                case .max: dx.storage[argmax[g * f + j]] += d
                case .sum: for v in 0..<n { dx.storage[g * dx.cols + v * f + j] = d }
                case .mean: for v in 0..<n { dx.storage[g * dx.cols + v * f + j] = d / Float(n) }
                }
            }
        }
        var column = f
        graphs.pooledGradients = pooledWidths.map { w in
            var d = Matrix<Float>(rows: dy.rows, cols: w)
            for g in 0..<dy.rows { for j in 0..<w { d.storage[g * w + j] = dy.storage[g * width + column + j] } }
            column += w
            return d
        }
        return dx
    }
}
