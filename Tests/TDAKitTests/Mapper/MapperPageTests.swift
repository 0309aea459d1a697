import Foundation
import Testing
@testable import TDAKit

/// The TopoAct-style page: its data, its size bound, and what headless Chromium shows of it.
@Suite("Mapper web page")
struct MapperPageTests {
    /// Image inputs 1×4×4 for every point of the fixture (row r is filled with r).
    static func inputs(count: Int) -> PageInputs {
        PageInputs(features: Matrix(rows: count, cols: 16, storage: (0..<count).flatMap { r in [Float](repeating: Float(r), count: 16) }),
                   shape: [1, 4, 4])
    }

    /// The page's data object, parsed back.
    static func data(_ html: String) throws -> JSONValue {
        let start = try #require(html.range(of: "const P = "))
        let end = try #require(html.range(of: ", GS = P.layers", range: start.upperBound..<html.endIndex))
        let json = Array(html[start.upperBound..<end.lowerBound].utf8)
        return try json.withUnsafeBytes { try JSONParser.parse($0) }
    }

    @Test func pageIsSelfContainedAndEscapesTitles() throws {
        let (summary, f) = try fixtureSummary()
        let html = MapperPage(layers: [MapperPageLayer(summary: summary, space: f.space, title: "relu <a>")]).html(title: "relu <a>")
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
        #expect(html.contains("<title>relu &lt;a&gt;</title>"))
        // In the script the title is a JSON string whose < and > cannot end the element.
        #expect(html.contains(#""title":"relu \u003ca\u003e""#) && !html.contains("relu <a>"))
        for node in summary.graph.nodes { #expect(html.contains("\"id\":\"\(node.id)\"")) }
    }

    /// Central members by brute force: squared distance to the mean, ties in member order.
    @Test func centralMembersAreOrderedByDistanceToTheMean() throws {
        let (summary, f) = try fixtureSummary()
        let layer = MapperPageLayer(summary: summary, space: f.space, title: "a")
        for (k, (node, stats)) in zip(summary.graph.nodes, summary.nodeStatistics).enumerated() {
            let central = layer.centralMembers[k]
            let d = f.points[0].indices
            let mean = d.map { j in node.members.reduce(0) { $0 + f.points[$1][j] } / Double(node.members.count) }
            let spread = node.members.map { i in d.reduce(0) { $0 + (f.points[i][$1] - mean[$1]) * (f.points[i][$1] - mean[$1]) } }
            #expect(Set(central) == Set(node.members) && central.count == node.members.count)
            let ordered = central.map { spread[node.members.firstIndex(of: $0)!] }
            // Sums in a different order differ by rounding: 1e-12 relative.
            #expect(zip(ordered, ordered.dropFirst()).allSatisfy { $0 <= $1 + 1e-12 * max(abs($1), 1) })
            let lo = node.members.map { f.lens[$0][0] }.min()!, hi = node.members.map { f.lens[$0][0] }.max()!
            #expect(stats.lensRange.count == 1 && stats.lensRange[0].lo == lo && stats.lensRange[0].hi == hi)
        }
    }

    @Test func exemplarsTakeTheNearestHalfThenSpreadOverTheRest() {
        let central = Array(100..<120)
        #expect(MapperPage.exemplars(central, count: 30) == central)
        #expect(MapperPage.exemplars(central, count: 0) == [])
        // 4 nearest, then 3 of the 16 others at 16·(2j+1)/6 → 2, 8, 13.
        #expect(MapperPage.exemplars(central, count: 7) == [100, 101, 102, 103, 106, 112, 117])
        #expect(MapperPage.exemplars(central, count: 1) == [100])
    }

    /// Exemplar rows go through the cloud's `rows`; their thumbnails are on the page, scaled to
    /// bytes over the range of all inputs.
    @Test func exemplarsAreProbeRowsWithTheirBytes() throws {
        let (summary, f) = try fixtureSummary()
        let rows = f.points.indices.map { 3 * $0 + 1 }
        let inputs = Self.inputs(count: 3 * f.points.count + 1)
        let pageLayer = MapperPageLayer(summary: summary, space: f.space, title: "a", key: "relu", rows: rows)
        let page = MapperPage(layers: [pageLayer], inputs: inputs, exemplars: 5)
        let data = try Self.data(page.html(title: "t"))
        let layer = try #require(data["layers"]?.arrayElements?.first)
        #expect(layer["key"]?.stringValue == "relu")
        let thumbs = try #require(data["inputs"]?["rows"]?.objectValue)
        for (k, node) in summary.graph.nodes.enumerated() {
            let json = try #require(layer["nodes"]?.arrayElements?.first { $0["id"]?.stringValue == node.id })
            let ex = try #require(json["ex"]?.numbersValue).map { Int($0) }
            #expect(ex == MapperPage.exemplars(pageLayer.centralMembers[k], count: 5).map { rows[$0] })
            #expect(json["rows"]?.numbersValue?.map { Int($0) } == node.members.map { rows[$0] })
            for r in ex {
                let text = try #require(thumbs[String(r)]?.stringValue)
                let bytes = try #require(Data(base64Encoded: text))
                let expected = UInt8((Double(r) / Double(3 * f.points.count) * 255).rounded())
                #expect(bytes == Data(repeating: expected, count: 16))
            }
        }
    }

    /// The label → colour rule depends on the label alone, so pages agree whatever labels they hold.
    @Test func labelColoursAreTheSameOnEveryPage() throws {
        let (summary, f) = try fixtureSummary()
        let labelColours = { (names: [String]) in names.map { Categories.style(of: $0).color } }
        let colours = Dictionary(uniqueKeysWithValues: zip(summary.labelNames, labelColours(summary.labelNames)))
        let reversed = Array(summary.labelNames.reversed())
        #expect(zip(reversed, labelColours(reversed)).allSatisfy { colours[$0.0] == $0.1 })
        #expect(Set(colours.values).count == colours.count)
        // Classes 8 to 15 take the colours of 0 to 7 as rings, and the page says which.
        let names = ["0", "8", "cat", "15", "16"]
        #expect(labelColours(names)[0] == labelColours(names)[1])
        #expect(names.map { Categories.style(of: $0).ring } == [false, true, false, true, false])
        let page = try Self.data(MapperPage(layers: [MapperPageLayer(summary: summary, space: f.space, title: "a")]).html(title: "a"))
        let rings = try #require(page["layers"]?[0]?["labelRings"]?.arrayElements)
        #expect(rings.map(\.boolValue) == summary.labelNames.map { Categories.style(of: $0).ring })
    }

    /// A 20 000-point layer with 16×16 inputs stays within a few MB: the thumbnails within the
    /// budget, every node with the same number of exemplars.
    @Test func aTwentyThousandPointLayerStaysAFewMegabytes() throws {
        var rng = SplitMix(20)
        let n = 20_000
        var points = Matrix<Double>(rows: n, cols: 2)
        for i in 0..<n {
            let t = Double(i) / Double(n) * 6, jitter = { Double(rng.next() % 1000) / 1000 * 0.05 }
            points[i, 0] = t + jitter(); points[i, 1] = sin(t) + jitter()
        }
        let space = MetricSpace.points(points, .euclidean)
        let lens = Matrix(rows: n, cols: 1, storage: (0..<n).map { points[$0, 0] })
        let mapper = Mapper(cover: try UniformCover(intervals: 60, overlap: 0.3), clusterer: try DBSCAN(eps: 0.05, minSamples: 3),
                            nerve: Nerve(minIntersection: 1, maxSimplexDimension: 1))
        let graph = try mapper.graph(space: space, lens: lens)
        let labels = PointLabels((0..<n).map { String($0 % 10) })
        let summary = MapperSummary(graph: graph, space: space, lens: lens, labels: labels)
        let inputs = PageInputs(features: Matrix(rows: n, cols: 256, storage: (0..<(n * 256)).map { Float($0 % 251) }), shape: [1, 16, 16])
        let page = MapperPage(layers: [MapperPageLayer(summary: summary, space: space, title: "big")], inputs: inputs)
        let html = page.html(title: "big")
        #expect(graph.nodes.count >= 60)
        #expect(page.exemplarsPerNode >= 1 && page.exemplarsPerNode * graph.nodes.count * 256 <= MapperPage.thumbnailBudget)
        #expect(html.utf8.count < 4_000_000, "page of \(html.utf8.count) bytes")
        let data = try Self.data(html)
        let shown = try #require(data["inputs"]?["rows"]?.objectValue)
        #expect(shown.keys.count <= MapperPage.thumbnailBudget / 256)
        let nodes = try #require(data["layers"]?[0]?["nodes"]?.arrayElements)
        #expect(nodes.allSatisfy { ($0["ex"]?.numbersValue?.count ?? 0) == min(page.exemplarsPerNode, Int($0["size"]?.doubleValue ?? 0)) })
    }

    /// With a fragment naming the second layer and one of its nodes, Chromium shows that node's
    /// panel: its size, one thumbnail per exemplar (the right rows) and its member rows.
    @Test func aFragmentOpensTheNodePanelInChromium() throws {
        let (summary, f) = try fixtureSummary()
        let inputs = Self.inputs(count: f.points.count)
        let second = MapperPageLayer(summary: summary, space: f.space, title: "m/second", key: "second")
        let page = MapperPage(layers: [MapperPageLayer(summary: summary, space: f.space, title: "m/first", key: "first"), second],
                              inputs: inputs, exemplars: 4)
        let k = summary.graph.nodes.indices.max { summary.graph.nodes[$0].members.count < summary.graph.nodes[$1].members.count }!
        let node = summary.graph.nodes[k]
        let dom = try Chromium.dumpDOM(page.html(title: "two"), fragment: "layer=second&node=\(node.id)&label=\(summary.labelNames[0])")
        #expect(dom.contains("data-rendered=\"\(2 * summary.graph.nodes.count)\""))
        #expect(dom.contains("<b id=\"title\">m/second</b>"))
        #expect(dom.contains("id=\"panel\" data-node=\"\(node.id)\" data-size=\"\(node.members.count)\""))
        let thumbs = dom.components(separatedBy: "<canvas class=\"thumb\" data-row=\"").dropFirst().map { Int($0.prefix { $0.isNumber })! }
        #expect(thumbs == MapperPage.exemplars(second.centralMembers[k], count: 4))
        #expect(dom.contains("<textarea readonly=\"\">\(node.members.map(String.init).joined(separator: " "))</textarea>"))
        #expect(dom.contains("<span class=\"on\""))
    }

    /// Without a fragment no panel is open; an unknown node in the fragment opens none either.
    @Test func noPanelWithoutAKnownNode() throws {
        let (summary, f) = try fixtureSummary()
        let html = MapperPage(layers: [MapperPageLayer(summary: summary, space: f.space, title: "a")]).html(title: "a")
        for fragment in [nil, "layer=a&node=nonesuch"] {
            let dom = try Chromium.dumpDOM(html, fragment: fragment)
            #expect(dom.contains("<div id=\"panel\" style=\"display: none;\"></div>"))
            #expect(dom.contains("data-rendered=\"\(summary.graph.nodes.count)\""))
        }
    }

    /// A screenshot of a page with an open node is not blank: many non-white pixels, in more
    /// than a few colours (graph, pies, panel and thumbnails).
    @Test func aScreenshotIsNotBlank() throws {
        let (summary, f) = try fixtureSummary()
        let page = MapperPage(layers: [MapperPageLayer(summary: summary, space: f.space, title: "a")], inputs: Self.inputs(count: f.points.count))
        let png = try Chromium.screenshot(page.html(title: "a"), fragment: "node=\(summary.graph.nodes[0].id)", width: 900, height: 600)
        let image = try PNGImage(png)
        #expect(image.width == 900 && image.height == 600)
        let pixels = (0..<(image.width * image.height)).map(image.rgb)
        let inked = pixels.filter { $0 != [255, 255, 255] }.count
        #expect(inked > image.width * image.height / 20, "\(inked) non-white pixels")
        #expect(Set(pixels).count > 20)
    }
}

private extension JSONValue {
    subscript(key: String) -> JSONValue? { objectValue?[key] }
    subscript(index: Int) -> JSONValue? { arrayElements.flatMap { index < $0.count ? $0[index] : nil } }
    var numbersValue: [Double]? { arrayElements?.compactMap(\.doubleValue) }
}
