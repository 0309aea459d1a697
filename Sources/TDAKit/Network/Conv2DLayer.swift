/// 2-D convolution as PyTorch's `nn.Conv2d` (cross-correlation, weight `out × in × k × k`,
/// zero padding), computed as one GEMM over the unfolded batch (im2col).
public final class Conv2DLayer: Layer {
    public let kind = "conv"
    public let inputShape: TensorShape
    public let outputShape: TensorShape
    public let kernel: Int
    public let stride: Int
    public let padding: Int
    public let weight: Parameter
    public let bias: Parameter
    private var columns = [Float]()
    private var batch = 0

    /// Throws nothing: the architecture parser has checked that the kernel fits.
    public init(input: TensorShape, filters: Int, kernel: Int, stride: Int, padding: Int) {
        inputShape = input
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        let oh = (input.height + 2 * padding - kernel) / stride + 1
        let ow = (input.width + 2 * padding - kernel) / stride + 1
        outputShape = TensorShape(channels: filters, height: oh, width: ow)
        let fanIn = input.channels * kernel * kernel
        weight = Parameter(name: "weight", shape: [filters, input.channels, kernel, kernel],
                           value: [Float](repeating: 0, count: filters * fanIn))
        bias = Parameter(name: "bias", shape: [filters], value: [Float](repeating: 0, count: filters))
    }

    public var token: String {
        "conv:\(outputShape.channels)x\(kernel)" + (stride == 1 ? "" : ":s\(stride)") + (padding == 0 ? "" : ":p\(padding)")
    }
    public var parameters: [Parameter] { [weight, bias] }
    private var patch: Int { inputShape.channels * kernel * kernel }
    private var positions: Int { outputShape.height * outputShape.width }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        let cols = unfold(x)
        let oc = outputShape.channels, rows = x.rows * positions
        var products = [Float](repeating: 0, count: rows * oc)
        cols.withUnsafeBufferPointer { cp in
            weight.value.withUnsafeBufferPointer { wp in
                products.withUnsafeMutableBufferPointer { pp in
                    sgemm(m: rows, n: oc, k: patch, a: cp.baseAddress!, lda: patch, b: wp.baseAddress!, ldb: patch,
                          .transposed, c: pp.baseAddress!, ldc: oc, threads: mode.threads)
                }
            }
        }
        if mode.training { columns = cols; batch = x.rows }
        // products rows are (sample, position); the output is NCHW.
        var y = Matrix<Float>(rows: x.rows, cols: outputShape.count)
        let positions = positions
        y.storage.withUnsafeMutableBufferPointer { ys in
            products.withUnsafeBufferPointer { ps in
                for s in 0..<x.rows {
                    for c in 0..<oc {
                        let b = bias.value[c]
                        for p in 0..<positions { ys[s * oc * positions + c * positions + p] = ps[(s * positions + p) * oc + c] + b }
                    }
                }
            }
        }
        return y
    }

    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> {
        let oc = outputShape.channels, rows = batch * positions
        var dProducts = [Float](repeating: 0, count: rows * oc)
        let positions = positions
        dProducts.withUnsafeMutableBufferPointer { dps in
            dy.storage.withUnsafeBufferPointer { dys in
                for s in 0..<batch {
                    for c in 0..<oc {
                        for p in 0..<positions { dps[(s * positions + p) * oc + c] = dys[s * oc * positions + c * positions + p] }
                    }
                }
            }
        }
        var dColumns = [Float](repeating: 0, count: rows * patch)
        dProducts.withUnsafeBufferPointer { dp in
            columns.withUnsafeBufferPointer { cp in
                weight.gradient.withUnsafeMutableBufferPointer { gw in
                    sgemm(m: oc, n: patch, k: rows, a: dp.baseAddress!, lda: oc, .transposed, b: cp.baseAddress!,
                          ldb: patch, c: gw.baseAddress!, ldc: patch, threads: threads)
                }
            }
            weight.value.withUnsafeBufferPointer { wp in
                dColumns.withUnsafeMutableBufferPointer { dc in
                    sgemm(m: rows, n: patch, k: oc, a: dp.baseAddress!, lda: oc, b: wp.baseAddress!, ldb: patch,
                          c: dc.baseAddress!, ldc: patch, threads: threads)
                }
            }
            sumRows(dp.baseAddress!, rows: rows, cols: oc, into: &bias.gradient)
        }
        return fold(dColumns)
    }

    /// For every (sample, output position), the input patch in `weight`'s (channel, ky, kx) order.
    private func unfold(_ x: Matrix<Float>) -> [Float] {
        var cols = [Float](repeating: 0, count: x.rows * positions * patch)
        let (channels, h, w, k) = (inputShape.channels, inputShape.height, inputShape.width, kernel)
        let (oh, ow, stride, padding, width) = (outputShape.height, outputShape.width, stride, padding, inputShape.count)
        // Direct loops over raw buffers (the tap-by-tap closure of `forEachTap` cost 7 ns a
        // value here, a quarter of a CNN training step in perf); padding stays zero.
        cols.withUnsafeMutableBufferPointer { out in
            x.storage.withUnsafeBufferPointer { xs in
                guard let outBase = out.baseAddress, let xBase = xs.baseAddress else { return }
                var o = outBase
                for s in 0..<x.rows {
                    let input = xBase + s * width
                    for oy in 0..<oh {
                        for ox in 0..<ow {
                            for c in 0..<channels {
                                for ky in 0..<k {
                                    let iy = oy * stride - padding + ky
                                    if iy >= 0 && iy < h {
                                        let row = input + (c * h + iy) * w
                                        for kx in 0..<k {
                                            let ix = ox * stride - padding + kx
                                            if ix >= 0 && ix < w { o[kx] = row[ix] }
                                        }
                                    }
                                    o += k
                                }
                            }
                        }
                    }
                }
            }
        }
        return cols
    }

    /// The adjoint of `unfold`: sums patch gradients back onto the input.
    private func fold(_ dColumns: [Float]) -> Matrix<Float> {
        var dx = Matrix<Float>(rows: batch, cols: inputShape.count)
        let (positions, patch, width) = (positions, patch, inputShape.count)
        dx.storage.withUnsafeMutableBufferPointer { out in
            dColumns.withUnsafeBufferPointer { d in
                forEachTap(samples: batch) { s, p, q, source in if let source { out[s * width + source] += d[(s * positions + p) * patch + q] } }
            }
        }
        return dx
    }

    /// Calls, for each of `samples` samples, `body(sample, position, tap, input index or nil for padding)` for every kernel tap.
    @inline(__always)
    private func forEachTap(samples: Int, _ body: (Int, Int, Int, Int?) -> Void) {
        let (h, w, k) = (inputShape.height, inputShape.width, kernel)
        for s in 0..<samples {
            for oy in 0..<outputShape.height {
                for ox in 0..<outputShape.width {
                    let p = oy * outputShape.width + ox
                    for c in 0..<inputShape.channels {
                        for ky in 0..<k {
                            let iy = oy * stride - padding + ky
                            for kx in 0..<k {
                                let ix = ox * stride - padding + kx
                                let inside = iy >= 0 && iy < h && ix >= 0 && ix < w
                                body(s, p, (c * k + ky) * k + kx, inside ? (c * h + iy) * w + ix : nil)
                            }
                        }
                    }
                }
            }
        }
    }
}
