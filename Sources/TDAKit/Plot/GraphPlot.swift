/// A Mapper `graph` record drawn with a force layout: nodes sized by member count (area grows
/// with it), coloured by their majority label (opacity = its share) or by a numeric node field
/// (`--color-by`), links as grey lines underneath.
public struct GraphPlot: PlotPanel {
    public struct Node {
        public var id: String
        public var size: Int
        /// The most frequent label of the node's members and its share of them.
        public var majority: (label: String, share: Double)?
        /// The `--color-by` field's value (nil when the node lacks it).
        public var value: Double?
    }

    public var nodes: [Node]
    public var links: [(Int, Int)]
    /// Force-layout positions, roughly in the unit square.
    public var positions: [(x: Double, y: Double)]
    var colors: [MarkStyle]
    var opacities: [Double]
    public var legend: Legend

    /// Reads the graph and lays it out; `colorBy` names a numeric node field (`size` counts
    /// members). A graph whose `nodes` is a count (`ph-graph`'s, `nn-train filtrations`'s) has
    /// nodes `0`…`n−1` of size 1, coloured by the vertex function `values[colorBy]`.
    public init(_ record: Record, colorBy: String?, seed: UInt64) throws(ToolError) {
        nodes = []
        var index: [String: Int] = [:]
        let count = record.fields["nodes"]?.intValue
        if let count, count >= 0 {
            let function = colorBy.flatMap { record.fields["values"]?.objectValue?[$0] }.flatMap { value -> [Double]? in
                if case .numbers(let xs) = value { return xs } else { return nil }
            }
            if let function, function.count != count { throw record.error("vertex function \"\(colorBy!)\" has \(function.count) values for \(count) nodes") }
            for k in 0..<count {
                index[String(k)] = k
                nodes.append(Node(id: String(k), size: 1, majority: nil, value: function.flatMap { $0[k].isFinite ? $0[k] : nil }))
            }
        }
        guard let rawNodes = count != nil ? [] : try record.required("nodes").arrayElements else {
            throw record.error("field \"nodes\" must be an array or a node count")
        }
        for (k, raw) in rawNodes.enumerated() {
            let node = try GraphPlot.node(raw, number: k, colorBy: colorBy, record: record)
            guard index[node.id] == nil else { throw record.error("has two nodes with id \"\(node.id)\"") }
            index[node.id] = k
            nodes.append(node)
        }
        links = []
        for (k, raw) in (record.fields["links"]?.arrayElements ?? []).enumerated() {
            guard let ends = raw.arrayElements, ends.count == 2 else { throw record.error("link \(k) is not a pair of node ids") }
            let ids = ends.map(GraphPlot.idText)
            guard let a = index[ids[0]], let b = index[ids[1]] else {
                throw record.error("link \(k) names a node that does not exist (\"\(ids[0])\", \"\(ids[1])\")")
            }
            links.append((a, b))
        }
        positions = ForceLayout.positions(count: nodes.count, edges: links, seed: seed)
        (colors, opacities, legend) = try GraphPlot.coloring(nodes, colorBy: colorBy, record: record)
    }

    static func idText(_ value: JSONValue) -> String { Categories.text(value) }

    static func node(_ raw: JSONValue, number k: Int, colorBy: String?, record: Record) throws(ToolError) -> Node {
        guard let o = raw.objectValue, let id = o["id"].map(idText) else { throw record.error("node \(k) is not an object with an \"id\"") }
        let size: Int
        if let members = o["members"]?.arrayElements {
            size = members.count
        } else if let n = o["size"]?.intValue, n >= 0 {
            size = n
        } else {
            throw record.error("node \"\(id)\" has no \"members\" array")
        }
        var value: Double?
        if let field = colorBy {
            switch o[field] {
            case .number(let x)?: value = x
            case .numbers(let xs)? where !xs.isEmpty: value = xs[0]
            default: value = field == "members" ? Double(size) : nil
            }
        }
        return Node(id: id, size: size, majority: majority(o), value: value.flatMap { $0.isFinite ? $0 : nil })
    }

    /// The majority label from mapper's `top_labels` ([{label, share}], most frequent first) or
    /// its `labels` counts ({label: count}, first of equal counts wins).
    static func majority(_ node: JSONObject) -> (label: String, share: Double)? {
        if let top = node["top_labels"]?.arrayElements?.first?.objectValue, let label = top["label"], let share = top["share"]?.doubleValue {
            return (Categories.text(label), share)
        }
        guard let counts = node["labels"]?.objectValue, !counts.isEmpty else { return nil }
        let total = counts.entries.reduce(0.0) { $0 + ($1.value.doubleValue ?? 0) }
        var best: (label: String, count: Double)?
        for (label, value) in counts.entries {
            if let c = value.doubleValue, c > (best?.count ?? -1) { best = (label, c) }
        }
        return best.map { ($0.label, total > 0 ? $0.count / total : 0) }
    }

    static func coloring(_ nodes: [Node], colorBy: String?, record: Record) throws(ToolError) -> ([MarkStyle], [Double], Legend) {
        let missing = MarkStyle("#bbbbbb")
        if let field = colorBy {
            let values = nodes.compactMap(\.value)
            guard let lo = values.min(), let hi = values.max() else {
                throw record.error("has no node with a numeric \"\(field)\" field to colour by")
            }
            let scale = ColorScale(lo: lo, hi: hi)
            return (nodes.map { $0.value.map { MarkStyle(scale.color($0)) } ?? missing }, nodes.map { _ in 0.9 }, Legend(title: field, colorBar: scale))
        }
        guard nodes.contains(where: { $0.majority != nil }) else {
            return (nodes.map { _ in MarkStyle.category(0) }, nodes.map { _ in 0.85 }, Legend())
        }
        var categories = Categories()
        let colors = nodes.map { node in node.majority.map { categories.style($0.label) } ?? missing }
        let opacities = nodes.map { 0.35 + 0.65 * min(max($0.majority?.share ?? 1, 0), 1) }
        return (colors, opacities, Legend(title: "majority label", entries: categories.entries(swatch: .dot)))
    }

    /// Node radii: area proportional to member count, scaled to the panel and the node count.
    func radii(in area: PlotRect) -> [Double] {
        let largest = Double(nodes.map(\.size).max() ?? 1)
        let rMax = min(16, max(4, 0.3 * min(area.width, area.height) / Double(max(nodes.count, 1)).squareRoot()))
        return nodes.map { max(2.5, rMax * (Double($0.size) / max(largest, 1)).squareRoot()) }
    }

    public func draw(in frame: PlotRect, into svg: inout SVGWriter) {
        let right = legend.isEmpty ? 12 : legend.width + 20
        let area = PlotRect(x: frame.x + 12, y: frame.y + 8, width: max(frame.width - 12 - right, 20), height: max(frame.height - 20, 20))
        let radii = radii(in: area)
        let pad = (radii.max() ?? 0) + 2
        let xs = positions.map(\.x), ys = positions.map(\.y)
        let (xScale, yScale) = fit(xs, ys, into: PlotRect(x: area.x + pad, y: area.y + pad, width: area.width - 2 * pad, height: area.height - 2 * pad))
        var px = xs.map { xScale($0) }, py = ys.map { yScale($0) }
        ForceLayout.separate(&px, &py, radii: radii, within: area)
        svg.open([("class", "panel")])
        svg.element("rect", [("class", "plot-area"), ("x", SVGWriter.number(area.x)), ("y", SVGWriter.number(area.y)),
                             ("width", SVGWriter.number(area.width)), ("height", SVGWriter.number(area.height)), ("fill", "none")])
        svg.open([("class", "marks links"), ("stroke-linecap", "round")])
        for (a, b) in links {
            svg.line(px[a], py[a], px[b], py[b], stroke: "#9a9a9a", width: 1.4)
        }
        svg.close()
        svg.open([("class", "marks nodes"), ("stroke", "#333333"), ("stroke-width", "0.7")])
        for i in nodes.indices {
            svg.circle(px[i], py[i], radius: radii[i], fill: colors[i].fill,
                       extra: [("fill-opacity", SVGWriter.number(opacities[i])), ("data-id", nodes[i].id)] + colors[i].attributes)
        }
        svg.close()
        legend.draw(into: &svg, x: area.maxX + 14, y: area.y, height: area.height)
        svg.close()
    }

    /// Maps the layout into `box` with one scale for both axes (the layout's distances mean
    /// something), centred; a single point goes to the middle.
    func fit(_ xs: [Double], _ ys: [Double], into box: PlotRect) -> (LinearScale, LinearScale) {
        let (x0, x1) = (xs.min() ?? 0, xs.max() ?? 0), (y0, y1) = (ys.min() ?? 0, ys.max() ?? 0)
        let extent = max(x1 - x0, y1 - y0, 1e-12)
        let pixels = max(min(box.width / max(x1 - x0, 1e-12), box.height / max(y1 - y0, 1e-12)), 0)
        let (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2)
        let (mx, my) = (box.x + box.width / 2, box.y + box.height / 2)
        let half = extent / 2
        return (LinearScale(domain: (cx - half)...(cx + half), start: mx - half * pixels, end: mx + half * pixels),
                LinearScale(domain: (cy - half)...(cy + half), start: my - half * pixels, end: my + half * pixels))
    }
}
