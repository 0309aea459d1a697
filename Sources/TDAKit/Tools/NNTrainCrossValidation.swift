import Foundation

/// `nn-train fit --cv K`: stratified K-fold cross-validation instead of one model file.
extension NNTrainTool {
    /// Trains one network per fold on the other folds (all the data: the training and the test
    /// samples together) and scores it on the fold; writes a `report` record per fold and a
    /// summary `report` with the mean and population SD of the fold accuracies. Folds run side by
    /// side on up to `--threads` threads, each single-threaded and from the same seed, so the
    /// records are the same at any thread count.
    static func crossValidate(_ context: ToolContext, folds k: Int) throws {
        let args = context.arguments
        guard let arch = args.string("arch") else { throw ToolError.usage("fit needs --arch, e.g. --arch dense:64,relu,dense:2") }
        if args.isSet("output") { throw ToolError.usage("--cv writes report records, not a model file: drop -o") }
        let (spec, train, test) = try loadData(args, seed: context.seed, warn: context.warn)
        let data = Dataset(features: Matrix(rows: train.count + test.count, cols: train.features.cols, storage: train.features.storage + test.features.storage),
                           labels: train.labels + test.labels, shape: train.shape, classes: max(train.classes, test.classes), classNames: train.classNames)
        let config = try trainingConfig(args, architecture: arch, seed: context.seed)
        _ = try Network(architecture: arch, input: data.shape)
        var generator = random(spec.seed)
        let folds = try StratifiedKFold.folds(labels: data.labels, k: k, generator: &generator)
        let clock = ContinuousClock(), started = clock.now
        let progress = context.progress("folds", total: k)
        var results = [Result<(train: Evaluation, test: Evaluation, epochs: Int), any Error>](repeating: .failure(ToolError.usage("")), count: k)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer.baseAddress!)
            let counter = UnsafeSendable(ProgressCounter(total: k) { done, _ in progress.update(done) })
            forEachChunk(k, threads: context.threads, minimumChunk: 1) { range in
                for fold in range {
                    out.value[fold] = Result { try trainFold(folds[fold], of: data, config: config) }
                    counter.value.add(1)
                }
            }
        }
        progress.finish()
        let id = args.string("id") ?? "cv"
        let writer = try context.recordWriter("-")
        var accuracies = [Double]()
        for (fold, result) in results.enumerated() {
            let score = try result.get()
            accuracies.append(score.test.accuracy)
            try writer.write(Record(type: "report", id: "\(id)/fold\(fold + 1)", meta: JSONObject(), payload: [
                ("fold", .number(Double(fold + 1))), ("train_size", .number(Double(data.count - folds[fold].test.count))),
                ("test_size", .number(Double(folds[fold].test.count))), ("train_acc", .number(score.train.accuracy)),
                ("test_acc", .number(score.test.accuracy)), ("test_loss", .number(score.test.loss)), ("epochs_run", .number(Double(score.epochs))),
            ]))
        }
        let elapsed = started.duration(to: clock.now).components
        try writer.write(Record(type: "report", id: id, meta: JSONObject(spec.meta), payload: [
            ("cv", .number(Double(k))), ("stratified", .bool(true)), ("samples", .number(Double(data.count))),
            ("accuracy_mean", .number(Statistics.mean(accuracies))),
            ("accuracy_sd", .number(Statistics.populationStandardDeviation(accuracies))),
            ("accuracies", .numbers(accuracies)), ("layers", .string(arch)), ("seed", .number(Double(config.seed))),
            ("seconds", .number(Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)),
        ]))
    }

    /// One fold: a network from the run's seed, diagram scaling fitted on the fold's training
    /// part, trained single-threaded, scored on both parts.
    static func trainFold(_ fold: Fold, of data: Dataset, config: TrainingConfig) throws -> (train: Evaluation, test: Evaluation, epochs: Int) {
        let (train, test) = (data.subset(fold.train(count: data.count)), data.subset(fold.test))
        var (network, rng) = try Initialization.seeded(architecture: config.architecture, input: data.shape, seed: config.seed)
        network.fitDiagramScaling(train.features)
        let trainer = try Trainer(network: network, config: config, threads: 1)
        var epochs = 0
        try trainer.fit(train, test: nil, rng: &rng) { epochs = $0.epoch }
        return (trainer.evaluate(train), trainer.evaluate(test), epochs)
    }
}
