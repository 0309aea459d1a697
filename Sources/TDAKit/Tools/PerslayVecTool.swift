#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `perslay-vec` tool: turn persistence diagrams into vectors and distances.
///
/// `perslay-vec [VEC...] [FILE...]` writes one `vector` record per `diagram` record;
/// `perslay-vec distance` compares diagrams; `perslay-vec reduce` averages vectors per group.
public enum PerslayVecTool {
    static let vectorizationHelp = VectorizationRegistry.kinds.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n")

    public static let spec = ToolSpec(
        name: "perslay-vec",
        summary: "turn persistence diagrams into vectors and distances",
        options: [
            OptionSpec("vec", .text, placeholder: "SPEC", repeatable: true,
                       help: "Vectorization NAME[:key=value...] (repeatable; also positional; default stats)."),
            OptionSpec("vec-file", .file, placeholder: "FILE", help: "Vectorization specs from FILE, one per line (# starts a comment)."),
            OptionSpec("dims", .text, default: "0,1", placeholder: "K,...", help: "Homology dimensions to use, in order."),
            OptionSpec("inf-value", .number, help: "Death given to essential bars (default: drop them)."),
            StandardOptions.inputFormat(table: "diagram (dim,birth,death rows, or birth,death of one dimension)"),
            StandardOptions.threads,
            StandardOptions.outputFormat(table: "the vectors (or the distance matrix)"),
            StandardOptions.output,
        ],
        subcommands: [
            SubcommandSpec("distance", summary: "distances between diagrams: all pairs, or each against --to REF", options: [
                OptionSpec("metric", .choice(DiagramMetric.names), default: "wasserstein", help: "Diagram distance."),
                OptionSpec("p", .number, default: "1", help: "Order of the Wasserstein distance."),
                OptionSpec("internal-p", .text, default: "inf", placeholder: "Q", help: "Ground norm between points (inf or ≥ 1)."),
                OptionSpec("directions", .integer, default: "10", help: "Sliced Wasserstein: num_directions as gudhi (uses N − 1 lines)."),
                OptionSpec("dim", .integer, default: "1", help: "Homology dimension compared."),
                OptionSpec("to", .file, placeholder: "REF", help: "Compare each diagram with the first diagram of REF."),
            ]),
            SubcommandSpec("reduce", summary: "one vector per group: mean or bootstrap mean of means", options: [
                OptionSpec("by", .text, default: "id", placeholder: "FIELD", help: "Group field (id, meta.model, ...)."),
                OptionSpec("op", .text, default: "mean", placeholder: "OP", help: "mean, bootstrap (100 resamples) or bootstrap:R."),
                StandardOptions.seed,
            ]),
        ],
        operands: .words(VectorizationRegistry.names),
        operandPlaceholder: "[VEC...] [FILE...]",
        epilog: "Vectorizations (parameters as gudhi.representations, NAME:key=value:key=value):\n" + vectorizationHelp
    )

    public static func run(_ context: ToolContext) throws {
        switch context.arguments.subcommand {
        case "distance": try runDistance(context)
        case "reduce": try runReduce(context)
        default: try runVectorize(context)
        }
    }

    /// Operands naming a registered vectorization (`NAME` or `NAME:...`) are specs, the rest input
    /// files; a word that is neither an existing file nor a known name gets a suggestion.
    static func splitOperands(_ operands: [String]) throws -> (specs: [String], files: [String]) {
        var specs: [String] = [], files: [String] = []
        for operand in operands {
            let name = String(operand.prefix { $0 != ":" })
            if VectorizationRegistry.names.contains(name) {
                specs.append(operand)
            } else if operand == "-" || operand.contains("/") || operand.contains(".") || fileExists(operand) {
                files.append(operand)
            } else {
                let hint = Suggestion.closest(to: name, in: VectorizationRegistry.names).map { "; did you mean '\($0)'?" } ?? ""
                throw ToolError.usage("'\(operand)' is neither a vectorization nor a file\(hint)")
            }
        }
        return (specs, files)
    }

    static func dimensions(_ context: ToolContext) throws -> [Int] {
        let text = context.arguments.string("dims") ?? "0,1"
        let dims = text.split(separator: ",").map { Int(String($0)) }
        guard !dims.isEmpty, dims.allSatisfy({ ($0 ?? -1) >= 0 }) else {
            throw ToolError.usage("--dims wants comma-separated dimensions ≥ 0, not '\(text)'")
        }
        return dims.compactMap { $0 }
    }

    static func runReduce(_ context: ToolContext) throws {
        let opText = context.arguments.string("op") ?? "mean"
        guard let reduction = GroupReduction(opText) else {
            throw ToolError.usage("--op wants mean, bootstrap or bootstrap:R with R ≥ 1, not '\(opText)'")
        }
        let field = FieldPath(context.arguments.string("by") ?? "id")
        var order: [String] = [], members: [String: [VectorRecord]] = [:]
        var names: [String]?, width: Int?
        let reader = context.recordReader()
        while let record = try reader.next() {
            let vector = try VectorRecord(record)
            if width == nil { (width, names) = (vector.values.count, vector.names) }
            guard vector.values.count == width, vector.names == names else {
                throw record.error("has \(vector.values.count) values or other names than the first vector (\(width ?? 0) values)")
            }
            let label = try field.label(in: record)
            if members[label] == nil { order.append(label) }
            members[label, default: []].append(vector)
        }
        context.noteEmptyInput(recordsRead: reader.recordsRead)
        var generator = Xoshiro256StarStar(seed: context.seed)
        let writer = try context.recordWriter()
        for label in order {
            let group = members[label] ?? []
            // Only what all members share describes the group (a draw's own fields do not).
            var meta = JSONObject(group[0].meta.entries.filter { entry in group.allSatisfy { $0.meta[entry.key] == entry.value } }
                .map { ($0.key, $0.value) })
            meta["group_size"] = .number(Double(group.count))
            let values = reduction.reduce(group.map(\.values), generator: &generator)
            try writer.write(VectorRecord(id: label, meta: meta, values: values, names: names).record)
        }
    }

    static func metric(_ context: ToolContext) throws -> DiagramMetric {
        let args = context.arguments
        switch args.string("metric") {
        case "bottleneck": return .bottleneck
        case "sliced":
            let n = args.int("directions") ?? 10
            guard n >= 2 else { throw ToolError.usage("--directions wants at least 2 (gudhi uses N − 1 lines)") }
            return .sliced(directions: n)
        default:
            let p = args.double("p") ?? 1
            let qText = args.string("internal-p") ?? "inf"
            guard p >= 1, let q = qText == "inf" ? Double.infinity : Double(qText), q >= 1 else {
                throw ToolError.usage("--p and --internal-p want numbers ≥ 1 (internal-p may be inf)")
            }
            return .wasserstein(p: p, internalP: q)
        }
    }

    static func runDistance(_ context: ToolContext) throws {
        let metric = try metric(context)
        let dim = context.arguments.int("dim") ?? 1
        guard dim >= 0 else { throw ToolError.usage("--dim wants a dimension ≥ 0") }
        let points = DiagramVectorizer(vectorizations: [], dimensions: [dim], infinityValue: context.arguments.double("inf-value"))
        func load(_ paths: [String]) throws -> [(record: DiagramRecord, points: [PersistencePair])] {
            try diagrams(context, paths: paths).map { record, diagram in
                do { return (diagram, try points.points(diagram.diagram, dimension: dim)) } catch let error as VectorizationError {
                    throw record.error(error.description)
                }
            }
        }
        let inputs = try load(context.arguments.operands)
        // The output is one matrix of all inputs: without any there is nothing to write.
        guard !inputs.isEmpty else { throw ToolError.data(context.arguments.operands.first ?? "stdin", "no records") }
        let writer = try context.recordWriter()
        let label = context.arguments.string("metric") ?? "wasserstein"
        if let reference = context.arguments.string("to") {
            guard let ref = try load([reference]).first else { throw ToolError(.dataError, "\(reference): no diagram record") }
            let name = "\(label)_to_\(ref.record.id ?? "reference")"
            for input in inputs {
                let d = metric.distance(input.points, ref.points)
                try writer.write(VectorRecord(id: input.record.id, meta: input.record.meta, values: [d], names: [name]).record)
            }
        } else {
            let matrix = metric.pairwise(inputs.map(\.points), threads: context.threads)
            let names = inputs.enumerated().map { $1.record.id ?? String($0) }
            let meta = JSONObject([("metric", .string(label)), ("dim", .number(Double(dim)))])
            try writer.write(DistanceRecord(id: label, meta: meta, matrix: matrix, names: names).record)
        }
    }
}

/// The lines of a text file (`-` for standard input).
func readLines(_ path: String) throws -> [String] {
    let reader = try LineReader(path: path)
    var lines: [String] = []
    while let line = try reader.nextLine({ String(decoding: $0, as: UTF8.self) }) { lines.append(line) }
    return lines
}

/// True when `path` names an existing file or directory.
func fileExists(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0
}
