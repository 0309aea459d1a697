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
        // Direct loops over raw buffers: the window-by-window closure of `forEachWindow` was
        // 15% of a CNN training step (perf).
        y.storage.withUnsafeMutableBufferPointer { ys in
            won.withUnsafeMutableBufferPointer { wins in
                x.storage.withUnsafeBufferPointer { xs in
                    var out = 0
                    for plane in 0..<(x.rows * c) {
                        for oy in 0..<oh {
                            for ox in 0..<ow {
                                let first = plane * h * w + oy * size * w + ox * size
                                switch reduction {
                                case .max:
                                    var best = first
                                    for ky in 0..<size {
                                        for kx in 0..<size {
                                            let t = first + ky * w + kx
                                            if xs[t] > xs[best] || xs[t].isNaN { best = t }
                                        }
                                    }
                                    ys[out] = xs[best]
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
        if mode.training { winners = won; batch = x.rows }
        return y
    }

    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> {
        var dx = Matrix<Float>(rows: batch, cols: inputShape.count)
        let (scale, reduction) = (1 / Float(size * size), reduction)
        dx.storage.withUnsafeMutableBufferPointer { dxs in
            winners.withUnsafeBufferPointer { wins in
                dy.storage.withUnsafeBufferPointer { dys in
                    forEachWindow(samples: batch) { out, taps in
                        switch reduction {
                        case .max: dxs[wins[out]] += dys[out]
                        case .avg: for t in taps { dxs[t] += dys[out] * scale }
                        }
                    }
                }
            }
        }
        return dx
    }

    /// Calls `body(output index, input indices of its window)` over the whole batch.
    @inline(__always)
    private func forEachWindow(samples: Int, _ body: (Int, UnsafeBufferPointer<Int>) -> Void) {
        let (c, h, w, size) = (inputShape.channels, inputShape.height, inputShape.width, size)
        let (oh, ow) = (outputShape.height, outputShape.width)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: size * size) { taps in
            for s in 0..<samples {
                for ch in 0..<c {
                    for oy in 0..<oh {
                        for ox in 0..<ow {
                            for ky in 0..<size {
                                for kx in 0..<size {
                                    taps[ky * size + kx] = s * c * h * w + (ch * h + oy * size + ky) * w + ox * size + kx
                                }
                            }
                            body(((s * c + ch) * oh + oy) * ow + ox, UnsafeBufferPointer(taps))
                        }
                    }
                }
            }
        }
    }
}
