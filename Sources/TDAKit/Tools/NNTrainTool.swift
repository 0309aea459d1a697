import Foundation

/// The `nn-train` tool: train neural networks (MLPs and small CNNs) and write model files.
///
/// `fit` trains one network and writes the model file (`-o`) and a `model` record; `eval` scores
/// a saved model and `measures` computes its generalization measures; `data` writes a data set
/// as `sample` records or CSV. The data options are shared with `nn-activations`, which rebuilds
/// a model's training inputs from its model file.
public enum NNTrainTool {
    /// Generated data sets, then the shipped real ones.
    static let builtInDataSets = SyntheticData.allCases.map(\.rawValue) + ShippedData.allCases.map(\.rawValue)

    /// Options that choose and shape the data (built-in generator or files).
    public static let dataOptions: [OptionSpec] = [
        OptionSpec("dataset", .choice(builtInDataSets), default: "moons", help: "Built-in data set (digits: the shipped real one)."),
        OptionSpec("data", .file, help: "Data file: CSV (--label-column), features .npy (--labels), or sample JSON Lines."),
        OptionSpec("labels", .file, help: "Labels .npy for a features .npy given with --data."),
        OptionSpec("label-column", .text, placeholder: "NAME|N",
                   help: "CSV column holding the class: a header name, or a number (negative counts from the end). Default: a column named label, y, class or target, else the last (probe files of nn-activations: none)."),
        OptionSpec("test-data", .file, help: "Test data file (same format as --data); else --test-size samples are held out."),
        OptionSpec("test-labels", .file, help: "Labels .npy for --test-data."),
        OptionSpec("input-shape", .text, placeholder: "C,H,W", help: "Shape of each file sample, e.g. 1,16,16 for images (default flat)."),
        OptionSpec("train-size", .integer, default: "800", help: "Training samples (generated sets; files and digits: at most what the test set leaves)."),
        OptionSpec("test-size", .integer, default: "1000", help: "Test samples generated, or held out of --data when there is no --test-data (of files and digits: a fifth unless given)."),
        OptionSpec("dimensions", .integer, default: "2", help: "Input dimension of moons, circles, spirals, blobs, xor."),
        OptionSpec("noise", .number, default: "0.1", help: "Noise of the built-in generator (pixel noise for images)."),
        OptionSpec("classes", .integer, default: "3", help: "Classes of spirals, blobs and images."),
        OptionSpec("data-seed", .integer, placeholder: "S", help: "Seed of the data and its train/test split (default: --seed)."),
        OptionSpec("label-noise", .number, default: "0", placeholder: "FRACTION", help: "Fraction of training labels replaced by another class."),
        OptionSpec("input-noise", .number, default: "0", placeholder: "SIGMA", help: "Gaussian noise added to the training inputs."),
    ]

    static let fitOptions: [OptionSpec] = [
        OptionSpec("arch", .list(Architecture.layerKinds), placeholder: "LAYERS",
                   help: "Architecture, e.g. dense:64,relu,dropout:0.2,dense:10 or conv:8x3:s1:p1,relu,maxpool:2,flatten,dense:10."),
        OptionSpec("loss", .choice(Loss.allCases.map(\.rawValue)), default: "cross-entropy", help: "Training loss."),
        OptionSpec("optimizer", .choice(OptimizerSettings.Method.allCases.map(\.rawValue)), default: "adam", help: "Optimiser (PyTorch's update rules)."),
        OptionSpec("lr", .number, default: "0.001", help: "Learning rate."),
        OptionSpec("momentum", .number, default: "0", help: "SGD momentum."),
        OptionSpec("nesterov", help: "Nesterov momentum (SGD)."),
        OptionSpec("weight-decay", .number, default: "0 (adamw: 0.01)", help: "Weight decay (L2 for sgd/adam, decoupled for adamw)."),
        OptionSpec("schedule", .text, default: "constant", placeholder: "RULE", help: "Learning-rate rule: constant, cosine, step:EVERY:GAMMA."),
        OptionSpec("warmup", .integer, default: "0", help: "Epochs of linear learning-rate warm-up."),
        OptionSpec("epochs", .integer, default: "20", help: "Training epochs."),
        OptionSpec("batch-size", .integer, default: "32", help: "Mini-batch size."),
        OptionSpec("validation", .number, default: "0", placeholder: "FRACTION", help: "Hold out this fraction of the training set for early stopping."),
        OptionSpec("patience", .integer, default: "5", help: "Epochs without a better validation loss before stopping."),
        OptionSpec("target-acc", .number, placeholder: "FRACTION", help: "Stop after the first epoch whose training accuracy reaches FRACTION (--epochs is then the budget)."),
        OptionSpec("id", .text, help: "Id of the model record (default: the model file's name without .json)."),
        OptionSpec("log", help: "Write one epoch record per epoch to standard output."),
        OptionSpec("init", .file, placeholder: "WEIGHTS", help: "Start from these safetensors weights instead of PyTorch's default initialisation."),
        OptionSpec("cv", .integer, placeholder: "K",
                   help: "Stratified K-fold cross-validation of all the data instead of a model file: a report record per fold and one with the mean and SD accuracy."),
        OptionSpec("diagram-channels", .text, placeholder: "LIST",
                   help: "Diagrams of diagram-record data fed to a perslay layer: h0, h1, ... and ord0, rel1, ext0, ext1 (default: the four extended ones when present, else every ordinary dimension)."),
    ]

    /// The largest `--samples` of `measures`.
    static let maximumSharpnessSamples = 10_000

    static let namingOption = OptionSpec("names", .choice(StateDict.Naming.allCases.map(\.rawValue)), default: "torch",
                                         help: "Tensor names: torch (nn.Sequential indices, 0.weight) or tda (dense1.weight).")

    static let importOptions: [OptionSpec] = [
        OptionSpec("weights", .file, help: "safetensors file of a PyTorch state_dict (or one written by export)."),
        OptionSpec("arch", .list(Architecture.layerKinds), placeholder: "LAYERS",
                   help: "Architecture of the weights (default: the one stored in the file by export)."),
        OptionSpec("id", .text, help: "Id of the model record (default: the model file's name without .json)."),
    ]

    static let measuresOptions: [OptionSpec] = [
        OptionSpec("model", .file, help: "Model file to measure."),
        OptionSpec("init", .file, placeholder: "WEIGHTS",
                   help: "The safetensors weights the model was trained from (fit --init); default: PyTorch's initialisation from the model's seed."),
        OptionSpec("noise-sigma", .number, default: "0.1", placeholder: "SIGMA", help: "Input noise of noise_drop."),
        OptionSpec("samples", .integer, default: "5", help: "Weight-noise draws per bisection step of sharpness."),
    ]

    public static let spec = ToolSpec(
        name: "nn-train",
        summary: "train neural networks (MLPs and small CNNs) and write model files",
        options: [StandardOptions.seed, StandardOptions.threads, StandardOptions.output],
        subcommands: [
            SubcommandSpec("fit", summary: "train one network; write the model file (-o) and a model record", options: fitOptions + dataOptions, operands: .none, operandPlaceholder: ""),
            SubcommandSpec("eval", summary: "accuracy and loss of a saved model on its train and test data (report records)",
                           options: [OptionSpec("model", .file, help: "Model file to evaluate.")] + dataOptions, operands: .none, operandPlaceholder: ""),
            SubcommandSpec("measures", summary: "generalization measures of a saved model on its training data (the PGDL baselines; one vector record)",
                           options: measuresOptions + dataOptions, operands: .none, operandPlaceholder: ""),
            SubcommandSpec("export", summary: "write a model's weights as a safetensors state_dict for PyTorch",
                           options: [OptionSpec("model", .file, help: "Model file to export."), namingOption], operands: .none, operandPlaceholder: ""),
            SubcommandSpec("import", summary: "make a model file from safetensors weights (a PyTorch state_dict); scored on the data options if given",
                           options: importOptions + dataOptions, operands: .none, operandPlaceholder: ""),
            SubcommandSpec("filtrations", summary: "graph records with the learned filtration values of a model's togl layers added (values togl1.f1, ...)",
                           options: [OptionSpec("model", .file, help: "Model file with togl layers.")], operands: .files, operandPlaceholder: "[GRAPH-RECORDS...]"),
            SubcommandSpec("data", summary: "write a data set's train and test samples as sample records or CSV",
                           options: [OptionSpec("format", .choice(["jsonl", "csv"]), default: "jsonl", help: "Output sample records or CSV (label last, split column first).")] + dataOptions,
                           operands: .none, operandPlaceholder: ""),
        ],
        subcommandRequired: true, operands: .none, operandPlaceholder: "",
        epilog: "Layers: " + Architecture.layerKinds.joined(separator: ", ") + ". Data sets: " + builtInDataSets.joined(separator: ", ") + "."
    )

    public static func run(_ context: ToolContext) throws {
        AllocatorTuning.reuseFreedMemory()
        switch context.arguments.subcommand {
        case "fit": try fit(context)
        case "eval": try evaluate(context)
        case "measures": try measure(context)
        case "export": try exportWeights(context)
        case "import": try importWeights(context)
        case "filtrations": try writeFiltrations(context)
        default: try writeData(context)
        }
    }

    /// The toolkit's generator (xoshiro256**) for a seed.
    static func random(_ seed: UInt64) -> Xoshiro256StarStar { Xoshiro256StarStar(seed: seed) }

    static func fit(_ context: ToolContext) throws {
        let args = context.arguments
        if args.isSet("cv") { return try crossValidate(context, folds: try positive(args, "cv")) }
        guard let arch = args.string("arch") else { throw ToolError.usage("fit needs --arch, e.g. --arch dense:64,relu,dense:2") }
        guard let path = args.string("output"), path != "-" else { throw ToolError.usage("fit needs -o MODEL.json (the model file)") }
        let (spec, train, test) = try loadData(args, seed: context.seed, warn: context.warn)
        let config = try trainingConfig(args, architecture: arch, seed: context.seed)
        let (network, initialized) = try Initialization.seeded(architecture: arch, input: train.shape, seed: config.seed)
        var rng = initialized
        network.fitDiagramScaling(train.features)
        if let weights = args.string("init") { try StateDict.load(readSafeTensors(weights), into: network) }
        let trainer = try Trainer(network: network, config: config, threads: context.threads)
        let id = args.string("id") ?? modelID(path)
        let writer = try context.recordWriter("-")
        let progress = context.progress("epochs", total: config.epochs)
        var epochsRun = 0
        // The test set is scored after training; per epoch only when logged (it doubled the
        // time of a small CNN's epoch with a test set four times the training set).
        try trainer.fit(train, test: args.flag("log") ? test : nil, rng: &rng) { report in
            epochsRun = report.epoch
            progress.update(report.epoch, status: String(format: "loss %.4g", report.loss))
            if args.flag("log") { try? writer.write(epochRecord(report, id: id)) }
        }
        progress.finish()
        var metrics = scores(trainer, train: train, test: test)
        metrics["epochs_run"] = Double(epochsRun)
        let file = NetworkModelFile(network: network, training: config, metrics: metrics, data: spec)
        let output = try context.output(path)
        try [UInt8](file.encoded()).withUnsafeBytes { try output.append($0) }
        try writer.write(ModelRecord(id: id, meta: file.recordMeta(model: id), path: path).record)
    }

    static func evaluate(_ context: ToolContext) throws {
        let args = context.arguments
        guard let path = args.string("model") else { throw ToolError.usage("eval needs --model FILE") }
        let file = try NetworkModelFile.read(URL(fileURLWithPath: path))
        let (train, test) = try probeData(args, model: file, seed: context.seed)
        let network = try file.network()
        let trainer = try Trainer(network: network, config: file.training ?? TrainingConfig(architecture: file.architecture), threads: context.threads)
        let writer = try context.recordWriter()
        for (split, data) in [("train", train), ("test", test)] where data.count > 0 {
            let score = trainer.evaluate(data)
            try writer.write(Record(type: "report", id: "\(modelID(path))/\(split)", meta: file.meta,
                                    payload: [("split", .string(split)), ("accuracy", .number(score.accuracy)),
                                              ("loss", .number(score.loss)), ("samples", .number(Double(data.count)))]))
        }
    }

    /// One vector record of `GeneralizationMeasures` of a saved model on its training data
    /// (rebuilt as `eval` does), with the model's record meta, so that it joins the model's
    /// records by `meta.model` and its gap is at hand for the regression.
    static func measure(_ context: ToolContext) throws {
        let args = context.arguments
        guard let path = args.string("model") else { throw ToolError.usage("measures needs --model FILE") }
        let file = try NetworkModelFile.read(URL(fileURLWithPath: path))
        if TensorShape(dimensions: file.inputShape)?.isGraph == true {
            throw ToolError.usage("measures needs a network on vectors or images; \(path) is a graph network")
        }
        let initial = try initialNetwork(file, path: path, weights: args.string("init"))
        let (train, _) = try probeData(args, model: file, seed: context.seed)
        let network = try file.network()
        var settings = GeneralizationMeasures.Settings()
        settings.noiseSigma = try fraction(args, "noise-sigma", upTo: .infinity)
        settings.samples = try positive(args, "samples")
        // Each draw is a forward pass per bisection step: beyond this the run takes days, and
        // a huge count would only fail to allocate its seeds.
        guard settings.samples <= maximumSharpnessSamples else {
            throw ToolError.usage("--samples must be at most \(maximumSharpnessSamples)")
        }
        (settings.seed, settings.threads) = (context.seed, context.threads)
        let width = GeneralizationMeasures.penultimateWidth(network)
        try MemoryGuard.check("the \(width) penultimate values of each of \(train.count) training samples", bytes: Double(width) * Double(train.count) * 4)
        let values = try GeneralizationMeasures.values(network: network, initial: initial, train: train, settings: settings)
        let id = modelID(path)
        try context.recordWriter().write(VectorRecord(id: id, meta: file.recordMeta(model: id), values: values,
                                                      names: GeneralizationMeasures.names).record)
    }

    /// The weights a model was trained from: those of `weights` (fit --init), else PyTorch's
    /// default initialisation from the model's training seed, as `fit` drew them.
    static func initialNetwork(_ file: NetworkModelFile, path: String, weights: String?) throws -> Network {
        guard let shape = TensorShape(dimensions: file.inputShape) else { throw NetworkModelFileError.badInputShape(file.inputShape) }
        if let weights {
            let network = try Network(architecture: file.architecture, input: shape)
            try StateDict.load(readSafeTensors(weights), into: network)
            return network
        }
        guard let seed = file.training?.seed else {
            throw ToolError.usage("\(path) has no training seed (an imported model); give --init WEIGHTS.safetensors for dist_init")
        }
        return try Initialization.seeded(architecture: file.architecture, input: shape, seed: seed).network
    }

    /// The model file's metrics: train and test accuracy and loss, and the gap.
    static func scores(_ trainer: Trainer, train: Dataset, test: Dataset) -> [String: Double] {
        let (trainScore, testScore) = (trainer.evaluate(train), trainer.evaluate(test))
        return ["train_acc": trainScore.accuracy, "test_acc": testScore.accuracy, "gap": trainScore.accuracy - testScore.accuracy,
                "train_loss": trainScore.loss, "test_loss": testScore.loss]
    }

    static func exportWeights(_ context: ToolContext) throws {
        let args = context.arguments
        guard let path = args.string("model") else { throw ToolError.usage("export needs --model FILE") }
        let naming = StateDict.Naming(rawValue: args.string("names") ?? "torch") ?? .torch
        let bytes = try StateDict.export(NetworkModelFile.read(URL(fileURLWithPath: path)), naming: naming).encoded()
        try bytes.withUnsafeBytes { try context.output(args.string("output")).append($0) }
    }

    /// A model file from weights trained elsewhere. With data options, its metrics are the
    /// accuracy and loss on that data and the data spec is recorded, as after `fit`, so that
    /// `nn-activations` and the gap study treat it like one of ours.
    static func importWeights(_ context: ToolContext) throws {
        let args = context.arguments
        guard let weightsPath = args.string("weights") else { throw ToolError.usage("import needs --weights FILE.safetensors") }
        guard let path = args.string("output"), path != "-" else { throw ToolError.usage("import needs -o MODEL.json (the model file)") }
        let weights = try readSafeTensors(weightsPath)
        let stored = StateDict.storedArchitecture(weights)
        guard let arch = args.string("arch") ?? stored?.architecture else {
            throw ToolError.usage("\(weightsPath) does not name its architecture; give --arch and --input-shape")
        }
        guard let shape = try inputShape(args) ?? stored.flatMap({ TensorShape(dimensions: $0.inputShape) }) else {
            throw ToolError.usage("give --input-shape (e.g. 784 or 1,28,28) for \(weightsPath)")
        }
        let network = try Network(architecture: arch, input: shape)
        try StateDict.load(weights, into: network)
        var metrics: [String: Double] = [:]
        var spec: DataSpec?
        if args.isSet("dataset") || args.isSet("data") {
            let (dataSpec, train, test) = try loadData(args, seed: context.seed)
            guard train.shape == shape else { throw ToolError.usage("the data's samples have shape \(train.shape), the network's input is \(shape)") }
            let trainer = try Trainer(network: network, config: TrainingConfig(architecture: arch), threads: context.threads)
            metrics = scores(trainer, train: train, test: test)
            spec = dataSpec
        }
        let file = NetworkModelFile(network: network, training: nil, metrics: metrics, data: spec)
        try [UInt8](file.encoded()).withUnsafeBytes { try context.output(path).append($0) }
        let id = args.string("id") ?? modelID(path)
        try context.recordWriter("-").write(ModelRecord(id: id, meta: file.recordMeta(model: id), path: path).record)
    }

    static func readSafeTensors(_ path: String) throws -> SafeTensors {
        guard let bytes = FileManager.default.contents(atPath: path) else { throw ToolError(.noInput, "\(path): cannot read the weights file") }
        do { return try SafeTensors.decode([UInt8](bytes)) } catch { throw ToolError.data(path, error.description) }
    }

    static func writeData(_ context: ToolContext) throws {
        let args = context.arguments
        let (_, train, test) = try loadData(args, seed: context.seed)
        let output = try context.output(args.string("output"))
        let csv = args.string("format") == "csv"
        if csv { try output.append(CSV.line(["split"] + (0..<train.features.cols).map { "x\($0)" } + ["y"])) }
        let writer = RecordWriter(output: output)
        for (split, data) in [("train", train), ("test", test)] {
            for i in 0..<data.count {
                let x = data.features.row(i).map(Double.init)
                if csv {
                    try output.append(CSV.line([split] + x.map(CSV.field) + [String(data.labels[i])]))
                } else {
                    try writer.write(SampleRecord(id: "\(split)/\(i)", meta: JSONObject([("split", .string(split))]),
                                                  x: x, y: .number(Double(data.labels[i]))).record)
                }
            }
        }
    }

    /// The model id implied by a model file path: its name without directory and `.json`.
    static func modelID(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    }

    static func epochRecord(_ r: EpochReport, id: String) -> Record {
        var payload: [(String, JSONValue)] = [("epoch", .number(Double(r.epoch))), ("lr", .number(r.learningRate)),
                                              ("loss", .number(r.loss)), ("train_acc", .number(r.train.accuracy)),
                                              ("train_loss", .number(r.train.loss)), ("seconds", .number(r.seconds))]
        if let t = r.test { payload += [("test_acc", .number(t.accuracy)), ("test_loss", .number(t.loss))] }
        if let v = r.validation { payload += [("val_acc", .number(v.accuracy)), ("val_loss", .number(v.loss))] }
        return Record(type: "epoch", id: id, meta: JSONObject(), payload: payload)
    }
}
