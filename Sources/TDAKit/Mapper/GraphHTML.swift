/// One self-contained HTML page showing the graph: inline data and JavaScript (no network, no
/// libraries), a deterministic force layout, nodes coloured by label shares (pie slices),
/// mean lens or size, and a tooltip with the node statistics.
public func graphHTML(_ summary: MapperSummary, title: String = "Mapper graph") -> String {
    graphHTML([(summary, title)], title: title)
}

/// One page for several graphs (one per input record, e.g. the layers of a network), with a
/// menu choosing the graph shown; each keeps its own layout and colours.
public func graphHTML(_ graphs: [(summary: MapperSummary, title: String)], title: String) -> String {
    let data = graphs.map { htmlData($0.summary, title: $0.title) }.joined(separator: ",")
    return htmlTemplate
        .replacing("__TITLE__", with: htmlEscaped(title))
        .replacing("__DATA__", with: "[" + data + "]")
}

/// The graph for the page's script, as JSON with `<`, `>` and `&` escaped (they occur only
/// inside strings there), so no label or id can close the script element.
func htmlData(_ summary: MapperSummary, title: String) -> String {
    let g = summary.graph, s = summary.statistics
    let nodes: [JSONValue] = zip(g.nodes, summary.nodeStatistics).map { node, stats in
        .object(JSONObject([
            ("id", .string(node.id)), ("size", .number(Double(stats.size))),
            ("lens", .number(stats.meanLens.first ?? 0)), ("tip", .string(tooltip(node, stats))),
            ("top", .array(stats.topLabels.map { .array([.string($0.label), .number($0.share)]) })),
        ]))
    }
    let data = JSONValue.object(JSONObject([
        ("title", .string(title)),
        ("stats", .string("\(s.nodes) nodes, \(s.links) links, \(s.components) components, \(s.cycles) cycles")),
        ("labels", .array(summary.labelNames.map(JSONValue.string))),
        // The toolkit's palettes and label colours (tda-plot's, from the label alone).
        ("labelColours", .array(labelColours(summary.labelNames).map(JSONValue.string))),
        ("viridis", .array(Palette.viridis.map { .numbers([$0.0, $0.1, $0.2]) })),
        ("nodes", .array(nodes)),
        ("links", .array(g.links.map { .numbers([Double($0.0), Double($0.1)]) })),
    ]))
    // Statistics of finite input are finite; an empty object would still give a valid page.
    let json = (try? JSONWriter.string(data)) ?? "{}"
    return json.replacing("<", with: "\\u003c").replacing(">", with: "\\u003e").replacing("&", with: "\\u0026")
}

func labelColours(_ names: [String]) -> [String] { names.map { Categories.style(of: $0).color } }

func htmlEscaped(_ s: String) -> String {
    s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
}
