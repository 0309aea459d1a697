import Foundation
import Testing
@testable import TDAKit

/// The building blocks: ticks, number text, escaping, palette, layout, PCA, file names, errors.
@Suite struct PlotPartsTests {
    /// Uniform doubles in [0, 1) from the shared test generator.
    struct Uniform {
        var source: SplitMix
        init(state: UInt64) { source = SplitMix(state: state) }
        mutating func next() -> Double { Double(source.next() >> 11) / Double(1 << 53) }
    }


    @Test func niceTicksCoverAnyRangeWithNiceSteps() {
        var rng = Uniform(state: 7)
        for _ in 0..<2000 {
            let scale = pow(10, (rng.next() * 16 - 8).rounded())
            let a = (rng.next() * 2 - 1) * scale, b = (rng.next() * 2 - 1) * scale
            let ticks = NiceTicks(covering: min(a, b), max(a, b))
            #expect(ticks.lower <= min(a, b) && ticks.upper >= max(a, b))
            #expect([1, 2, 5].contains(ticks.mantissa))
            #expect((2...13).contains(ticks.values.count), "\(a) \(b): \(ticks.values.count)")
            // Labels read back as the tick values.
            for (value, label) in zip(ticks.values, ticks.labels) {
                let parsed = Double(label) ?? .nan
                #expect(abs(parsed - value) <= 1e-9 * max(abs(value), ticks.step), "\(label) vs \(value)")
            }
        }
    }

    @Test func extremeRangesStillGiveFiniteTicks() {
        for (lo, hi) in [(-1e308, 1e308), (0, 0), (1e-320, 1e-320), (-.infinity, 3), (5, .nan), (1, 1 + 1e-11)] {
            let ticks = NiceTicks(covering: lo, hi)
            #expect(ticks.values.allSatisfy(\.isFinite) && ticks.step > 0, "\(lo) \(hi)")
            #expect((2...13).contains(ticks.values.count), "\(lo) \(hi)")
            let axis = Axis.numeric("", lo, hi)
            #expect(axis.domain.lowerBound < axis.domain.upperBound && !axis.ticks.isEmpty, "\(lo) \(hi)")
        }
    }

    @Test func tickLabelsAreShortDecimals() {
        // One number of decimals per axis, as matplotlib labels them.
        #expect(NiceTicks(covering: 0, 1).labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(NiceTicks(covering: 0.1, 0.3).labels == ["0.10", "0.15", "0.20", "0.25", "0.30"])
        #expect(NiceTicks(covering: -3, 7).labels == ["-4", "-2", "0", "2", "4", "6", "8"])
        #expect(NiceTicks(covering: 0, 3e-7).labels == ["0", "5e-8", "1e-7", "1.5e-7", "2e-7", "2.5e-7", "3e-7"])
        #expect(NiceTicks(covering: 5, 5).values.count >= 2)
        #expect(NiceTicks(covering: 1, 3, integral: true).step == 1)
    }

    @Test func numbersAreWrittenWithIntegerArithmetic() {
        #expect(SVGWriter.number(12.345) == "12.35" || SVGWriter.number(12.345) == "12.34")
        #expect(SVGWriter.number(-0.001) == "0")
        #expect(SVGWriter.number(3) == "3")
        #expect(SVGWriter.number(-2.5) == "-2.5")
        #expect(SVGWriter.number(0.07) == "0.07")
        #expect(SVGWriter.number(.nan) == "0")
        #expect(NumberText.fixed(0.8125, places: 3) == "0.813")
        #expect(NumberText.fixed(-0.0001, places: 2) == "0.00")
        #expect(NumberText.decimal(-25, shift: -3) == "-0.025")
        #expect(NumberText.short(1234567) == "1.23e6")
        #expect(NumberText.short(0.5) == "0.5")
    }

    @Test func textIsEscapedForXML() {
        #expect(SVGWriter.escape(#"a<b & "c" 'd'>"#) == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
        #expect(SVGWriter.escape("bell\u{7}") == "bell ")
        let hostile = try? PlotFixtures.record(#"{"type":"vector","id":"<script>&\"x\"","values":[1,2]}"#)
        let figure = try? FigureBuilder.figures([hostile].compactMap { $0 }, options: PlotOptions())
        let svg = SVGInspector(figure?.first?.svg(width: 300, height: 200) ?? "")
        #expect(svg.isWellFormed)
        #expect(svg.texts.contains("<script>&\"x\""))
    }

    @Test func longTitlesAndLabelsAreShortenedButKeptWhole() throws {
        let id = String(repeating: "layer/", count: 40) + "end"
        let label = String(repeating: "x", count: 60)
        let record = try PlotFixtures.record(#"{"type":"cloud","id":"\#(id)","points":[[0,0],[1,1]],"labels":["\#(label)","b"]}"#)
        let figure = try FigureBuilder.figures([record], options: PlotOptions())[0]
        let svg = PlotFixtures.inspect(figure, width: 400, height: 300)
        #expect(svg.elements.first { $0.name == "title" }?.text == id)
        let shown = svg.texts.filter { $0.hasSuffix("…") }
        #expect(shown.count == 2)
        #expect(shown.allSatisfy { TextMetrics.width($0) < 400 })
        #expect(svg.marksInsidePlotAreas)
    }

    @Test func viridisEndsAndOkabeItoCycle() {
        #expect(Palette.sequential(0) == "#440154" && Palette.sequential(1) == "#fde725")
        #expect(Palette.sequential(-3) == "#440154" && Palette.sequential(.nan) == "#440154")
        #expect(Palette.category(8) == Palette.category(0) && Palette.category(-1) == Palette.category(7))
        #expect(Set(Palette.okabeIto).count == 8)
    }

    @Test func forceLayoutIsSeededAndPullsNeighboursTogether() {
        // A 12-cycle: linked nodes must end closer than the average pair.
        let n = 12
        let edges = (0..<n).map { ($0, ($0 + 1) % n) }
        let a = ForceLayout.positions(count: n, edges: edges, seed: 1)
        let b = ForceLayout.positions(count: n, edges: edges, seed: 1)
        let c = ForceLayout.positions(count: n, edges: edges, seed: 2)
        #expect(zip(a, b).allSatisfy { $0.x == $1.x && $0.y == $1.y })
        #expect(!zip(a, c).allSatisfy { $0.x == $1.x && $0.y == $1.y })
        func distance(_ i: Int, _ j: Int) -> Double { ((a[i].x - a[j].x) * (a[i].x - a[j].x) + (a[i].y - a[j].y) * (a[i].y - a[j].y)).squareRoot() }
        let linked = edges.map { distance($0.0, $0.1) }.reduce(0, +) / Double(n)
        var all = 0.0, pairs = 0.0
        for i in 0..<n { for j in (i + 1)..<n { all += distance(i, j); pairs += 1 } }
        #expect(linked < 0.6 * all / pairs)
        #expect(a.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    }

    @Test func principalComponentsFindTheLongAxis() {
        // Points along (1, 2, 2)/3 with small noise across it: PC1 is that direction, positive
        // in its largest loading, and carries nearly all the variance.
        var rng = Uniform(state: 3)
        var rows: [[Double]] = []
        for _ in 0..<200 {
            let t = rng.next() * 10 - 5, u = (rng.next() - 0.5) * 0.1, v = (rng.next() - 0.5) * 0.1
            rows.append([t / 3 + 2 * u / 3 + 2 * v / 3 + 1, 2 * t / 3 + u / 3 - 2 * v / 3, 2 * t / 3 - 2 * u / 3 + v / 3 - 4])
        }
        let pca = PrincipalComponents(Matrix(rowArrays: rows))
        let pc1 = pca.components[0]
        #expect(abs(pc1[0] - 1.0 / 3) < 1e-3 && abs(pc1[1] - 2.0 / 3) < 1e-3 && abs(pc1[2] - 2.0 / 3) < 1e-3)
        #expect(pca.explainedRatio[0] > 0.99)
        let dot = zip(pca.components[0], pca.components[1]).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(dot) < 1e-9)
        // Projections are centred.
        #expect(abs((0..<200).reduce(0) { $0 + pca.projection[$1, 0] }) < 1e-9)
    }

    @Test func fileNamesComeFromIdsAndNeverCollide() {
        let make = { (id: String?, type: String) in Figure(id: id, type: type, title: id ?? type, panels: []) }
        let names = FigureFileNames.names([make("m07/L2", "diagram"), make("m07/L2", "diagram"), make(nil, "cloud"),
                                           make("../etc/passwd", "vector"), make("M07_L2", "vector"), make("", "graph")])
        #expect(names == ["m07_L2.svg", "m07_L2-2.svg", "cloud-3.svg", "_etc_passwd.svg",
                          "M07_L2-3.svg", "graph-6.svg"])
        #expect(names.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") })
    }

    @Test func badInputsAreOneLineDataErrors() throws {
        let empty = PlotFixtures.errorMessage { _ = try FigureBuilder.figures([], options: PlotOptions()) }
        #expect(empty?.status == .dataError && empty?.message == "no records to plot (the input is empty)")
        let sample = try PlotFixtures.record(#"{"type":"sample","id":"s1","x":[1,2]}"#)
        let unknown = PlotFixtures.errorMessage { _ = try FigureBuilder.figures([sample], options: PlotOptions()) }
        #expect(unknown?.status == .dataError)
        #expect(unknown?.message == "test:1: record \"s1\" is a sample record, which tda-plot cannot draw (it draws diagram, vector, graph, report, epoch, cloud, distance)")
        var options = PlotOptions()
        options.kind = .barcode
        let wrongKind = PlotFixtures.errorMessage { _ = try FigureBuilder.figures(PlotFixtures.records("vector"), options: options) }
        #expect(wrongKind?.status == .usage)
        let flat = try PlotFixtures.record(#"{"type":"cloud","id":"c","points":[[1],[2]]}"#)
        let oneD = PlotFixtures.errorMessage { _ = try FigureBuilder.figures([flat], options: PlotOptions()) }
        #expect(oneD?.message.contains("needs at least 2 coordinates") == true)
        let badLink = try PlotFixtures.record(#"{"type":"graph","id":"g","nodes":[{"id":"a","members":[1]}],"links":[["a","b"]]}"#)
        let link = PlotFixtures.errorMessage { _ = try FigureBuilder.figures([badLink], options: PlotOptions()) }
        #expect(link?.message.contains("link 0 names a node that does not exist") == true)
        for message in [empty, unknown, wrongKind, oneD, link].compactMap({ $0?.message }) { #expect(!message.contains("\n")) }
    }
}
