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
        OptionSpec("layers", .text, default: "weighted", placeholder: "LAYERS",
                   valuesFrom: ValueQuery(fixed: ["all", "weighted"], given: "model", listFlag: "list-layers"), help: "all, weighted, or a comma list of layer names (dense1) or positions (1 = first)."),
        OptionSpec("at", .choice(ActivationPoint.allCases.map(\.rawValue)), default: "post", help: "Read a dense/conv layer before (pre) or after (post) its activation function."),
        OptionSpec("conv-reduce", .choice(ConvReduction.allCases.map(\.rawValue)), default: "none", help: "Conv layers: every position×channel (none), or one value per channel."),
        OptionSpec("concat", help: "Concatenate the chosen layers into one cloud."),
        OptionSpec("points", .choice(["samples", "neurons"]), default: "samples", help: "Rows are inputs (samples, with labels) or neurons."),
        OptionSpec("neurons", .integer, help: "Sample this many neurons per layer (default: all)."),
        OptionSpec("draws", .integer, default: "1", help: "Independent neuron samples per layer (ids MODEL/LAYER/sK)."),
        OptionSpec("sampling", .choice(NeuronSampling.Method.allCases.map(\.rawValue)), default: "importance", help: "Neuron sampling rule (Ballester et al. 2024) or uniform."),
        OptionSpec("allow-fewer", help: "Take all neurons of a layer smaller than --neurons (with a warning) instead of failing."),
        OptionSpec("precision", .choice(["float32", "float64"]), default: "float32",
                   help: "Digits of the activations: the shortest that read back to the same float32 (they are float32 values), or a double's."),
        OptionSpec("chunk-values", .integer, default: "16777216", placeholder: "N",
                   help: "Work in chunks of at most N activation values (inputs × neurons) when the layers are larger; lower caps memory."),
        OptionSpec("list-layers", help: "Print the layers of --model (name, token, output shape, neurons; tab-separated) and exit."),
    ]

    /// JSON Lines, one CSV table, or a NumPy archive of every cloud (`ActivationSink`).
    static let outputFormat = OptionSpec("output-format", .choice(["jsonl", "csv", "npz"]), default: "jsonl",
                                         help: "Write cloud records, one cloud as a CSV table, or every cloud as a float32 array of one .npz archive.")

    public static let spec = ToolSpec(
        name: "nn-activations",
        summary: "stream a network's layer activations as point clouds",
        options: activationOptions + NNTrainTool.dataOptions + [StandardOptions.seed, StandardOptions.threads,
                                                               outputFormat, StandardOptions.output],
        operands: .files, operandPlaceholder: "[MODEL-RECORDS...]",
        epilog: "Importance sampling: for each input the neuron with the largest |activation| wins; a neuron's probability is wins/(inputs+1); neurons that never win share 1/(inputs+1) equally; neurons are drawn without replacement."
    )

    public static func run(_ context: ToolContext) throws {
        if context.arguments.flag("list-layers") { return try listLayers(context) }
        AllocatorTuning.reuseFreedMemory()
        let sink = try ActivationSink(context)
        if let path = context.arguments.string("model") {
            try process(ModelRecord(id: NNTrainTool.modelID(path), meta: JSONObject(), path: path), context: context, sink: sink)
            return try sink.finish()
        }
        let reader = context.recordReader()
        var any = false
        while let record = try reader.next() {
            try process(try ModelRecord(record), context: context, sink: sink)
            any = true
        }
        if !any { throw ToolError.data("stdin", "no model records (give --model FILE or pipe nn-train's output)") }
        try sink.finish()
    }

    /// The layer table of `--model`; the shells' completion of `--layers` reads its first column.
    static func listLayers(_ context: ToolContext) throws {
        guard let path = context.arguments.string("model") else { throw ToolError.usage("--list-layers needs --model FILE") }
        let network = try NetworkModelFile.read(URL(fileURLWithPath: path)).network()
        let output = try context.output(context.arguments.string("output"))
        for (name, layer) in zip(network.layerNames, network.layers) {
            let shape = layer.outputShape
            try output.append("\(name)\t\(layer.token)\t\(shape)\t\(shape.count)\n")
        }
    }

    /// All clouds of one model.
    static func process(_ model: ModelRecord, context: ToolContext, sink: ActivationSink) throws {
        let args = context.arguments
        let file = try NetworkModelFile.read(URL(fileURLWithPath: model.path))
        let network = try file.network()
        let (probe, probeRows) = try probeInputs(args, model: file, seed: context.seed)
        var extractor = ActivationExtractor(network: network)
        extractor.point = ActivationPoint(rawValue: args.string("at") ?? "post") ?? .post
        extractor.convReduction = ConvReduction(rawValue: args.string("conv-reduce") ?? "none") ?? .none
        extractor.threads = context.threads
        let indices = try extractor.layerIndices(args.string("layers") ?? "weighted")
        let groups = args.flag("concat") ? [indices] : indices.map { [$0] }
        let id = model.id ?? NNTrainTool.modelID(model.path)
        // Model records of older files lack `model`; a model given by --model has no record.
        let meta = model.meta.isEmpty ? file.recordMeta(model: id)
            : model.meta["model"] != nil ? model.meta : model.meta.prepending("model", .string(id))
        // Up to `--chunk-values` activation values (default 2²⁴, 64 MiB), one forward pass
        // serves every layer; beyond, each layer's inputs are processed in chunks of that size:
        // importance counts stream first, then only the sampled neurons are kept. (The default
        // was 2²² while glibc gave every larger buffer fresh pages; with `AllocatorTuning`
        // keeping freed blocks, 16 inputs per chunk of a million-neuron layer instead of 4 took
        // 13.8 s instead of 23.0 s, peak 271 MB instead of 154 MB.)
        let budget = args.int("chunk-values") ?? 1 << 24
        guard budget > 0 else { throw ToolError.usage("--chunk-values must be positive") }
        let whole = indices.reduce(0) { $0 + extractor.neuronCount($1) } * probe.features.rows <= budget
        let cached = whole ? Dictionary(zip(indices, try extractor.activations(probe.features, layers: indices)), uniquingKeysWith: { a, _ in a }) : [:]
        for group in groups {
            let name = group.map { network.layerNames[$0] }.joined(separator: "+")
            let width = group.reduce(0) { $0 + extractor.neuronCount($1) }
            let chunk = max(1, budget / max(width, 1))
            func forEachChunk(_ body: (Matrix<Float>, Int) throws -> Void) throws {
                if whole { return try body(extractor.sideBySide(group.compactMap { cached[$0] }), 0) }
                try extractor.forEachChunk(probe.features, layers: group, chunk: chunk, body)
            }
            let draws = try neuronDraws(width: width, inputs: probe.features.rows, layer: name, args: args, context: context) {
                var wins = [Int](repeating: 0, count: width)
                try forEachChunk { a, _ in NeuronSampling.countWins(a, into: &wins) }
                return wins
            }
            let kept = draws.contains { $0 == nil } ? Array(0..<width) : Array(Set(draws.flatMap { $0 ?? [] })).sorted()
            var column = [Int](repeating: -1, count: width)
            for (c, neuron) in kept.enumerated() { column[neuron] = c }
            // The kept neurons' activations, neuron-major when neurons are the points: each
            // cloud row is then one contiguous run, and the strided gather happens once per
            // layer (in blocks of 16 inputs, which stay in cache) instead of once per draw.
            let asNeurons = args.string("points") == "neurons"
            let inputs = probe.features.rows
            var activations = asNeurons ? Matrix<Float>(rows: kept.count, cols: inputs) : Matrix<Float>(rows: inputs, cols: kept.count)
            try forEachChunk { a, first in
                a.storage.withUnsafeBufferPointer { source in
                    activations.storage.withUnsafeMutableBufferPointer { target in
                        let (from, to, n) = (source.baseAddress!, target.baseAddress!, kept.count)
                        if asNeurons {
                            for i0 in stride(from: 0, to: a.rows, by: 16) {
                                let i1 = min(i0 + 16, a.rows)
                                for c in 0..<n { for i in i0..<i1 { to[c * inputs + first + i] = from[i * a.cols + kept[c]] } }
                            }
                        } else {
                            for i in 0..<a.rows { for c in 0..<n { to[(first + i) * n + c] = from[i * a.cols + kept[c]] } }
                        }
                    }
                }
            }
            let clouds = draws.enumerated().map { draw, neurons in
                var cloudMeta = meta
                cloudMeta["layer"] = .string(name)
                cloudMeta["at"] = .string(extractor.point.rawValue)
                if neurons != nil { cloudMeta["draw"] = .number(Double(draw)) }
                let chosen = neurons ?? Array(0..<width)
                return ActivationCloud(id: "\(id)/\(name)" + (neurons != nil ? "/s\(draw)" : ""), meta: cloudMeta, layer: name,
                                       activations: activations, columns: chosen.map { column[$0] }, neuronsAsPoints: asNeurons,
                                       labels: asNeurons ? nil : probe.labels, probeRows: asNeurons ? nil : probeRows,
                                       neurons: asNeurons ? chosen : nil)
            }
            try sink.write(clouds, threads: context.threads)
        }
    }

    /// The probe inputs and their rows in the probe data: a `--data` file whole and in file
    /// order (labels only where it names them, `--split` applied to sample records that carry
    /// one), else the model's own data (or the data options) split as when it was trained.
    /// `--inputs` of them are chosen by `--input-seed`; from a file they stay in file order.
    static func probeInputs(_ args: ParsedArguments, model: NetworkModelFile, seed: UInt64) throws -> (inputs: ProbeInputs, rows: [Int]) {
        let split = args.string("split") ?? "train"
        let data: ProbeInputs, fromFile: Bool
        if let path = args.string("data"), !args.isSet("test-data"), let channels = model.data?.channels,
           let shape = TensorShape(dimensions: model.inputShape) {
            data = try ProbeInputs.diagrams(path, channels: channels, shape: shape)
            fromFile = true
        } else if let path = args.string("data"), !args.isSet("test-data"), let shape = TensorShape(dimensions: model.inputShape), shape.isGraph {
            data = try ProbeInputs.graphs(path, shape: shape)
            fromFile = true
        } else if let path = args.string("data"), !args.isSet("test-data") {
            data = try ProbeInputs.read(path, labels: args.string("labels"),
                                        labelColumn: args.string("label-column"), split: split)
            fromFile = true
        } else {
            let (train, test) = try NNTrainTool.probeData(args, model: model, seed: seed)
            data = ProbeInputs(split == "test" ? test : train)
            fromFile = false
        }
        guard data.count > 0 else { throw ActivationError.noInputs }
        guard let wanted = args.int("inputs") else { return (data, Array(0..<data.count)) }
        guard wanted > 0, wanted <= data.count else {
            throw ToolError.usage("--inputs \(wanted): the probe data has \(data.count) samples (\(fromFile ? "in --data" : "the \(split) split"))")
        }
        var rng = NNTrainTool.random(UInt64(truncatingIfNeeded: args.int("input-seed") ?? 0))
        let picked = Array(NetworkRandom.permutation(data.count, &rng).prefix(wanted))
        let chosen = fromFile ? picked.sorted() : picked
        return (data.subset(chosen), chosen)
    }

    /// Neuron subsets to emit: `[nil]` (every neuron) without `--neurons`, else `--draws` samples.
    /// `wins` computes the importance counts (a pass over the inputs) only when they are needed.
    static func neuronDraws(width: Int, inputs: Int, layer: String, args: ParsedArguments, context: ToolContext,
                            wins: () throws -> [Int]) throws -> [[Int]?] {
        guard let wanted = args.int("neurons") else { return [nil] }
        guard wanted > 0 else { throw ToolError.usage("--neurons must be positive") }
        if wanted > width {
            guard args.flag("allow-fewer") else { throw ActivationError.tooManyNeurons(layer: layer, requested: wanted, available: width) }
            context.warn("layer \(layer) has \(width) neurons, fewer than --neurons \(wanted); taking all")
            return [nil]
        }
        let draws = args.int("draws") ?? 1
        guard draws > 0 else { throw ToolError.usage("--draws must be positive") }
        // Each draw's cloud is `wanted` neurons × the inputs, as float32, and its indices.
        try MemoryGuard.check("--draws \(draws) of --neurons \(wanted)", bytes: Double(draws) * Double(wanted) * (Double(inputs) * 4 + 8))
        // One generator per layer name, so a layer's draws do not depend on which other layers are chosen.
        var rng = NNTrainTool.random(context.seed ^ fnv1a(layer))
        if args.string("sampling") == NeuronSampling.Method.uniform.rawValue {
            return (0..<draws).map { _ in NeuronSampling.drawUniform(neurons: width, count: wanted, rng: &rng) }
        }
        let p = NeuronSampling.importanceProbabilities(wins: try wins(), inputs: inputs)
        return (0..<draws).map { _ in NeuronSampling.draw(probabilities: p, count: wanted, rng: &rng) }
    }

    /// FNV-1a hash of a layer name (stable across runs, unlike `Hasher`).
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
