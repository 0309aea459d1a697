/// Graph classification sets shipped inside the toolkit (generated into Swift by
/// scripts/gen_graph_data.py from PersLay's tutorial copies of the TU benchmarks).
public enum GraphSet: String, CaseIterable, Sendable {
    /// 188 mutagenic aromatic nitro compounds, 2 classes (Debnath et al., 1991).
    case mutag
    /// 1113 proteins, enzymes or not, 2 classes (Borgwardt et al., 2005).
    case proteins

    /// The graphs in gid order, with ids `MUTAG/gid` and class `y`.
    public var graphs: [GraphRecordView] {
        let name = rawValue.uppercased()
        return (self == .mutag ? mutagGraphs : proteinsGraphs).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 4, let n = Int(fields[2]), let label = Int(fields[1]) else { return nil }
            var links: [(Int, Int)] = []
            for (a, offsets) in fields[3].split(separator: ";", omittingEmptySubsequences: false).enumerated() {
                for offset in offsets.split(separator: ",") { if let k = Int(offset, radix: 36) { links.append((a, a + k)) } }
            }
            return GraphRecordView(id: "\(name)/\(fields[0])", graph: Graph(vertexCount: n, links: links), y: .number(Double(label)))
        }
    }
}
