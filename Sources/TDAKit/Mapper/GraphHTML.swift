/// One layer of a Mapper page: its graph, a title, the key the URL fragment names it by, the
/// probe-data row of each point (nil: point i is row i), and each node's members in the order
/// its exemplars are taken from.
public struct MapperPageLayer: Sendable {
    public var summary: MapperSummary
    public var title: String
    public var key: String
    public var rows: [Int]?
    public let centralMembers: [[Int]]

    /// `space` holds the points the graph was made of.
    public init(summary: MapperSummary, space: MetricSpace, title: String, key: String? = nil, rows: [Int]? = nil) {
        self.summary = summary
        self.title = title
        self.key = key ?? title
        self.rows = rows
        centralMembers = parallelMap(summary.graph.nodes.count) { Self.centralOrder(summary.graph.nodes[$0].members, in: space) }
    }

    /// `members` nearest their mean point first (ties in member order); for a distance
    /// matrix, smallest sum of distances to the other members first.
    static func centralOrder(_ members: [Int], in space: MetricSpace) -> [Int] {
        let spread: [Double]
        if let x = space.points {
            var mean = [Double](repeating: 0, count: x.cols)
            for i in members { for j in 0..<x.cols { mean[j] += x[i, j] } }
            mean = mean.map { $0 / Double(members.count) }
            spread = members.map { i in (0..<x.cols).reduce(0) { $0 + (x[i, $1] - mean[$1]) * (x[i, $1] - mean[$1]) } }
        } else {
            spread = members.map { i in members.reduce(0) { $0 + space.distance(i, $1) } }
        }
        return members.indices.sorted { spread[$0] != spread[$1] ? spread[$0] < spread[$1] : $0 < $1 }.map { members[$0] }
    }

    /// The probe rows of `points` (indices of the layer's points).
    func rows(of points: [Int]) -> [Int] { rows.map { r in points.map { r[$0] } } ?? points }
}

/// One self-contained HTML page (TopoAct style) showing Mapper graphs, one per layer with a
/// switcher: inline data and JavaScript (no network, no libraries), a deterministic force
/// layout, nodes coloured by label shares, mean lens or size, and a side panel for the clicked
/// node with its statistics and thumbnails of exemplar inputs. The URL fragment names the
/// layer, node and highlighted label (`#layer=conv2&node=cube3_cluster1&label=7`).
public struct MapperPage {
    public var layers: [MapperPageLayer]
    public var inputs: PageInputs?
    /// Most exemplar thumbnails per node; the page budget may allow fewer (`exemplarsPerNode`).
    public var exemplars: Int
    /// Bytes of thumbnail data the page may hold (before base64): 1.5 MiB, so that with the
    /// member lists a page of a 20 000-point layer stays a few MB.
    public static let thumbnailBudget = 3 << 19

    public init(layers: [MapperPageLayer], inputs: PageInputs? = nil, exemplars: Int = 12) {
        self.layers = layers
        self.inputs = inputs
        self.exemplars = exemplars
    }

    /// Exemplars per node: `exemplars`, or fewer so that one distinct thumbnail per exemplar
    /// of every node of every layer fits the budget (0 when not even one each fits).
    public var exemplarsPerNode: Int {
        guard let inputs else { return 0 }
        let nodes = layers.reduce(0) { $0 + $1.summary.graph.nodes.count }
        return min(exemplars, Self.thumbnailBudget / max(inputs.bytesPerInput, 1) / max(nodes, 1))
    }

    /// A node's exemplars as probe rows: the nearest half of `count` to the node's mean, then
    /// the rest evenly spread over the remaining members in order of distance.
    static func exemplars(_ central: [Int], count: Int) -> [Int] {
        guard central.count > count else { return central }
        let near = (count + 1) / 2, far = count - near, rest = central.count - near
        return Array(central.prefix(near)) + (0..<far).map { central[near + (2 * $0 + 1) * rest / (2 * far)] }
    }

    public func html(title: String) -> String {
        let perNode = exemplarsPerNode
        var shown = Set<Int>()
        let data = layers.map { layer in
            layerData(layer, exemplars: perNode) { shown.formUnion($0) }
        }
        var page = JSONObject([
            ("layers", .array(data)),
            ("viridis", .array(Palette.viridis.map { .numbers([$0.0, $0.1, $0.2]) })),
        ])
        page["inputs"] = inputs.map { .object($0.pageData(rows: shown.sorted())) }
        // Statistics of finite input are finite; an empty object would still give a valid page.
        let json = ((try? JSONWriter.string(.object(page))) ?? "{}")
            .replacing("<", with: "\\u003c").replacing(">", with: "\\u003e").replacing("&", with: "\\u0026")
        return htmlTemplate.replacing("__TITLE__", with: htmlEscaped(title)).replacing("__DATA__", with: json)
    }

    /// One layer for the page's script, as JSON; `<`, `>` and `&` are escaped afterwards (they
    /// occur only inside strings there), so no label or id can close the script element.
    func layerData(_ layer: MapperPageLayer, exemplars: Int, shown: ([Int]) -> Void) -> JSONValue {
        let summary = layer.summary, g = summary.graph, s = summary.statistics
        let marks = summary.labelNames.map(Categories.style(of:))
        let nodes: [JSONValue] = g.nodes.indices.map { k in
            let node = g.nodes[k], stats = summary.nodeStatistics[k]
            var o = JSONObject([
                ("id", .string(node.id)), ("size", .number(Double(stats.size))),
                ("lens", .number(stats.meanLens.first ?? 0)), ("tip", .string(tooltip(node, stats))),
                ("range", .array(stats.lensRange.map { .numbers([$0.lo, $0.hi]) })),
                ("top", .array(stats.topLabels.map { .array([.string($0.label), .number($0.share)]) })),
                ("hist", .array(stats.labelCounts.map { .array([.string($0.label), .number(Double($0.count))]) })),
                ("rows", .numbers(layer.rows(of: node.members).map(Double.init))),
            ])
            o["act"] = stats.meanActivation.map(JSONValue.number)
            o["norm"] = stats.meanNorm.map(JSONValue.number)
            if exemplars > 0 {
                let chosen = layer.rows(of: Self.exemplars(layer.centralMembers[k], count: exemplars))
                shown(chosen)
                o["ex"] = .numbers(chosen.map(Double.init))
            }
            return .object(o)
        }
        return .object(JSONObject([
            ("title", .string(layer.title)), ("key", .string(layer.key)),
            ("stats", .string("\(s.nodes) nodes, \(s.links) links, \(s.components) components, \(s.cycles) cycles")),
            ("labels", .array(summary.labelNames.map(JSONValue.string))),
            // The toolkit's label marks (tda-plot's, from the label alone, so equal on every page):
            // a colour, solid or, for the second eight classes, a ring (striped on the page).
            ("labelColours", .array(marks.map { .string($0.color) })),
            ("labelRings", .array(marks.map { .bool($0.ring) })),
            ("nodes", .array(nodes)),
            ("links", .array(g.links.map { .numbers([Double($0.0), Double($0.1)]) })),
        ]))
    }
}

func htmlEscaped(_ s: String) -> String {
    s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
}
