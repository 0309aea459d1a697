/// Optimiser settings, with PyTorch's defaults.
public struct OptimizerSettings: Sendable, Equatable, Codable {
    public enum Method: String, CaseIterable, Sendable, Codable { case sgd, adam, adamw }

    public var method: Method = .sgd
    public var momentum: Float = 0
    public var nesterov = false
    public var weightDecay: Float = 0
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-8

    public init(method: Method = .sgd) {
        self.method = method
        if method == .adamw { weightDecay = 0.01 }
    }
}

/// Updates parameters from their gradients exactly as `torch.optim.SGD`, `Adam` and `AdamW`
/// (single-tensor code path) do, including their weight-decay conventions: SGD and Adam add
/// `wd·p` to the gradient; AdamW multiplies `p` by `1 − lr·wd` before the Adam step.
public final class Optimizer {
    public let settings: OptimizerSettings
    private let parameters: [Parameter]
    private var first: [[Float]]
    private var second: [[Float]]
    private var steps = 0

    public init(_ settings: OptimizerSettings, parameters: [Parameter]) {
        self.settings = settings
        self.parameters = parameters
        first = parameters.map { _ in [] }
        second = parameters.map { _ in [] }
    }

    /// One update with learning rate `lr`; large tensors are split over `threads` threads
    /// (each element's update is independent, so the result does not depend on the count).
    public func step(lr: Float, threads: Int = 1) {
        steps += 1
        let (settings, steps) = (settings, steps)
        for (i, p) in parameters.enumerated() {
            if first[i].isEmpty {
                first[i] = [Float](repeating: 0, count: p.count)
                second[i] = settings.method == .sgd ? [] : first[i]
            }
            // Raw pointers: per-element class-property access cost 60% of a training step in
            // exclusivity checks (perf, MLP 64-256-256-10).
            p.value.withUnsafeMutableBufferPointer { w in
                p.gradient.withUnsafeBufferPointer { g in
                    first[i].withUnsafeMutableBufferPointer { m in
                        second[i].withUnsafeMutableBufferPointer { v in
                            let buffers = UnsafeSendable((w: w, g: g, m: m, v: v))
                            // Below 32 Ki values a thread's share takes about as long as waking it.
                            forEachChunk(w.count, threads: threads, minimumChunk: 1 << 15) { r in
                                let (w, g, m, v) = buffers.value, j = r.lowerBound
                                switch settings.method {
                                case .sgd:
                                    Self.sgdStep(w.baseAddress! + j, g.baseAddress! + j, m.baseAddress! + j, count: r.count,
                                                 lr: lr, settings: settings, first: steps == 1)
                                case .adam, .adamw:
                                    Self.adamStep(w.baseAddress! + j, g.baseAddress! + j, m.baseAddress! + j,
                                                  v.baseAddress! + j, count: r.count, lr: lr, settings: settings, steps: steps)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `torch.optim.SGD`: the momentum buffer starts as the first gradient (no dampening).
    private static func sgdStep(_ w: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ buffer: UnsafeMutablePointer<Float>,
                                count: Int, lr: Float, settings: OptimizerSettings, first: Bool) {
        let (decay, momentum, nesterov) = (settings.weightDecay, settings.momentum, settings.nesterov)
        for j in 0..<count {
            var d = g[j]
            if decay != 0 { d += decay * w[j] }
            if momentum != 0 {
                let b = first ? d : momentum * buffer[j] + d
                buffer[j] = b
                d = nesterov ? d + momentum * b : b
            }
            w[j] -= lr * d
        }
    }

    /// `torch.optim.Adam` / `AdamW` (single-tensor path, no amsgrad).
    private static func adamStep(_ w: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>,
                                 _ v: UnsafeMutablePointer<Float>, count: Int, lr: Float, settings s: OptimizerSettings, steps: Int) {
        let bias1 = 1 - pow(Double(s.beta1), Double(steps))
        let bias2Root = Float((1 - pow(Double(s.beta2), Double(steps))).squareRoot())
        let stepSize = Float(Double(lr) / bias1)
        let decoupled = s.method == .adamw
        for j in 0..<count {
            var d = g[j]
            if decoupled {
                w[j] *= 1 - lr * s.weightDecay
            } else if s.weightDecay != 0 {
                d += s.weightDecay * w[j]
            }
            m[j] += (d - m[j]) * (1 - s.beta1)
            v[j] = v[j] * s.beta2 + (1 - s.beta2) * d * d
            w[j] -= stepSize * m[j] / (v[j].squareRoot() / bias2Root + s.epsilon)
        }
    }
}

private func pow(_ x: Double, _ y: Double) -> Double { powValue(x, y) }
