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
        let extended = !context.arguments.flag("ordinary")
        let writer = try context.recordWriter()
        let reader = context.recordReader()
        var records: [Record] = []
        while let record = try reader.next() { records.append(record) }
        context.noteEmptyInput(recordsRead: reader.recordsRead)
        let progress = context.progress("graphs", total: records.count)
        defer { progress.finish() }
        // Chunks keep progress on the main thread; results come back in input order.
        let chunk = 64
        for start in stride(from: 0, to: records.count, by: chunk) {
            let part = Array(records[start..<min(start + chunk, records.count)])
            let outputs = parallelMap(part.count, threads: context.threads) { k in
                Result { () throws(ToolError) -> [Record] in
                    let graph = try GraphRecordView(part[k])
                    return try chosen.map { (f) throws(ToolError) in
                        try GraphDiagramRecord.make(graph, filtration: f, extended: extended, place: part[k].place)
                    }
                }
            }
            for output in outputs { for record in try output.get() { try writer.write(record) } }
            progress.update(start + part.count)
        }
    }
}
