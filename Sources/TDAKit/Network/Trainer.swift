/// Mini-batch training of a `Network` on a `Dataset` (shuffled batches, last one partial, as a
/// PyTorch `DataLoader(shuffle=True)`), with schedules and early stopping on a validation split.
public final class Trainer {
    public let network: Network
    public let config: TrainingConfig
    public let loss: Loss
    public let optimizer: Optimizer
    public var threads: Int

    public init(network: Network, config: TrainingConfig, threads: Int = 1) throws {
        guard let loss = Loss(rawValue: config.loss) else {
            throw ArchitectureError.badArgument(position: 0, token: config.loss, expected: "a loss: cross-entropy or mse")
        }
        self.network = network
        self.config = config
        self.loss = loss
        self.threads = threads
        optimizer = Optimizer(config.optimizer, parameters: network.trainableParameters)
    }

    /// One optimisation step on a batch; returns the batch loss before the step.
    @discardableResult
    public func step(_ x: Matrix<Float>, labels: [Int], lr: Double, seed: UInt64 = 0) -> Double {
        let output = network.forward(x, mode: ForwardMode(training: true, seed: seed, threads: threads))
        let (value, gradient) = loss.evaluate(output, labels: labels)
        network.backward(gradient, threads: threads, inputGradient: false)
        optimizer.step(lr: Float(lr), threads: threads)
        return value
    }

    /// Trains for `config.epochs` epochs: fewer if the training accuracy reaches
    /// `config.targetAccuracy` (the weights of that epoch are kept), or if early stopping fires
    /// (the best validation weights are restored). `onEpoch` sees each epoch's report.
    public func fit<G: RandomNumberGenerator>(
        _ train: Dataset, test: Dataset?, rng: inout G, onEpoch: (EpochReport) -> Void = { _ in }
    ) throws {
        try check(train)
        var (fitSet, validation) = (train, Dataset?.none)
        if config.validationFraction > 0 {
            let (a, b) = train.split(holdout: config.validationFraction, rng: &rng)
            (fitSet, validation) = (a, b)
        }
        var best = (loss: Double.infinity, weights: snapshot(), epoch: 0)
        for epoch in 0..<config.epochs {
            let lr = config.schedule.rate(base: config.learningRate, epoch: epoch, epochs: config.epochs)
            let order = NetworkRandom.permutation(fitSet.count, &rng)
            var total = 0.0
            let clock = ContinuousClock(), started = clock.now
            for start in stride(from: 0, to: order.count, by: config.batchSize) {
                let batch = fitSet.subset(Array(order[start..<min(start + config.batchSize, order.count)]))
                let value = step(batch.features, labels: batch.labels, lr: lr, seed: rng.next())
                guard value.isFinite, value <= Self.explodedLoss else { throw TrainingError.diverged(epoch: epoch + 1) }
                total += value * Double(batch.count)
            }
            let elapsed = started.duration(to: clock.now).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
            let report = EpochReport(epoch: epoch + 1, learningRate: lr, loss: total / Double(fitSet.count), seconds: seconds,
                                     train: evaluate(fitSet), test: test.map(evaluate), validation: validation.map(evaluate))
            onEpoch(report)
            if let target = config.targetAccuracy, report.train.accuracy >= target { return }
            guard let v = report.validation else { continue }
            if v.loss < best.loss {
                best = (v.loss, snapshot(), epoch)
            } else if epoch - best.epoch >= config.patience {
                restore(best.weights)
                return
            }
        }
    }

    /// A batch loss above this means the weights have blown up (as with `--lr 1e10`): cross-entropy
    /// and MSE against one-hot targets start near 1 and only exceed it when outputs reach ~1e6.
    static let explodedLoss = 1e6

    /// Accuracy and loss in evaluation mode.
    public func evaluate(_ data: Dataset) -> Evaluation {
        guard data.count > 0 else { return Evaluation(accuracy: 0, loss: 0) }
        var correct = 0, total = 0.0
        for start in stride(from: 0, to: data.count, by: 1024) {
            let batch = data.subset(Array(start..<min(start + 1024, data.count)))
            let output = network.forward(batch.features, mode: ForwardMode(training: false, threads: threads))
            total += loss.evaluate(output, labels: batch.labels).loss * Double(batch.count)
            correct += zip(predictedClasses(output), batch.labels).filter { $0 == $1 }.count
        }
        return Evaluation(accuracy: Double(correct) / Double(data.count), loss: total / Double(data.count))
    }

    private func check(_ data: Dataset) throws {
        guard data.count > 0 else { throw TrainingError.emptyData }
        guard data.shape.count == network.inputShape.count else {
            throw TrainingError.inputMismatch(expected: network.inputShape.description, got: data.shape.description)
        }
        guard network.outputShape.count == data.classes else {
            throw TrainingError.classMismatch(outputs: network.outputShape.count, classes: data.classes)
        }
    }

    private func snapshot() -> [[Float]] { network.namedParameters.map(\.parameter.value) }

    private func restore(_ weights: [[Float]]) {
        for (p, w) in zip(network.namedParameters.map(\.parameter), weights) { p.value = w }
    }
}
