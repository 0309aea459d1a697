/// Fully connected layer `y = x·Wᵀ + b`, with PyTorch's `nn.Linear` layout (`W` is `out × in`).
public final class DenseLayer: Layer {
    public let kind = "dense"
    public let inputShape: TensorShape
    public let outputShape: TensorShape
    public let weight: Parameter
    public let bias: Parameter
    private var input = Matrix<Float>(rows: 0, cols: 0)

    /// A layer with zero weights; `Initialization` fills them. A layer inside another one
    /// names its parameters with a `prefix` (`filtration1.weight`).
    public init(inputs: Int, outputs: Int, prefix: String = "") {
        inputShape = TensorShape(features: inputs)
        outputShape = TensorShape(features: outputs)
        weight = Parameter(name: prefix + "weight", shape: [outputs, inputs], value: [Float](repeating: 0, count: outputs * inputs))
        bias = Parameter(name: prefix + "bias", shape: [outputs], value: [Float](repeating: 0, count: outputs))
    }

    public var token: String { "dense:\(outputShape.count)" }
    public var parameters: [Parameter] { [weight, bias] }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        if mode.training { input = x }
        let n = outputShape.count, k = inputShape.count
        var y = Matrix<Float>(rows: x.rows, cols: n)
        let b = bias.value
        x.storage.withUnsafeBufferPointer { xp in
            weight.value.withUnsafeBufferPointer { wp in
                y.storage.withUnsafeMutableBufferPointer { yp in
                    for i in 0..<x.rows { (yp.baseAddress! + i * n).update(from: b, count: n) }
                    sgemm(m: x.rows, n: n, k: k, a: xp.baseAddress!, lda: k, b: wp.baseAddress!, ldb: k, .transposed,
                          c: yp.baseAddress!, ldc: n, beta: 1, threads: mode.threads)
                }
            }
        }
        return y
    }

    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> {
        gradients(dy, threads: threads, input: true)
    }

    public func parameterBackward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> {
        gradients(dy, threads: threads, input: false)
    }

    /// Weight and bias gradients, and the input gradient when `input` is true.
    private func gradients(_ dy: Matrix<Float>, threads: Int, input wanted: Bool) -> Matrix<Float> {
        let n = outputShape.count, k = inputShape.count, batch = dy.rows
        var dx = Matrix<Float>(rows: wanted ? batch : 0, cols: wanted ? k : 0)
        dy.storage.withUnsafeBufferPointer { dyp in
            input.storage.withUnsafeBufferPointer { xp in
                weight.gradient.withUnsafeMutableBufferPointer { gw in
                    sgemm(m: n, n: k, k: batch, a: dyp.baseAddress!, lda: n, .transposed, b: xp.baseAddress!, ldb: k,
                          c: gw.baseAddress!, ldc: k, threads: threads)
                }
            }
            if wanted {
                weight.value.withUnsafeBufferPointer { wp in
                    dx.storage.withUnsafeMutableBufferPointer { dxp in
                        sgemm(m: batch, n: k, k: n, a: dyp.baseAddress!, lda: n, b: wp.baseAddress!, ldb: k,
                              c: dxp.baseAddress!, ldc: k, threads: threads)
                    }
                }
            }
            sumRows(dyp.baseAddress!, rows: batch, cols: n, into: &bias.gradient)
        }
        return dx
    }
}

/// Column sums of a row-major block (the bias gradient).
func sumRows(_ p: UnsafePointer<Float>, rows: Int, cols: Int, into out: inout [Float]) {
    out.withUnsafeMutableBufferPointer { o in
        o.update(repeating: 0)
        for i in 0..<rows { for j in 0..<cols { o[j] += p[i * cols + j] } }
    }
}
