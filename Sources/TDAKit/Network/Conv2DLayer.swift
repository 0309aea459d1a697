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

    private var geometry: ConvGeometry {
        ConvGeometry(channels: inputShape.channels, height: inputShape.height, width: inputShape.width, kernel: kernel,
                     stride: stride, padding: padding, outHeight: outputShape.height, outWidth: outputShape.width)
    }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        let geometry = geometry, samples = x.rows
        guard samples > 0 else { return Matrix(rows: 0, cols: outputShape.count) }
        // Uninitialised: `unfold` writes every value (zeroing its share first when there is
        // padding), so the zero-fill runs on the workers or not at all (memset was 9% of a step).
        let cols = [Float](unsafeUninitializedCapacity: samples * positions * patch) { out, count in
            x.storage.withUnsafeBufferPointer { xs in
                let (o, i) = (UnsafeSendable(out.baseAddress!), UnsafeSendable(xs.baseAddress!))
                forEachChunk(samples, threads: mode.threads, minimumChunk: 8) { geometry.unfold(i.value, samples: $0, into: o.value) }
            }
            count = out.count
        }
        let oc = outputShape.channels, rows = samples * positions
        // `sgemm` with beta 0 overwrites every value.
        var products = [Float](unsafeUninitializedCapacity: rows * oc) { _, count in count = rows * oc }
        cols.withUnsafeBufferPointer { cp in
            weight.value.withUnsafeBufferPointer { wp in
                products.withUnsafeMutableBufferPointer { pp in
                    sgemm(m: rows, n: oc, k: patch, a: cp.baseAddress!, lda: patch, b: wp.baseAddress!, ldb: patch,
                          .transposed, c: pp.baseAddress!, ldc: oc, threads: mode.threads)
                }
            }
        }
        if mode.training { columns = cols; batch = samples }
        // products rows are (sample, position); the output is NCHW.
        var y = Matrix<Float>(rows: samples, cols: outputShape.count)
        let positions = positions
        y.storage.withUnsafeMutableBufferPointer { ys in
            products.withUnsafeBufferPointer { ps in
                bias.value.withUnsafeBufferPointer { bs in
                    let (yp, pp, bp) = (UnsafeSendable(ys.baseAddress!), UnsafeSendable(ps.baseAddress!), UnsafeSendable(bs.baseAddress!))
                    forEachChunk(samples, threads: mode.threads, minimumChunk: 8) { range in
                        for s in range {
                            for c in 0..<oc {
                                let (b, out) = (bp.value[c], yp.value + s * oc * positions + c * positions)
                                for p in 0..<positions { out[p] = pp.value[(s * positions + p) * oc + c] + b }
                            }
                        }
                    }
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
        let oc = outputShape.channels, rows = batch * positions
        var dProducts = [Float](repeating: 0, count: rows * oc)
        let positions = positions
        dProducts.withUnsafeMutableBufferPointer { dps in
            dy.storage.withUnsafeBufferPointer { dys in
                let (dp, dyp) = (UnsafeSendable(dps.baseAddress!), UnsafeSendable(dys.baseAddress!))
                forEachChunk(batch, threads: threads, minimumChunk: 8) { range in
                    for s in range {
                        for c in 0..<oc {
                            let source = dyp.value + s * oc * positions + c * positions
                            for p in 0..<positions { dp.value[(s * positions + p) * oc + c] = source[p] }
                        }
                    }
                }
            }
        }
        var dColumns = [Float](repeating: 0, count: wanted ? rows * patch : 0)
        dProducts.withUnsafeBufferPointer { dp in
            columns.withUnsafeBufferPointer { cp in
                weight.gradient.withUnsafeMutableBufferPointer { gw in
                    sgemm(m: oc, n: patch, k: rows, a: dp.baseAddress!, lda: oc, .transposed, b: cp.baseAddress!,
                          ldb: patch, c: gw.baseAddress!, ldc: patch, threads: threads)
                }
            }
            if wanted {
                weight.value.withUnsafeBufferPointer { wp in
                    dColumns.withUnsafeMutableBufferPointer { dc in
                        sgemm(m: rows, n: patch, k: oc, a: dp.baseAddress!, lda: oc, b: wp.baseAddress!, ldb: patch,
                              c: dc.baseAddress!, ldc: patch, threads: threads)
                    }
                }
            }
            sumRows(dp.baseAddress!, rows: rows, cols: oc, into: &bias.gradient)
        }
        guard wanted else { return Matrix(rows: 0, cols: 0) }
        var dx = Matrix<Float>(rows: batch, cols: inputShape.count)
        let geometry = geometry
        dx.storage.withUnsafeMutableBufferPointer { out in
            dColumns.withUnsafeBufferPointer { d in
                let (o, dp) = (UnsafeSendable(out.baseAddress!), UnsafeSendable(d.baseAddress!))
                forEachChunk(batch, threads: threads, minimumChunk: 8) { geometry.fold(dp.value, samples: $0, into: o.value) }
            }
        }
        return dx
    }
}

/// The shape of a convolution, for the per-sample loops that run on worker threads.
struct ConvGeometry: Sendable {
    let channels: Int, height: Int, width: Int, kernel: Int, stride: Int, padding: Int, outHeight: Int, outWidth: Int

    var patch: Int { channels * kernel * kernel }

    /// Writes, for every sample of `samples` and output position, the input patch in the
    /// weight's (channel, ky, kx) order into `cols` (one row of `patch` values per position);
    /// padding taps are zero.
    func unfold(_ x: UnsafePointer<Float>, samples: Range<Int>, into cols: UnsafeMutablePointer<Float>) {
        if padding > 0 {
            let share = outHeight * outWidth * patch
            (cols + samples.lowerBound * share).update(repeating: 0, count: samples.count * share)
        }
        forEachPatchRun(samples: samples) { input, column, count in
            for t in 0..<count { cols[column + t] = x[input + t] }
        }
    }

    /// The adjoint of `unfold`: adds the patch gradients of `samples` back onto their inputs
    /// in `dx` (each sample in position, channel, ky, kx order, whatever the thread count).
    func fold(_ dColumns: UnsafePointer<Float>, samples: Range<Int>, into dx: UnsafeMutablePointer<Float>) {
        forEachPatchRun(samples: samples) { input, column, count in
            for t in 0..<count { dx[input + t] += dColumns[column + t] }
        }
    }

    /// Calls `body(input index, column index, count)` for each run of in-bounds taps of one
    /// kernel row: `count` consecutive input values that are consecutive patch values. One call
    /// a run, not a tap: a closure per tap cost 7 ns a value, a quarter of a CNN training step (perf).
    @inline(__always)
    private func forEachPatchRun(samples: Range<Int>, _ body: (Int, Int, Int) -> Void) {
        let (h, w, k, size, patch) = (height, width, kernel, channels * height * width, patch)
        let positions = outHeight * outWidth
        for s in samples {
            for oy in 0..<outHeight {
                for ox in 0..<outWidth {
                    let x0 = ox * stride - padding, lo = max(0, -x0), hi = min(k, w - x0)
                    let row = (s * positions + oy * outWidth + ox) * patch
                    guard lo < hi else { continue }
                    for c in 0..<channels {
                        for ky in 0..<k {
                            let iy = oy * stride - padding + ky
                            guard iy >= 0 && iy < h else { continue }
                            body(s * size + (c * h + iy) * w + x0 + lo, row + (c * k + ky) * k + lo, hi - lo)
                        }
                    }
                }
            }
        }
    }
}
