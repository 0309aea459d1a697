/// Max or average pooling over `size × size` windows with stride `size` (PyTorch's
/// `nn.MaxPool2d(size)` / `nn.AvgPool2d(size)`: no padding, windows that do not fit are dropped).
public final class PoolingLayer: Layer {
    public enum Reduction: String, Sendable { case max, avg }

    public let reduction: Reduction
    public let size: Int
    public let inputShape: TensorShape
    public let outputShape: TensorShape
    /// For max pooling, the input index that won each output value.
    private var winners = [Int]()
    private var batch = 0

    public init(_ reduction: Reduction, size: Int, input: TensorShape) {
        self.reduction = reduction
        self.size = size
        inputShape = input
        outputShape = TensorShape(channels: input.channels, height: input.height / size, width: input.width / size)
    }

    public var kind: String { reduction.rawValue + "pool" }
    public var token: String { "\(kind):\(size)" }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        guard x.rows > 0 else { return Matrix(rows: 0, cols: outputShape.count) }
        let keepWinners = mode.training && reduction == .max
        // Every value is written below; only training keeps the winners for backward.
        var y = Matrix(rows: x.rows, cols: outputShape.count,
                       storage: [Float](unsafeUninitializedCapacity: x.rows * outputShape.count) { $1 = $0.count })
        var won = [Int](repeating: 0, count: keepWinners ? x.rows * outputShape.count : 0)
        let (scale, reduction) = (1 / Float(size * size), reduction)
        let (c, h, w, size) = (inputShape.channels, inputShape.height, inputShape.width, size)
        let (oh, ow) = (outputShape.height, outputShape.width)
        // Direct loops over raw pointers: the window-by-window closure of an iterator was 15% of
        // a CNN training step, and buffer subscripts and a branch per tap made pooling a quarter
        // of `nn-train measures` (perf). Samples are split over the threads.
        y.storage.withUnsafeMutableBufferPointer { ys in
            won.withUnsafeMutableBufferPointer { wins in
                x.storage.withUnsafeBufferPointer { xs in
                    let pointers = UnsafeSendable((ys: ys.baseAddress!, wins: wins.baseAddress, xs: xs.baseAddress!))
                    forEachChunk(x.rows, threads: mode.threads, minimumChunk: 8) { samples in
                        let (ys, wins, xs) = pointers.value
                        var out = samples.lowerBound * c * oh * ow
                        for plane in (samples.lowerBound * c)..<(samples.upperBound * c) {
                            for oy in 0..<oh {
                                for ox in 0..<ow {
                                    let first = plane * h * w + oy * size * w + ox * size
                                    switch reduction {
                                    case .max:
                                        // 2 × 2 (the usual) with a constant size, which unrolls.
                                        let (best, top) = size == 2 ? Self.largest(xs, first: first, size: 2, width: w)
                                                                    : Self.largest(xs, first: first, size: size, width: w)
                                        ys[out] = top
                                        if keepWinners { wins?[out] = best }
                                    case .avg:
                                        var sum: Float = 0
                                        for ky in 0..<size { for kx in 0..<size { sum += xs[first + ky * w + kx] } }
                                        ys[out] = sum * scale
                                    }
                                    out += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        if mode.training { winners = won; batch = x.rows }
        return y
    }

    /// The index and value of the largest value of the `size × size` window at `first`: the
    /// first of equal maxima, else the last NaN (PyTorch's max pooling propagates NaN). Selects,
    /// not branches: on real data the comparison is unpredictable (perf: most of the pooling time).
    @inline(__always)
    private static func largest(_ xs: UnsafePointer<Float>, first: Int, size: Int, width: Int) -> (index: Int, value: Float) {
        var (best, top, lastNaN) = (first, xs[first], -1)
        for ky in 0..<size {
            for kx in 0..<size {
                let t = first &+ ky &* width &+ kx, v = xs[t]
                let greater = v > top
                best = greater ? t : best
                top = greater ? v : top
                lastNaN = v.isNaN ? t : lastNaN
            }
        }
        return lastNaN < 0 ? (best, top) : (lastNaN, xs[lastNaN])
    }

    /// Each output's gradient goes back to its window (max: to the winner; avg: spread evenly);
    /// windows do not overlap and stay within their sample, so samples are split over threads.
    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> {
        var dx = Matrix<Float>(rows: batch, cols: inputShape.count)
        let (scale, reduction) = (1 / Float(size * size), reduction)
        let (c, h, w, size) = (inputShape.channels, inputShape.height, inputShape.width, size)
        let (oh, ow) = (outputShape.height, outputShape.width)
        dx.storage.withUnsafeMutableBufferPointer { dxs in
            winners.withUnsafeBufferPointer { wins in
                dy.storage.withUnsafeBufferPointer { dys in
                    let buffers = UnsafeSendable((dxs: dxs, wins: wins, dys: dys))
                    forEachChunk(batch, threads: threads, minimumChunk: 8) { samples in
                        let (dxs, wins, dys) = buffers.value
                        let outputs = (samples.lowerBound * c * oh * ow)..<(samples.upperBound * c * oh * ow)
                        switch reduction {
                        case .max:
                            for out in outputs { dxs[wins[out]] += dys[out] }
                        case .avg:
                            for out in outputs {
                                let (plane, oy, ox) = (out / (oh * ow), out / ow % oh, out % ow)
                                let first = plane * h * w + oy * size * w + ox * size
                                for ky in 0..<size { for kx in 0..<size { dxs[first + ky * w + kx] += dys[out] * scale } }
                            }
                        }
                    }
                }
            }
        }
        return dx
    }
}
