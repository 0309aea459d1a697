/// Graph convolution (Kipf and Welling, 2017) as PyTorch Geometric's `GCNConv`:
/// H′ = D̃^−½ Ã D̃^−½ H Wᵀ + b, where Ã is the adjacency with a self-loop at every vertex and
/// D̃ its degrees. `W` is `out × in` as in `nn.Linear`; the bias is added after aggregation.
public final class GCNLayer: Layer {
    public let kind = "gcn"
    public let inputShape: TensorShape
    public let outputShape: TensorShape
    public let weight: Parameter
    public let bias: Parameter
    private var vertices = Matrix<Float>(rows: 0, cols: 0)
    private var batch: GraphBatch?

    public init(input: TensorShape, outputs: Int) {
        inputShape = input
        outputShape = TensorShape(nodes: input.height, features: outputs)
        weight = Parameter(name: "weight", shape: [outputs, input.channels], value: [Float](repeating: 0, count: outputs * input.channels))
        bias = Parameter(name: "bias", shape: [outputs], value: [Float](repeating: 0, count: outputs))
    }

    public var token: String { "gcn:\(outputShape.channels)" }
    public var parameters: [Parameter] { [weight, bias] }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        guard let graphs = mode.graphs else { preconditionFailure("gcn runs on graph data only (Architecture checks)") }
        let v = graphs.gather(x, features: inputShape.channels)
        if mode.training { (vertices, batch) = (v, graphs) }
        let xw = multiply(v, by: weight.value, inputs: inputShape.channels, outputs: outputShape.channels, transposed: true, threads: mode.threads)
        var y = Self.aggregate(xw, graphs)
        for r in 0..<y.rows { for j in 0..<y.cols { y.storage[r * y.cols + j] += bias.value[j] } }
        return graphs.scatter(y)
    }

    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> { gradients(dy, threads: threads, input: true) }

    public func parameterBackward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> { gradients(dy, threads: threads, input: false) }

    private func gradients(_ dy: Matrix<Float>, threads: Int, input wanted: Bool) -> Matrix<Float> {
        guard let graphs = batch else { preconditionFailure("gcn backward before a training forward pass") }
        let (n, k) = (outputShape.channels, inputShape.channels)
        let g = graphs.gather(dy, features: n)
        sumRows(g.storage, rows: g.rows, cols: n, into: &bias.gradient)
        // Â is symmetric, so the gradient of ÂZ with respect to Z is Â times the gradient.
        let dz = Self.aggregate(g, graphs)
        dz.storage.withUnsafeBufferPointer { dzp in
            vertices.storage.withUnsafeBufferPointer { xp in
                weight.gradient.withUnsafeMutableBufferPointer { gw in
                    sgemm(m: n, n: k, k: dz.rows, a: dzp.baseAddress!, lda: n, .transposed, b: xp.baseAddress!, ldb: k,
                          c: gw.baseAddress!, ldc: k, threads: threads)
                }
            }
        }
        guard wanted else { return Matrix(rows: 0, cols: 0) }
        return graphs.scatter(multiply(dz, by: weight.value, inputs: k, outputs: n, transposed: false, threads: threads))
    }

    /// Â·Z for every graph of the batch, on the stacked vertex rows of Z.
    static func aggregate(_ z: Matrix<Float>, _ graphs: GraphBatch) -> Matrix<Float> {
        var out = Matrix<Float>(rows: z.rows, cols: z.cols)
        let width = z.cols
        for (g, graph) in graphs.graphs.enumerated() {
            let base = graphs.vertexOffsets[g]
            let scale = graphs.normalisation[g]
            for v in 0..<graph.vertexCount {
                let w = scale[v] * scale[v]
                for j in 0..<width { out.storage[(base + v) * width + j] += w * z.storage[(base + v) * width + j] }
            }
            for (a, b) in graph.edges {
                let w = scale[a] * scale[b]
                for j in 0..<width {
                    out.storage[(base + a) * width + j] += w * z.storage[(base + b) * width + j]
                    out.storage[(base + b) * width + j] += w * z.storage[(base + a) * width + j]
                }
            }
        }
        return out
    }
}

/// For a weight W stored `outputs × inputs` (as `nn.Linear`): Z·Wᵀ when `transposed` (the
/// forward map, Z with `inputs` columns), else Z·W (the input gradient, Z with `outputs`
/// columns), by the library's GEMM.
func multiply(_ z: Matrix<Float>, by w: [Float], inputs: Int, outputs: Int, transposed: Bool, threads: Int) -> Matrix<Float> {
    var y = Matrix<Float>(rows: z.rows, cols: transposed ? outputs : inputs)
    guard z.rows > 0 else { return y }
    z.storage.withUnsafeBufferPointer { zp in
        w.withUnsafeBufferPointer { wp in
            y.storage.withUnsafeMutableBufferPointer { yp in
                if transposed {
                    sgemm(m: z.rows, n: outputs, k: inputs, a: zp.baseAddress!, lda: inputs, b: wp.baseAddress!, ldb: inputs, .transposed,
                          c: yp.baseAddress!, ldc: outputs, threads: threads)
                } else {
                    sgemm(m: z.rows, n: inputs, k: outputs, a: zp.baseAddress!, lda: outputs, b: wp.baseAddress!, ldb: inputs,
                          c: yp.baseAddress!, ldc: inputs, threads: threads)
                }
            }
        }
    }
    return y
}
