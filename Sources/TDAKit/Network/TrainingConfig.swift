/// Everything that determines a training run besides the data: with the same config and data,
/// training is bit-identical whatever the thread count.
public struct TrainingConfig: Sendable, Equatable, Codable {
    public var architecture: String
    public var loss: String = Loss.crossEntropy.rawValue
    public var optimizer = OptimizerSettings()
    public var learningRate = 0.01
    public var schedule = LearningRateSchedule()
    public var epochs = 20
    public var batchSize = 32
    /// Fraction of the training set held out for early stopping (0: no early stopping).
    public var validationFraction = 0.0
    /// Epochs without a better validation loss before stopping.
    public var patience = 5
    /// Stop after the first epoch whose training accuracy (evaluation mode) reaches this; nil:
    /// train every epoch. The gap study's zoo trains "to near-zero training error" this way.
    public var targetAccuracy: Double?
    public var seed: UInt64 = 0

    public init(architecture: String) { self.architecture = architecture }
}

/// Accuracy and mean loss of a model on a data set.
public struct Evaluation: Sendable, Equatable, Codable {
    public var accuracy: Double
    public var loss: Double
    public init(accuracy: Double, loss: Double) { self.accuracy = accuracy; self.loss = loss }
}

/// What one epoch achieved (the `epoch` record of `nn-train --log`).
public struct EpochReport: Sendable, Equatable {
    public var epoch: Int
    public var learningRate: Double
    /// Mean training-mode loss over the epoch's batches.
    public var loss: Double
    /// Wall-clock time of the epoch's optimisation steps (evaluation excluded).
    public var seconds: Double
    public var train: Evaluation
    public var test: Evaluation?
    public var validation: Evaluation?
}

/// Why training stopped without a model.
public enum TrainingError: Error, CustomStringConvertible, Equatable {
    case diverged(epoch: Int)
    case classMismatch(outputs: Int, classes: Int)
    case inputMismatch(expected: String, got: String)
    case emptyData

    public var description: String {
        switch self {
        case .diverged(let epoch): return "training diverged: the loss became NaN, infinite or above 1e6 in epoch \(epoch) (try a smaller --lr)"
        case let .classMismatch(outputs, classes):
            return "the network has \(outputs) outputs but the data has \(classes) classes; end the architecture with dense:\(classes)"
        case let .inputMismatch(expected, got): return "the network expects inputs of shape \(expected) but the data has \(got)"
        case .emptyData: return "the training data is empty"
        }
    }
}

extension TrainingError: ToolFailure {
    public var status: ExitStatus {
        if case .classMismatch = self { return .usage }
        return .dataError
    }
}
