/// Reads a graph set in the TU benchmark text format (Morris et al., TUDataset, 2020), given
/// its prefix `DIR/NAME`:
/// - `NAME_A.txt`: one edge `i, j` per line, nodes numbered from 1 across all graphs (each edge
///   usually listed both ways; repeats are one edge);
/// - `NAME_graph_indicator.txt`: line i names the graph (from 1) of node i;
/// - optional `NAME_graph_labels.txt` (one class per graph, written as `y`),
///   `NAME_node_labels.txt` (one integer per node, written as `values.node_label`) and
///   `NAME_node_attributes.txt` (comma-separated numbers per node, written as `x`).
/// Graphs get ids `NAME/g`. A malformed line, an edge between two graphs, or a file whose
/// line count does not match is a data error naming the file and line.
public enum TUFormat {
    public static func read(prefix: String) throws(ToolError) -> [GraphRecordView] {
        let name = String(prefix.split(separator: "/").last ?? Substring(prefix))
        let indicatorPath = "\(prefix)_graph_indicator.txt"
        let indicator = try numbers(indicatorPath, width: 1).map { $0.values[0] }
        // Graphs are numbered from 1 and each has a node, so none is numbered past the node count.
        for (node, g) in indicator.enumerated() where !(g >= 1 && g <= Double(indicator.count) && g == g.rounded()) {
            throw ToolError.data("\(indicatorPath):\(node + 1)", "graph \(g) is not a whole number from 1 to the node count \(indicator.count)")
        }
        let graphCount = indicator.map { Int($0) }.max() ?? 0
        var local = [Int](repeating: 0, count: indicator.count)
        var sizes = [Int](repeating: 0, count: graphCount)
        for (node, g) in indicator.enumerated() {
            local[node] = sizes[Int(g) - 1]
            sizes[Int(g) - 1] += 1
        }
        var links = [[(Int, Int)]](repeating: [], count: graphCount)
        let edgePath = "\(prefix)_A.txt"
        for row in try numbers(edgePath, width: 2) {
            guard row.values.allSatisfy({ $0 >= 1 && $0 <= Double(indicator.count) && $0 == $0.rounded() }) else {
                throw ToolError.data("\(edgePath):\(row.line)", "edge \(row.values[0]), \(row.values[1]) names a node that is not one of 1...\(indicator.count)")
            }
            let (i, j) = (Int(row.values[0]), Int(row.values[1]))
            guard indicator[i - 1] == indicator[j - 1] else {
                throw ToolError.data("\(edgePath):\(row.line)", "edge \(i), \(j) joins graphs \(Int(indicator[i - 1])) and \(Int(indicator[j - 1]))")
            }
            links[Int(indicator[i - 1]) - 1].append((local[i - 1], local[j - 1]))
        }
        var graphs = (0..<graphCount).map { g in
            GraphRecordView(id: "\(name)/\(g + 1)", graph: Graph(vertexCount: sizes[g], links: links[g]))
        }
        if let labels = try optional("\(prefix)_graph_labels.txt", count: graphCount, width: 1) {
            for g in graphs.indices { graphs[g].y = .number(labels[g][0]) }
        }
        let members = (0..<graphCount).map { _ in [Int]() }
        let nodesOf = indicator.enumerated().reduce(into: members) { $0[Int($1.element) - 1].append($1.offset) }
        if let labels = try optional("\(prefix)_node_labels.txt", count: indicator.count, width: 1) {
            for g in graphs.indices { graphs[g].values["node_label"] = .numbers(nodesOf[g].map { labels[$0][0] }) }
        }
        if let attributes = try optional("\(prefix)_node_attributes.txt", count: indicator.count, width: nil) {
            for g in graphs.indices {
                let rows = nodesOf[g].map { attributes[$0] }
                graphs[g].features = Matrix(rows: rows.count, cols: attributes.first?.count ?? 0, storage: rows.flatMap { $0 })
            }
        }
        return graphs
    }

    /// The rows of an optional file, which must have `count` lines.
    private static func optional(_ path: String, count: Int, width: Int?) throws(ToolError) -> [[Double]]? {
        guard fileExists(path) else { return nil }
        let rows = try numbers(path, width: width)
        guard rows.count == count else { throw ToolError.data(path, "has \(rows.count) lines, expected \(count)") }
        return rows.map(\.values)
    }

    /// Non-blank lines of comma-separated finite numbers, all of one width (`width`, or the first
    /// line's when nil), with their line numbers.
    private static func numbers(_ path: String, width: Int?) throws(ToolError) -> [(line: Int, values: [Double])] {
        var rows: [(line: Int, values: [Double])] = []
        var expected = width
        let lines: [String]
        do { lines = try readLines(path) } catch let error as ToolError { throw error } catch { throw ToolError(.ioError, "\(path): \(error)") }
        for (k, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            let values = line.split(separator: ",").map { Double(String($0.filter { !$0.isWhitespace })) }
            guard values.allSatisfy({ $0?.isFinite == true }), values.count == expected ?? values.count else {
                throw ToolError.data("\(path):\(k + 1)", "expected \(expected ?? values.count) comma-separated numbers, got '\(line)'")
            }
            expected = values.count
            rows.append((k + 1, values.compactMap { $0 }))
        }
        return rows
    }
}
