/// How `nn-train` and `nn-activations` turn their options into data sets and a training config.
extension NNTrainTool {
    /// The data spec of the data options, and the train and test sets it gives
    /// (label and input noise applied to the training set only).
    /// `warn` hears of rows of a file left unused (`--train-size` below what the file holds).
    static func loadData(_ args: ParsedArguments, seed: UInt64, warn: (String) -> Void = { _ in }) throws -> (DataSpec, Dataset, Dataset) {
        var spec = DataSpec(dataset: args.isSet("data") ? "file" : args.string("dataset") ?? "moons")
        spec.dimensions = try positive(args, "dimensions")
        spec.classes = try positive(args, "classes")
        spec.noise = try fraction(args, "noise", upTo: .infinity)
        spec.seed = args.int("data-seed").map { UInt64(truncatingIfNeeded: $0) } ?? seed
        spec.trainSize = try positive(args, "train-size")
        spec.testSize = try nonNegative(args, "test-size")
        spec.labelNoise = try fraction(args, "label-noise", upTo: 1)
        spec.inputNoise = try fraction(args, "input-noise", upTo: .infinity)
        var train: Dataset, test: Dataset
        if let path = args.string("data") {
            spec.files = [path, args.string("labels"), args.string("test-data"), args.string("test-labels")].compactMap { $0 }
            (train, test) = try fileSplit(args, path: path, spec: &spec, warn: warn)
        } else {
            if let shipped = spec.shipped { try fitShippedSizes(args, shipped, spec: &spec) }
            // A sample is its float32 inputs and an integer label, held twice (generated, then split).
            let width = spec.generator == .images ? 16 * 16 : spec.dimensions
            try MemoryGuard.check("--train-size \(spec.trainSize) and --test-size \(spec.testSize) of \(width) inputs each",
                                  bytes: Double(spec.trainSize + spec.testSize) * (Double(width) * 4 + 8) * 2)
            guard let split = spec.cleanSplit() else { throw ToolError.usage("unknown data set \(spec.dataset)") }
            (train, test) = split
        }
        return (spec, spec.noisyTraining(train), test)
    }

    /// Train and test sets from files: `--test-data`; else the file's own `split` column or
    /// records' `meta.split`, honoured; else `--test-size` samples (a fifth unless given) of a
    /// seeded permutation of `--data` are held out. At most `--train-size` training samples.
    static func fileSplit(_ args: ParsedArguments, path: String, spec: inout DataSpec, warn: (String) -> Void) throws -> (Dataset, Dataset) {
        let shape = try inputShape(args)
        let column = args.string("label-column")
        let requested = args.string("diagram-channels").map { $0.split(separator: ",").map { String($0.filter { !$0.isWhitespace }).lowercased() } }
        var (data, splits, channels) = try DataFiles.loadWithSplits(path, labels: args.string("labels"), labelColumn: column, shape: shape,
                                                                    diagramChannels: requested)
        if data.classNames == nil { try ClassEncoding.checkNoEmptyClasses(data.labels, name: path) }
        var test: Dataset
        if let testPath = args.string("test-data") {
            // Test diagrams are padded (or cut to their prominent points) as the training ones.
            test = try DataFiles.load(testPath, labels: args.string("test-labels"), labelColumn: column, shape: shape ?? (channels == nil ? nil : data.shape),
                                      knownClasses: data.classNames, diagramChannels: channels)
            guard test.shape == data.shape else { throw ToolError.data(testPath, "samples have shape \(test.shape), training samples \(data.shape)") }
            let classes = max(data.classes, test.classes)
            (data.classes, test.classes) = (classes, classes)
        } else if let splits, !args.isSet("test-size") {
            let rows = splits.indices
            (data, test) = (data.subset(rows.filter { splits[$0] != "test" }), data.subset(rows.filter { splits[$0] == "test" }))
        } else {
            if !args.isSet("test-size") { spec.testSize = data.count / 5 }
            guard spec.testSize < data.count else {
                throw ToolError.usage("--test-size \(spec.testSize) leaves no training samples of the \(data.count) in \(path)")
            }
            var rng = random(spec.seed)
            let order = NetworkRandom.permutation(data.count, &rng)
            test = data.subset(Array(order.suffix(spec.testSize)))
            data = data.subset(Array(order.dropLast(spec.testSize)))
        }
        if args.isSet("train-size"), spec.trainSize < data.count {
            warn("\(path): training on \(spec.trainSize) of its \(data.count) training rows (--train-size)")
            data = data.subset(Array(0..<spec.trainSize))
        }
        spec.trainSize = data.count
        spec.testSize = test.count
        spec.classNames = data.classNames
        spec.channels = channels
        return (data, test)
    }

    /// Sizes for a shipped data set, which has a fixed number of samples: `--test-size` (default
    /// a fifth) are held out, and training takes the rest unless `--train-size` asks for fewer.
    static func fitShippedSizes(_ args: ParsedArguments, _ shipped: ShippedData, spec: inout DataSpec) throws {
        if !args.isSet("test-size") { spec.testSize = shipped.count / 5 }
        guard spec.testSize < shipped.count else {
            throw ToolError.usage("--test-size \(spec.testSize) leaves no training samples of the \(shipped.count) in \(shipped.rawValue)")
        }
        let available = shipped.count - spec.testSize
        if !args.isSet("train-size") { spec.trainSize = available }
        guard spec.trainSize <= available else {
            throw ToolError.usage("--train-size \(spec.trainSize) + --test-size \(spec.testSize) exceed the \(shipped.count) samples of \(shipped.rawValue)")
        }
        if let shape = try inputShape(args) {
            guard shape.count == 64 else { throw ToolError.usage("--input-shape \(shape) does not hold the 64 pixels of \(shipped.rawValue) (try 1,8,8)") }
            spec.shape = shape.dimensions
        }
    }

    /// The probe data of a saved model: the data options when any is given, else the model's own
    /// data spec (the same training inputs it was fit on, without label noise).
    static func probeData(_ args: ParsedArguments, model: NetworkModelFile, seed: UInt64) throws -> (Dataset, Dataset) {
        let explicit = dataOptions.contains { $0.name != "data-seed" && args.isSet($0.name) }
        if !explicit, let spec = model.data, let split = spec.cleanSplit() { return split }
        if !explicit, let spec = model.data, let files = spec.files, let first = files.first {
            throw ToolError.usage("model data came from \(first); give it again with --data")
        }
        let (_, train, test) = try loadData(args, seed: seed)
        return (train, test)
    }

    static func trainingConfig(_ args: ParsedArguments, architecture: String, seed: UInt64) throws -> TrainingConfig {
        var config = TrainingConfig(architecture: architecture)
        config.loss = args.string("loss") ?? Loss.crossEntropy.rawValue
        let method = OptimizerSettings.Method(rawValue: args.string("optimizer") ?? "adam") ?? .adam
        config.optimizer = OptimizerSettings(method: method)
        config.optimizer.momentum = Float(try fraction(args, "momentum", upTo: 1))
        config.optimizer.nesterov = args.flag("nesterov")
        if args.isSet("weight-decay") { config.optimizer.weightDecay = Float(try fraction(args, "weight-decay", upTo: .infinity)) }
        if config.optimizer.nesterov && config.optimizer.momentum == 0 { throw ToolError.usage("--nesterov needs --momentum > 0") }
        config.learningRate = try fraction(args, "lr", upTo: .infinity)
        let warmup = try nonNegative(args, "warmup")
        let rule = args.string("schedule") ?? "constant"
        guard let schedule = LearningRateSchedule(parsing: rule, warmupEpochs: warmup) else {
            throw ToolError.usage("--schedule \(rule): expected constant, cosine or step:EVERY:GAMMA")
        }
        config.schedule = schedule
        config.epochs = try positive(args, "epochs")
        config.batchSize = try positive(args, "batch-size")
        config.validationFraction = try fraction(args, "validation", upTo: 0.9)
        config.patience = try positive(args, "patience")
        if args.isSet("target-acc") { config.targetAccuracy = try fraction(args, "target-acc", upTo: 1) }
        config.seed = seed
        return config
    }

    static func inputShape(_ args: ParsedArguments) throws -> TensorShape? {
        guard let text = args.string("input-shape") else { return nil }
        let dims = text.split(separator: ",").compactMap { Int($0) }
        // Graph shapes come from graph records, never from this option.
        guard let shape = TensorShape(dimensions: dims), !shape.isGraph, dims.count == text.split(separator: ",").count else {
            throw ToolError.usage("--input-shape \(text): expected FEATURES or CHANNELS,HEIGHT,WIDTH")
        }
        return shape
    }

    static func positive(_ args: ParsedArguments, _ name: String) throws -> Int {
        let value = try nonNegative(args, name)
        guard value > 0 else { throw ToolError.usage("--\(name) must be positive") }
        return value
    }

    private static func nonNegative(_ args: ParsedArguments, _ name: String) throws -> Int {
        guard let value = args.int(name), value >= 0 else {
            throw ToolError.usage("--\(name) must be a non-negative integer")
        }
        return value
    }

    /// A number in [0, limit] (the option's declared default when absent).
    static func fraction(_ args: ParsedArguments, _ name: String, upTo limit: Double) throws -> Double {
        guard let value = args.double(name), value >= 0, value <= limit else {
            throw ToolError.usage("--\(name) must be a number in [0, \(limit)]")
        }
        return value
    }
}
