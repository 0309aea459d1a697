/// The `ph-graph` tool: persistence diagrams of graphs under vertex filtrations.
///
/// `ph-graph [--filtration SPEC,...] [--ordinary] [FILE...]` reads `graph` records and writes one
/// `diagram` record per graph and filtration, in input order (see `GraphDiagramRecord`).
public enum PhGraphTool {
    public static let spec = ToolSpec(
        name: "ph-graph",
        summary: "ordinary and extended persistence of graphs under vertex filtrations",
        options: [
            OptionSpec("filtration", short: "f", .list(["degree", "hks", "values", "x"]), default: "hks:10", placeholder: "SPEC,...",
                       repeatable: true,
                       help: "Vertex functions, one diagram record each; hks:T is the heat kernel signature at time T, values:NAME a function of the record, x:COLUMN a node-feature column."),
            OptionSpec("ordinary", help: "Only ordinary persistence: no extended diagrams."),
            OptionSpec("dataset", .choice(GraphSet.allCases.map(\.rawValue)), placeholder: "NAME",
                       help: "Read a shipped graph set (MUTAG, 188 graphs; PROTEINS, 1113) instead of input files."),
            OptionSpec("tu", .text, placeholder: "DIR/NAME",
                       help: "Read a graph set in the TU text format (DIR/NAME_A.txt, DIR/NAME_graph_indicator.txt, ...)."),
            OptionSpec("generate", .text, placeholder: "FAMILY[:k=v...]",
                       help: "Generate --count graphs: cycles[:cycle=C], necklaces (TOGL's sets), erdos-renyi[:n=N:p=P], geometric[:n=N:r=R]."),
            OptionSpec("count", .integer, default: "1000", help: "Number of graphs --generate draws."),
            StandardOptions.seed,
            OptionSpec("emit-graphs", help: "Write the graph records read, instead of their diagrams."),
            StandardOptions.threads, StandardOptions.output,
        ],
        epilog: "Reads graph records; writes per graph and filtration a diagram record with id GRAPH/SPEC, ordinary H0 and H1 "
            + "(essential classes with death null), the extended diagrams ord0, rel1, ext0, ext1 as (min, max) points, "
            + "and the vertex pairs of every point, as gudhi's SimplexTree computes them."
    )

    public static func run(_ context: ToolContext) throws {
        let filtrations = try context.arguments.all("filtration").flatMap { $0.split(separator: ",") }.map { spec in
            guard let filtration = VertexFiltration(String(spec)) else {
                throw ToolError.usage("--filtration wants degree, hks:T with T ≥ 0, values:NAME or x:COLUMN, not '\(spec)'")
            }
            return filtration
        }
        let chosen = filtrations.isEmpty ? [VertexFiltration.heatKernel(time: 10)] : filtrations
        let extended = !context.arguments.flag("ordinary"), emitGraphs = context.arguments.flag("emit-graphs")
        let inputs = try graphInputs(context)
        let writer = try context.recordWriter()
        let progress = context.progress("graphs", total: inputs.count)
        defer { progress.finish() }
        // Chunks keep progress on the main thread; results come back in input order.
        let chunk = 64
        for start in stride(from: 0, to: inputs.count, by: chunk) {
            let part = Array(inputs[start..<min(start + chunk, inputs.count)])
            let outputs = parallelMap(part.count, threads: context.threads) { k in
                Result { () throws(ToolError) -> [Record] in
                    let (graph, place) = try part[k].view()
                    if emitGraphs { return [graph.record] }
                    return try chosen.map { (f) throws(ToolError) in
                        try GraphDiagramRecord.make(graph, filtration: f, extended: extended, place: place)
                    }
                }
            }
            for output in outputs { for record in try output.get() { try writer.write(record) } }
            progress.update(start + part.count)
        }
    }

    /// A graph to compute: a record still to be read as a graph, or a graph of a set.
    enum GraphInput: Sendable {
        case record(Record)
        case graph(GraphRecordView)

        /// The graph and how messages name it.
        func view() throws(ToolError) -> (GraphRecordView, String) {
            switch self {
            case .record(let record): return (try GraphRecordView(record), record.place)
            case .graph(let graph): return (graph, "record \"\(graph.id ?? "")\"")
            }
        }
    }

    /// The graphs of --dataset, --tu or --generate, else the records of the input files.
    static func graphInputs(_ context: ToolContext) throws -> [GraphInput] {
        let args = context.arguments
        let given = ["dataset", "tu", "generate"].filter { args.isSet($0) }.map { "--\($0)" } + (args.operands.isEmpty ? [] : ["FILE operands"])
        guard given.count <= 1 else { throw ToolError.usage("give one input: --dataset, --tu, --generate or FILE operands, not \(given.joined(separator: " and "))") }
        if let name = args.string("dataset"), let set = GraphSet(rawValue: name) { return set.graphs.map(GraphInput.graph) }
        if let prefix = args.string("tu") { return try TUFormat.read(prefix: prefix).map(GraphInput.graph) }
        if let spec = args.string("generate") {
            let count = args.int("count") ?? 1000
            guard count >= 0 else { throw ToolError.usage("--count wants a number of graphs ≥ 0, not \(count)") }
            return try GraphFamily(spec).graphs(count: count, seed: context.seed).map(GraphInput.graph)
        }
        let reader = context.recordReader()
        var inputs: [GraphInput] = []
        while let record = try reader.next() { inputs.append(.record(record)) }
        context.noteEmptyInput(recordsRead: reader.recordsRead)
        return inputs
    }
}
