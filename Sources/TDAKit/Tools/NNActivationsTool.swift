import Foundation

/// The `nn-activations` tool: stream a network's layer activations as point clouds.
///
/// For each model (`--model FILE`, or `model` records on stdin) it runs the same fixed probe
/// inputs through the network and writes one `cloud` record per chosen layer (or per neuron
/// sample), carrying the model's `meta` plus `layer`, `at` and `draw`.
public enum NNActivationsTool {
    static let activationOptions: [OptionSpec] = [
        OptionSpec("model", .file, help: "Model file (otherwise model records are read from the operands or standard input)."),
        OptionSpec("inputs", .integer, default: "all", help: "Number of probe inputs, the same for every model."),
        OptionSpec("input-seed", .integer, default: "0", placeholder: "S", help: "Seed choosing the probe inputs."),
        OptionSpec("split", .choice(["train", "test"]), default: "train", help: "Take probe inputs from the training or the test split."),
        OptionSpec("layers", .text, default: "weighted", placeholder: "LAYERS", help: "all, weighted, or a comma list of layer names (dense1) or positions (1 = first)."),
        OptionSpec("at", .choice(ActivationPoint.allCases.map(\.rawValue)), default: "post", help: "Read a dense/conv layer before (pre) or after (post) its activation function."),
        OptionSpec("conv-reduce", .choice(ConvReduction.allCases.map(\.rawValue)), default: "none", help: "Conv layers: every position×channel (none), or one value per channel."),
        OptionSpec("concat", help: "Concatenate the chosen layers into one cloud."),
        OptionSpec("points", .choice(["samples", "neurons"]), default: "samples", help: "Rows are inputs (samples, with labels) or neurons."),
        OptionSpec("neurons", .integer, help: "Sample this many neurons per layer (default: all)."),
        OptionSpec("draws", .integer, default: "1", help: "Independent neuron samples per layer (ids MODEL/LAYER/sK)."),
        OptionSpec("sampling", .choice(NeuronSampling.Method.allCases.map(\.rawValue)), default: "importance", help: "Neuron sampling rule (Ballester et al. 2024) or uniform."),
        OptionSpec("allow-fewer", help: "Take all neurons of a layer smaller than --neurons (with a warning) instead of failing."),
    ]

    public static let spec = ToolSpec(
        name: "nn-activations",
        summary: "stream a network's layer activations as point clouds",
        options: activationOptions + NNTrainTool.dataOptions + [StandardOptions.seed, StandardOptions.threads, StandardOptions.output],
        operands: .files, operandPlaceholder: "[MODEL-RECORDS...]",
        epilog: "Importance sampling: for each input the neuron with the largest |activation| wins; a neuron's probability is wins/(inputs+1); neurons that never win share 1/(inputs+1) equally; neurons are drawn without replacement."
    )

    public static func run(_ context: ToolContext) throws {
        let writer = try context.recordWriter()
        if let path = context.arguments.string("model") {
            try process(ModelRecord(id: NNTrainTool.modelID(path), meta: JSONObject(), path: path), context: context, writer: writer)
            return
        }
        let reader = context.recordReader()
        var any = false
        while let record = try reader.next() {
            try process(try ModelRecord(record), context: context, writer: writer)
            any = true
        }
        if !any { throw ToolError.data("stdin", "no model records (give --model FILE or pipe nn-train's output)") }
    }

    /// All clouds of one model.
    static func process(_ model: ModelRecord, context: ToolContext, writer: RecordWriter) throws {
        let args = context.arguments
        let file = try ModelFile.read(URL(fileURLWithPath: model.path))
        let network = try file.network()
        let probe = try probeInputs(args, model: file, seed: context.seed)
        var extractor = ActivationExtractor(network: network)
        extractor.point = ActivationPoint(rawValue: args.string("at") ?? "post") ?? .post
        extractor.convReduction = ConvReduction(rawValue: args.string("conv-reduce") ?? "none") ?? .none
        extractor.threads = context.threads
        let indices = try extractor.layerIndices(args.string("layers") ?? "weighted")
        let groups = args.flag("concat") ? [indices] : indices.map { [$0] }
        let meta = model.meta.isEmpty ? file.meta : model.meta
        let id = model.id ?? NNTrainTool.modelID(model.path)
        for group in groups {
            let name = group.map { network.layerNames[$0] }.joined(separator: "+")
            let activations = try concatenated(extractor.activations(probe.features, layers: group))
            for (draw, columns) in try neuronDraws(activations, layer: name, args: args, context: context).enumerated() {
                var cloudMeta = meta
                cloudMeta["layer"] = .string(name)
                cloudMeta["at"] = .string(extractor.point.rawValue)
                let sampled = columns != nil
                if sampled { cloudMeta["draw"] = .number(Double(draw)) }
                let cloud = cloudRecord(activations, columns: columns, labels: probe.labels, neuronsAsPoints: args.string("points") == "neurons",
                                        id: "\(id)/\(name)" + (sampled ? "/s\(draw)" : ""), meta: cloudMeta, layer: name)
                try writer.write(cloud.record)
            }
        }
    }

    /// The probe inputs: the model's own data (or the data options), `--inputs` of them chosen by `--input-seed`.
    static func probeInputs(_ args: ParsedArguments, model: ModelFile, seed: UInt64) throws -> Dataset {
        let (train, test) = try NNTrainTool.probeData(args, model: model, seed: seed)
        let data = args.string("split") == "test" ? test : train
        guard data.count > 0 else { throw ActivationError.noInputs }
        guard let wanted = args.int("inputs") else { return data }
        guard wanted > 0, wanted <= data.count else {
            throw ToolError.usage("--inputs \(wanted): the \(args.string("split") ?? "train") split has \(data.count) samples")
        }
        var rng = NNTrainTool.random(UInt64(truncatingIfNeeded: args.int("input-seed") ?? 0))
        return data.subset(Array(NetworkRandom.permutation(data.count, &rng).prefix(wanted)))
    }

    /// Column subsets to emit: `[nil]` (every neuron) without `--neurons`, else `--draws` samples.
    static func neuronDraws(_ a: Matrix<Float>, layer: String, args: ParsedArguments, context: ToolContext) throws -> [[Int]?] {
        guard let wanted = args.int("neurons") else { return [nil] }
        guard wanted > 0 else { throw ToolError.usage("--neurons must be positive") }
        if wanted > a.cols {
            guard args.flag("allow-fewer") else { throw ActivationError.tooManyNeurons(layer: layer, requested: wanted, available: a.cols) }
            context.warn("layer \(layer) has \(a.cols) neurons, fewer than --neurons \(wanted); taking all")
            return [nil]
        }
        let draws = args.int("draws") ?? 1
        guard draws > 0 else { throw ToolError.usage("--draws must be positive") }
        // One generator per layer name, so a layer's draws do not depend on which other layers are chosen.
        var rng = NNTrainTool.random(context.seed ^ fnv1a(layer))
        if args.string("sampling") == NeuronSampling.Method.uniform.rawValue {
            return (0..<draws).map { _ in NeuronSampling.drawUniform(neurons: a.cols, count: wanted, rng: &rng) }
        }
        var wins = [Int](repeating: 0, count: a.cols)
        NeuronSampling.countWins(a, into: &wins)
        let p = NeuronSampling.importanceProbabilities(wins: wins, inputs: a.rows)
        return (0..<draws).map { _ in NeuronSampling.draw(probabilities: p, count: wanted, rng: &rng) }
    }

    /// The activations (rows = inputs) as a cloud, restricted to `columns`, in either orientation.
    static func cloudRecord(_ a: Matrix<Float>, columns: [Int]?, labels: [Int], neuronsAsPoints: Bool,
                            id: String, meta: JSONObject, layer: String) -> CloudRecord {
        let cols = columns ?? Array(0..<a.cols)
        if neuronsAsPoints {
            var points = Matrix<Double>(rows: cols.count, cols: a.rows)
            for (r, j) in cols.enumerated() { for i in 0..<a.rows { points.storage[r * a.rows + i] = Double(a.storage[i * a.cols + j]) } }
            return CloudRecord(id: id, meta: meta, points: points, names: cols.map { "\(layer):\($0)" })
        }
        var points = Matrix<Double>(rows: a.rows, cols: cols.count)
        for i in 0..<a.rows { for (c, j) in cols.enumerated() { points.storage[i * cols.count + c] = Double(a.storage[i * a.cols + j]) } }
        return CloudRecord(id: id, meta: meta, points: points, labels: labels.map { .number(Double($0)) })
    }

    static func concatenated(_ parts: [Matrix<Float>]) -> Matrix<Float> {
        guard parts.count > 1, let rows = parts.first?.rows else { return parts[0] }
        var out = Matrix<Float>(rows: rows, cols: parts.reduce(0) { $0 + $1.cols })
        var offset = 0
        for part in parts {
            for i in 0..<rows { for j in 0..<part.cols { out.storage[i * out.cols + offset + j] = part.storage[i * part.cols + j] } }
            offset += part.cols
        }
        return out
    }

    /// FNV-1a hash of a layer name (stable across runs, unlike `Hasher`).
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
