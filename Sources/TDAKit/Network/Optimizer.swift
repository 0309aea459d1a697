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

    /// One update with learning rate `lr`.
    public func step(lr: Float) {
        steps += 1
        for (i, p) in parameters.enumerated() {
            switch settings.method {
            case .sgd: sgdStep(i, p, lr: lr)
            case .adam, .adamw: adamStep(i, p, lr: lr)
            }
        }
    }

    private func sgdStep(_ i: Int, _ p: Parameter, lr: Float) {
        let s = settings
        for j in p.value.indices {
            var g = p.gradient[j] + (s.weightDecay != 0 ? s.weightDecay * p.value[j] : 0)
            if s.momentum != 0 {
                if first[i].isEmpty { first[i] = [Float](repeating: 0, count: p.count) }
                // PyTorch: the buffer starts as the first gradient (no dampening).
                let buffer = steps == 1 ? g : s.momentum * first[i][j] + g
                first[i][j] = buffer
                g = s.nesterov ? g + s.momentum * buffer : buffer
            }
            p.value[j] -= lr * g
        }
    }

    private func adamStep(_ i: Int, _ p: Parameter, lr: Float) {
        let s = settings
        if first[i].isEmpty {
            first[i] = [Float](repeating: 0, count: p.count)
            second[i] = first[i]
        }
        let bias1 = 1 - pow(Double(s.beta1), Double(steps))
        let bias2Root = Float((1 - pow(Double(s.beta2), Double(steps))).squareRoot())
        let stepSize = Float(Double(lr) / bias1)
        for j in p.value.indices {
            var g = p.gradient[j]
            if s.method == .adamw {
                p.value[j] *= 1 - lr * s.weightDecay
            } else if s.weightDecay != 0 {
                g += s.weightDecay * p.value[j]
            }
            first[i][j] += (g - first[i][j]) * (1 - s.beta1)
            second[i][j] = second[i][j] * s.beta2 + (1 - s.beta2) * g * g
            let denominator = second[i][j].squareRoot() / bias2Root + s.epsilon
            p.value[j] -= stepSize * first[i][j] / denominator
        }
    }
}

private func pow(_ x: Double, _ y: Double) -> Double { powValue(x, y) }
