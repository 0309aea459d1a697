/// One self-contained HTML page showing the graph: inline data and JavaScript (no network, no
/// libraries), a deterministic force layout, nodes coloured by label shares (pie slices),
/// mean lens or size, and a tooltip with the node statistics.
public func graphHTML(_ summary: MapperSummary, title: String = "Mapper graph") -> String {
    htmlTemplate
        .replacingOccurrences(of: "__TITLE__", with: htmlEscaped(title))
        .replacingOccurrences(of: "__DATA__", with: htmlData(summary, title: title))
}

/// The graph as a JavaScript object literal (JSON syntax, `<`, `>`, `&` escaped so it cannot
/// close the script element).
func htmlData(_ summary: MapperSummary, title: String) -> String {
    let g = summary.graph, s = summary.statistics
    let lens = summary.nodeStatistics.map { $0.meanLens.first ?? 0 }
    let nodes = zip(g.nodes, summary.nodeStatistics).enumerated().map { k, pair in
        let (node, stats) = pair
        let top = stats.topLabels.map { "[\(jsString($0.label)),\($0.share)]" }.joined(separator: ",")
        return "{\"id\":\(jsString(node.id)),\"size\":\(stats.size),\"lens\":\(lens[k]),"
            + "\"tip\":\(jsString(tooltip(node, stats))),\"top\":[\(top)]}"
    }
    let links = g.links.map { "[\($0.0),\($0.1)]" }
    let labels = summary.labelNames.map(jsString)
    let stats = "\(s.nodes) nodes, \(s.links) links, \(s.components) components, \(s.cycles) cycles"
    return "{\"title\":\(jsString(title)),\"stats\":\(jsString(stats)),\"labels\":[\(labels.joined(separator: ","))],"
        + "\"nodes\":[\(nodes.joined(separator: ",\n"))],\"links\":[\(links.joined(separator: ","))]}"
}

/// A JSON string literal, safe inside an HTML `<script>` element.
func jsString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "<", ">", "&", "\u{2028}", "\u{2029}": out += "\\u" + hex4(u.value)
        case _ where u.value < 0x20: out += "\\u" + hex4(u.value)
        default: out.unicodeScalars.append(u)
        }
    }
    return out + "\""
}

private func hex4(_ v: UInt32) -> String {
    let digits = Array("0123456789abcdef")
    return String((0..<4).reversed().map { digits[Int(v >> (4 * UInt32($0)) & 15)] })
}

func htmlEscaped(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
