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
        var y = Matrix<Float>(rows: x.rows, cols: outputShape.count)
        var won = [Int](repeating: 0, count: reduction == .max ? x.rows * outputShape.count : 0)
        let (scale, reduction) = (1 / Float(size * size), reduction)
        let (c, h, w, size) = (inputShape.channels, inputShape.height, inputShape.width, size)
        let (oh, ow) = (outputShape.height, outputShape.width)
        // Direct loops over raw buffers: the window-by-window closure of an iterator was 15% of
        // a CNN training step (perf). Samples are split over the threads.
        y.storage.withUnsafeMutableBufferPointer { ys in
            won.withUnsafeMutableBufferPointer { wins in
                x.storage.withUnsafeBufferPointer { xs in
                    let buffers = UnsafeSendable((ys: ys, wins: wins, xs: xs))
                    forEachChunk(x.rows, threads: mode.threads, minimumChunk: 8) { samples in
                        let (ys, wins, xs) = buffers.value
                        var out = samples.lowerBound * c * oh * ow
                        for plane in (samples.lowerBound * c)..<(samples.upperBound * c) {
                            for oy in 0..<oh {
                                for ox in 0..<ow {
                                    let first = plane * h * w + oy * size * w + ox * size
                                    switch reduction {
                                    case .max:
                                        // Selects, not branches: on real data the comparison
                                        // is unpredictable (perf: most of the pooling time).
                                        var (best, top) = (first, xs[first])
                                        for ky in 0..<size {
                                            for kx in 0..<size {
                                                let t = first + ky * w + kx, v = xs[t]
                                                let take = v > top || v.isNaN
                                                best = take ? t : best
                                                top = take ? v : top
                                            }
                                        }
                                        ys[out] = top
                                        wins[out] = best
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
