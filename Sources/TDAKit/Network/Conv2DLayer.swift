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
        // products rows are (sample, position); the output is NCHW, every value written below.
        var y = Matrix(rows: samples, cols: outputShape.count,
                       storage: [Float](unsafeUninitializedCapacity: samples * outputShape.count) { $1 = $0.count })
        let positions = positions
        y.storage.withUnsafeMutableBufferPointer { ys in
            products.withUnsafeBufferPointer { ps in
                bias.value.withUnsafeBufferPointer { bs in
                    let (yp, pp, bp) = (UnsafeSendable(ys.baseAddress!), UnsafeSendable(ps.baseAddress!), UnsafeSendable(bs.baseAddress!))
                    forEachChunk(samples, threads: mode.threads, minimumChunk: 8) { range in
                        // Each sample's products read in order, one write stream per channel
                        // (eight channels at a time in SIMD registers when the count allows):
                        // reading a channel at a time, strided, was 17% of `nn-train measures`
                        // on a small CNN (perf).
                        for s in range {
                            let (source, out) = (pp.value + s * positions * oc, yp.value + s * oc * positions)
                            if oc % 8 == 0 {
                                Self.transpose8(source, positions: positions, channels: oc, bias: bp.value, into: out)
                                continue
                            }
                            for p in 0..<positions {
                                for c in 0..<oc { out[c &* positions &+ p] = source[p &* oc &+ c] + bp.value[c] }
                            }
                        }
                    }
                }
            }
        }
        return y
    }

    /// One sample's products (position-major, `channels` a multiple of 8) plus the bias, written
    /// channel-major, eight channels at a time in SIMD registers.
    private static func transpose8(_ source: UnsafePointer<Float>, positions: Int, channels: Int, bias: UnsafePointer<Float>,
                                   into out: UnsafeMutablePointer<Float>) {
        for c0 in Swift.stride(from: 0, to: channels, by: 8) {
            let b = UnsafeRawPointer(bias + c0).loadUnaligned(as: SIMD8<Float>.self)
            for p in 0..<positions {
                let v = UnsafeRawPointer(source + (p &* channels &+ c0)).loadUnaligned(as: SIMD8<Float>.self) + b
                for c in 0..<8 { out[(c0 &+ c) &* positions &+ p] = v[c] }
            }
        }
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
        // A kernel of 3 (the usual) gets loops with a constant tap count, which the compiler
        // unrolls: the loop over each run of taps was a third of `nn-train measures` (perf).
        if kernel == 3 { copyRuns(x, samples: samples, into: cols, kernel: 3) } else { copyRuns(x, samples: samples, into: cols, kernel: kernel) }
    }

    @inline(__always)
    private func copyRuns(_ x: UnsafePointer<Float>, samples: Range<Int>, into cols: UnsafeMutablePointer<Float>, kernel k: Int) {
        forEachPatchRun(samples: samples, kernel: k) { input, column, count in
            if count == k {
                for t in 0..<k { cols[column &+ t] = x[input &+ t] }
            } else {
                for t in 0..<count { cols[column &+ t] = x[input &+ t] }
            }
        }
    }

    /// The adjoint of `unfold`: adds the patch gradients of `samples` back onto their inputs
    /// in `dx` (each sample in position, channel, ky, kx order, whatever the thread count).
    func fold(_ dColumns: UnsafePointer<Float>, samples: Range<Int>, into dx: UnsafeMutablePointer<Float>) {
        forEachPatchRun(samples: samples, kernel: kernel) { input, column, count in
            for t in 0..<count { dx[input + t] += dColumns[column + t] }
        }
    }

    /// Calls `body(input index, column index, count)` for each run of in-bounds taps of one
    /// kernel row: `count` consecutive input values that are consecutive patch values. One call
    /// a run, not a tap: a closure per tap cost 7 ns a value, a quarter of a CNN training step (perf).
    /// `kernel` is this geometry's kernel, passed in so that a caller can make it a constant.
    /// Wrapping arithmetic: the indices of a layer that exists fit in an Int, and overflow
    /// checks on every tap were a tenth of the unfolding (perf).
    @inline(__always)
    private func forEachPatchRun(samples: Range<Int>, kernel k: Int, _ body: (Int, Int, Int) -> Void) {
        let (h, w, size, patch) = (height, width, channels * height * width, patch)
        let positions = outHeight * outWidth
        for s in samples {
            for oy in 0..<outHeight {
                for ox in 0..<outWidth {
                    // The taps inside the image: kernel columns lo..<hi, rows top..<bottom.
                    let x0 = ox &* stride &- padding, lo = max(0, -x0), hi = min(k, w &- x0)
                    let y0 = oy &* stride &- padding, top = max(0, -y0), bottom = min(k, h &- y0)
                    let row = (s &* positions &+ oy &* outWidth &+ ox) &* patch
                    guard lo < hi && top < bottom else { continue }
                    for c in 0..<channels {
                        for ky in top..<bottom {
                            body(s &* size &+ (c &* h &+ y0 &+ ky) &* w &+ x0 &+ lo, row &+ (c &* k &+ ky) &* k &+ lo, hi &- lo)
                        }
                    }
                }
            }
        }
    }
}
