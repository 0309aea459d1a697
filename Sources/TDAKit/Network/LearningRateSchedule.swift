/// Learning rate per epoch: a decay rule times an optional linear warm-up.
///
/// Written `constant`, `step:EVERY:GAMMA` (PyTorch `StepLR`), or `cosine` (PyTorch
/// `CosineAnnealingLR` with `T_max` = the number of epochs and `eta_min` = 0); warm-up scales
/// epoch `e < W` (counted from 0) by `(e + 1)/W`.
public struct LearningRateSchedule: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Decay: Sendable, Equatable, Codable {
        case constant
        case step(every: Int, gamma: Double)
        case cosine
    }

    public var decay: Decay
    public var warmupEpochs: Int

    public init(decay: Decay = .constant, warmupEpochs: Int = 0) {
        self.decay = decay
        self.warmupEpochs = warmupEpochs
    }

    /// Parses `constant`, `cosine` or `step:EVERY:GAMMA`; nil if malformed.
    public init?(parsing text: String, warmupEpochs: Int = 0) {
        let parts = text.split(separator: ":").map(String.init)
        switch (parts.first, parts.count) {
        case ("constant", 1): decay = .constant
        case ("cosine", 1): decay = .cosine
        case ("step", 3):
            guard let every = Int(parts[1]), every > 0, let gamma = Double(parts[2]), gamma > 0 else { return nil }
            decay = .step(every: every, gamma: gamma)
        default: return nil
        }
        self.warmupEpochs = warmupEpochs
    }

    public var description: String {
        switch decay {
        case .constant: return "constant"
        case .cosine: return "cosine"
        case let .step(every, gamma): return "step:\(every):\(gamma)"
        }
    }

    /// The learning rate of epoch `epoch` (from 0) out of `epochs`.
    public func rate(base: Double, epoch: Int, epochs: Int) -> Double {
        var lr = base
        switch decay {
        case .constant: break
        case let .step(every, gamma): lr *= powValue(gamma, Double(epoch / every))
        case .cosine: lr *= (1 + cosValue(Double.pi * Double(epoch) / Double(max(epochs, 1)))) / 2
        }
        if epoch < warmupEpochs { lr *= Double(epoch + 1) / Double(warmupEpochs) }
        return lr
    }
}
