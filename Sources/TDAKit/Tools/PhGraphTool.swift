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
        epilog: "Reads graph records (or the graphs of --dataset, --tu, --generate); writes per graph and filtration a diagram record with id GRAPH/SPEC, ordinary H0 and H1 "
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
        var source = try GraphSource(context)
        let writer = try context.recordWriter()
        // A set's size is known up front, a stream's is not: only sets show progress.
        let progress = source.total.map { context.progress("graphs", total: $0) }
        defer { progress?.finish() }
        var done = 0
        // Chunks of graphs run in parallel; results come back in input order, and a stream is
        // written as it is read (so `| head` ends it early).
        while case let part = try source.next(64), !part.isEmpty {
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
            done += part.count
            progress?.update(done)
        }
        source.finish(context)
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

    /// The graphs of --dataset, --tu or --generate, else the records of the input files, read
    /// as they are needed.
    struct GraphSource {
        var graphs: [GraphRecordView]?
        var reader: RecordReader?
        var position = 0

        init(_ context: ToolContext) throws {
            let args = context.arguments
            let given = ["dataset", "tu", "generate"].filter { args.isSet($0) }.map { "--\($0)" } + (args.operands.isEmpty ? [] : ["FILE operands"])
            guard given.count <= 1 else {
                throw ToolError.usage("give one input: --dataset, --tu, --generate or FILE operands, not \(given.joined(separator: " and "))")
            }
            if let name = args.string("dataset"), let set = GraphSet(rawValue: name) {
                graphs = set.graphs
            } else if let prefix = args.string("tu") {
                graphs = try TUFormat.read(prefix: prefix)
            } else if let spec = args.string("generate") {
                let count = args.int("count") ?? 1000
                guard count >= 0 else { throw ToolError.usage("--count wants a number of graphs ≥ 0, not \(count)") }
                graphs = try GraphFamily(spec).graphs(count: count, seed: context.seed)
            } else {
                reader = context.recordReader()
            }
        }

        var total: Int? { graphs?.count }

        /// Up to `count` more graphs; none at the end.
        mutating func next(_ count: Int) throws -> [GraphInput] {
            if let graphs {
                let part = graphs[position..<min(position + count, graphs.count)].map(GraphInput.graph)
                position += part.count
                return part
            }
            var part: [GraphInput] = []
            while part.count < count, let record = try reader?.next() { part.append(.record(record)) }
            return part
        }

        /// Warns when a stream held no records.
        func finish(_ context: ToolContext) {
            if let reader { context.noteEmptyInput(recordsRead: reader.recordsRead) }
        }
    }
}
