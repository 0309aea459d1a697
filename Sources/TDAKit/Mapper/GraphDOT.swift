/// The graph in Graphviz DOT: node area proportional to size, fill colour by the mean of the
/// first lens dimension (viridis), tooltips with the node statistics. Render with
/// `neato -Tsvg` or `sfdp -Tsvg`.
public func graphDOT(_ summary: MapperSummary, name: String = "mapper") -> String {
    let graph = summary.graph
    let colours = normalised(summary.nodeStatistics.map { $0.meanLens.first ?? 0 }).map(Palette.sequential)
    let largest = Double(summary.nodeStatistics.map(\.size).max() ?? 1)
    var out = "graph \(dotQuoted(name)) {\n"
    out += "  graph [overlap=false, outputorder=edgesfirst];\n"
    out += "  node [shape=circle, style=filled, fontsize=8, fixedsize=true];\n"
    for (k, node) in graph.nodes.enumerated() {
        let stats = summary.nodeStatistics[k]
        let width = 0.2 + 0.8 * (Double(stats.size) / largest).squareRoot()
        out += "  \(dotQuoted(node.id)) [label=\"\(stats.size)\", width=\(width), fillcolor=\"\(colours[k])\", "
        out += "tooltip=\(dotQuoted(tooltip(node, stats)))];\n"
    }
    for (a, b) in graph.links { out += "  \(dotQuoted(graph.nodes[a].id)) -- \(dotQuoted(graph.nodes[b].id));\n" }
    return out + "}\n"
}

/// Each value scaled to [0, 1] by the minimum and maximum (all 0.5 when constant).
private func normalised(_ values: [Double]) -> [Double] {
    guard let lo = values.min(), let hi = values.max(), hi > lo else { return values.map { _ in 0.5 } }
    return values.map { ($0 - lo) / (hi - lo) }
}

/// One line per statistic, as the HTML page's tooltip shows them.
func tooltip(_ node: MapperNode, _ stats: NodeStatistics) -> String {
    var lines = ["\(node.id): \(stats.size) points",
                 "mean lens " + stats.meanLens.map { shortNumber($0) }.joined(separator: ", ")]
    if let v = stats.meanNorm { lines.append("mean L2 norm \(shortNumber(v))") }
    if let v = stats.meanActivation { lines.append("mean activation \(shortNumber(v))") }
    if let p = stats.purity {
        lines.append("purity \(shortNumber(p))")
        lines.append("top labels " + stats.topLabels.map { "\($0.label) \(shortNumber($0.share))" }.joined(separator: ", "))
    }
    return lines.joined(separator: "\n")
}

/// A number with at most four decimals, for people.
func shortNumber(_ x: Double) -> String {
    let r = (x * 10_000).rounded() / 10_000
    return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
}

/// A DOT double-quoted string (backslash, quote and newline escaped).
func dotQuoted(_ s: String) -> String {
    var out = "\""
    for c in s {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        default: out.append(c)
        }
    }
    return out + "\""
}
