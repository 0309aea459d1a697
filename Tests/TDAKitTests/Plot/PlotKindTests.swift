import Testing
@testable import TDAKit

/// Each plot kind rendered from the hand-written fixtures: well-formed XML, the expected number
/// of marks, marks inside the plot area, and axes that cover the data.
@Suite struct PlotKindTests {
    typealias F = PlotFixtures

    @Test func diagramScatterHasOneDotPerPairAndAnInfinityLine() throws {
        let figures = try F.figures("diagram")
        #expect(figures.map(\.title) == ["circle/rips", "finite only"])
        let svg = F.inspect(figures[0])
        #expect(svg.isWellFormed, "\(svg.parseError ?? "")")
        let dots = svg.marks("circle")
        #expect(dots.filter { $0.groupClasses.last == "marks" }.count == 6)
        #expect(svg.elements.filter { $0.name == "g" && $0.attributes["data-dimension"] == "0" }.count == 1)
        #expect(svg.elements.contains { $0.attributes["class"] == "infinity" })
        #expect(svg.elements.contains { $0.attributes["class"] == "diagonal" })
        #expect(svg.texts.contains("∞"))
        #expect(svg.texts.contains("H0 (4)") && svg.texts.contains("H1 (2)"))
        #expect(svg.marksInsidePlotAreas)
        // The infinite H0 class sits on the ∞ line, above every finite death.
        let infinityY = try #require(svg.elements.first { $0.attributes["class"] == "infinity" }?.number("y1"))
        #expect(dots.filter { abs(($0.number("cy") ?? 0) - infinityY) < 0.01 }.count == 1)
        #expect(dots.allSatisfy { ($0.number("cy") ?? 0) >= infinityY - 0.01 })

        let plot = try #require(F.cartesian(figures[0]).first)
        for value in [0, 0.25, 0.5, 0.75, 0.9, 1.1, 1.3, 1.6] {
            #expect(plot.x.domain.contains(value) && plot.y.domain.contains(value))
        }
        let finite = F.inspect(figures[1])
        #expect(finite.marks("circle").count == 3)
        #expect(!finite.elements.contains { $0.attributes["class"] == "infinity" })
        #expect(finite.texts.contains("H2 (0)"))
    }

    @Test func barcodeHasOneBarPerPairAndInfiniteBarsReachTheInfinityTick() throws {
        let figures = try F.figures("diagram") { $0.kind = .barcode }
        let svg = F.inspect(figures[0])
        #expect(svg.isWellFormed)
        let bars = svg.marks("line")
        #expect(bars.count == 6)
        #expect(svg.marksInsidePlotAreas)
        let plot = try #require(F.cartesian(figures[0]).first)
        let scales = plot.scales(in: PlotRect(x: 0, y: Figure.titleHeight, width: 640, height: 480 - Figure.titleHeight))
        let infinity = try #require(plot.x.ticks.last { $0.label == "∞" }?.value)
        #expect(bars.filter { abs(($0.number("x2") ?? 0) - scales.x(infinity)) < 0.01 }.count == 1)
        #expect(plot.x.domain.contains(1.6) && plot.x.domain.contains(0))
        #expect(F.inspect(figures[1]).marks("line").count == 3)
    }

    @Test func vectorLineUsesNamesAsTicksWhenFew() throws {
        let figures = try F.figures("vector")
        let named = F.inspect(figures[0])
        #expect(named.isWellFormed)
        let line = try #require(named.marks("polyline").first)
        #expect(SVGInspector.points(of: line).count == 5)
        #expect(named.marks("circle").count == 5)
        for name in ["mean", "max", "skew", "count", "entropy"] { #expect(named.texts.contains(name)) }
        #expect(named.marksInsidePlotAreas)

        let long = F.inspect(figures[1])
        #expect(SVGInspector.points(of: try #require(long.marks("polyline").first)).count == 30)
        #expect(long.texts.contains("index"))
        let plot = try #require(F.cartesian(figures[1]).first)
        #expect(plot.x.domain.contains(0) && plot.x.domain.contains(29))
        #expect(plot.y.domain.contains(1) && plot.y.domain.contains(9))
    }

    @Test func barsStartAtZeroAndNegativeValuesPointDown() throws {
        let figure = try F.figures("vector") { $0.kind = .bars }[0]
        let svg = F.inspect(figure)
        let bars = svg.marks("rect")
        #expect(bars.count == 5)
        #expect(svg.marksInsidePlotAreas)
        let plot = try #require(F.cartesian(figure).first)
        let zero = plot.scales(in: PlotRect(x: 0, y: Figure.titleHeight, width: 640, height: 480 - Figure.titleHeight)).y(0)
        // Value -0.75 (third): its bar hangs from zero; the others stand on it.
        #expect(abs((bars[2].number("y") ?? 0) - zero) < 0.011)
        for k in [0, 1, 3, 4] {
            #expect(abs((bars[k].number("y") ?? 0) + (bars[k].number("height") ?? 0) - zero) < 0.011)
        }
    }

    @Test func imageHasOneCellPerValueInTheShapeFromNames() throws {
        let figure = try F.figures("image") { $0.kind = .image }[0]
        let svg = F.inspect(figure)
        #expect(svg.isWellFormed)
        let cells = svg.marks("rect")
        #expect(cells.count == 12)
        #expect(svg.marksInsidePlotAreas)
        let plot = try #require(F.cartesian(figure).first)
        #expect(plot.x.domain == 0...4 && plot.y.domain == 0...3)
        // The largest values get viridis' top colour, the smallest its bottom one.
        let values = try VectorRecord(F.records("image")[0]).values
        let (lo, hi) = (values.min() ?? 0, values.max() ?? 0)
        #expect(cells.filter { $0.attributes["fill"] == "#fde725" }.count == values.filter { $0 == hi }.count)
        #expect(cells.filter { $0.attributes["fill"] == "#440154" }.count == values.filter { $0 == lo }.count)
        #expect(try F.figures("image") { $0.kind = .image; $0.shape = (4, 3) }.count == 1)
    }

    @Test func imagesNamedPerDimensionBecomeOnePanelEach() throws {
        let names = ["H0", "H1"].flatMap { h in ["p0_0", "p0_1", "p0_2", "p1_0", "p1_1", "p1_2"].map { "image.\(h).\($0)" } }
        let json = #"{"type":"vector","id":"two","values":[1,2,3,4,5,6,6,5,4,3,2,1],"names":["# + names.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
        var options = PlotOptions()
        options.kind = .image
        let figure = try FigureBuilder.figures([F.record(json)], options: options)[0]
        let panels = F.cartesian(figure)
        #expect(panels.map(\.subtitle) == ["image.H0", "image.H1"])
        #expect(panels.allSatisfy { $0.x.domain == 0...3 && $0.y.domain == 0...2 })
        let svg = F.inspect(figure)
        #expect(svg.marks("rect").count == 12)
        #expect(svg.marksInsidePlotAreas)
        options.shape = (3, 3)
        let failure = F.errorMessage { _ = try FigureBuilder.figures([F.record(json)], options: options) }
        #expect(failure?.message == "test:1: record \"two\" has 6 values in image.H0, but --shape 3x3 needs 9")
    }

    @Test func imageShapeMismatchIsADataError() throws {
        let failure = F.errorMessage { _ = try F.figures("image") { $0.kind = .image; $0.shape = (5, 5) } }
        #expect(failure?.status == .dataError)
        #expect(failure?.message.contains("has 12 values, but --shape 5x5 needs 25") == true)
        let square = try F.record(#"{"type":"vector","id":"v","values":[1,2,3,4,5,6,7]}"#)
        var options = PlotOptions()
        options.kind = .image
        let notSquare = F.errorMessage { _ = try FigureBuilder.figures([square], options: options) }
        #expect(notSquare?.message.contains("not a square grid") == true)
    }

    @Test func graphHasANodePerNodeAndALinePerLinkColouredByMajorityLabel() throws {
        let figure = try F.figures("graph")[0]
        let svg = F.inspect(figure)
        #expect(svg.isWellFormed)
        let nodes = svg.marks("circle")
        #expect(nodes.count == 5)
        #expect(svg.marks("line").count == 4)
        #expect(svg.marksInsidePlotAreas)
        #expect(["cat", "dog", "bird"].allSatisfy(svg.texts.contains))
        let colour = { (id: String) in nodes.first { $0.attributes["data-id"] == id }?.attributes["fill"] }
        // Each majority label has its own mark, from the label alone (Categories.style(of:)).
        let cat = Categories.style(of: "cat").fill, dog = Categories.style(of: "dog").fill, bird = Categories.style(of: "bird").fill
        #expect(Set([cat, dog, bird]).count == 3)
        #expect(colour("c0_0") == cat)
        #expect(colour("c2_0") == dog && colour("c3_0") == dog)
        #expect(colour("c2_1") == bird)
        // Bigger nodes are bigger: c2_0 has 10 members, c2_1 two.
        let radius = { (id: String) in nodes.first { $0.attributes["data-id"] == id }?.number("r") ?? 0 }
        #expect(radius("c2_0") > radius("c0_0") && radius("c0_0") > radius("c2_1"))
    }

    @Test func graphColouredByANumericFieldHasAColourBar() throws {
        let figure = try F.figures("graph") { $0.colorBy = "mean_lens" }[0]
        let svg = F.inspect(figure)
        let fills = Set(svg.marks("circle").compactMap { $0.attributes["fill"] })
        #expect(fills.count == 5)
        #expect(svg.texts.contains("mean_lens"))
        let failure = F.errorMessage { _ = try F.figures("graph") { $0.colorBy = "no_such_field" } }
        #expect(failure?.message.contains("no node with a numeric \"no_such_field\"") == true)
    }

    @Test func graphWithANodeCountIsColouredByAVertexFunction() throws {
        let graph = try F.record(#"{"type":"graph","id":"g","nodes":4,"links":[[0,1],[1,2],[2,3]],"values":{"togl1.f1":[0.5,-1,2,0.25]}}"#)
        var options = PlotOptions()
        options.colorBy = "togl1.f1"
        let svg = F.inspect(try FigureBuilder.figures([graph], options: options)[0])
        let nodes = svg.marks("circle")
        #expect(nodes.map { $0.attributes["data-id"] } == ["0", "1", "2", "3"])
        #expect(Set(nodes.compactMap { $0.attributes["fill"] }).count == 4)
        #expect(Set(nodes.compactMap { $0.number("r") }).count == 1)
        #expect(svg.texts.contains("togl1.f1"))
        let short = try F.record(#"{"type":"graph","id":"g","nodes":3,"values":{"f":[1,2]}}"#)
        options.colorBy = "f"
        let failure = F.errorMessage { _ = try FigureBuilder.figures([short], options: options) }
        #expect(failure?.message.contains("vertex function \"f\" has 2 values for 3 nodes") == true)
    }

    @Test func reportShowsPredictedAgainstTrueWithR2InTheTitle() throws {
        let figure = try F.figures("report")[0]
        #expect(figure.title == "gap/ridge  (R² = 0.813)")
        let svg = F.inspect(figure)
        #expect(svg.marks("circle").count == 6)
        #expect(svg.elements.contains { $0.attributes["class"] == "diagonal" })
        #expect(svg.marksInsidePlotAreas)
        let plot = try #require(F.cartesian(figure).first)
        #expect(plot.x.domain == plot.y.domain)
        #expect(plot.x.domain.contains(0.04) && plot.x.domain.contains(0.33))
    }

    @Test func reportWithoutPredictionsIsAClearError() throws {
        let bare = try F.record(#"{"type":"report","id":"r","r2":0.5}"#)
        let failure = F.errorMessage { _ = try FigureBuilder.figures([bare], options: PlotOptions()) }
        #expect(failure?.status == .dataError)
        #expect(failure?.message == "test:1: record \"r\" has no \"predictions\" field; a report is drawn as \"predictions\" against \"targets\"")
    }

    @Test func reportR2IsComputedWhenAbsent() throws {
        let record = try F.record(#"{"type":"report","id":"r","predictions":[1,2,3,5],"targets":[1,2,4,4]}"#)
        // SS_res = 0 + 0 + 1 + 1 = 2; mean 2.75, SS_tot = 3.0625 + 0.5625 + 1.5625 + 1.5625 = 6.75.
        #expect(abs(try ReportPlot.data(record).r2 - (1 - 2 / 6.75)) < 1e-15)
        // gap-regress's cross-validation summary: its mean is the R² shown.
        let summary = try F.record(#"{"type":"report","id":"r","predictions":[1,2],"targets":[1,3],"r2":{"mean":0.25,"sd":0.1}}"#)
        #expect(try ReportPlot.data(summary).r2 == 0.25)
    }

    @Test func epochsOfOneRunMakeOneFigureOfLossAndAccuracyCurves() throws {
        let figures = try F.figures("epochs")
        #expect(figures.map(\.title) == ["m05", "m06"])
        let svg = F.inspect(figures[0])
        #expect(svg.isWellFormed)
        let curves = svg.marks("polyline")
        #expect(curves.count == 4)
        #expect(curves.allSatisfy { SVGInspector.points(of: $0).count == 4 })
        #expect(svg.marksInsidePlotAreas)
        #expect(F.inspect(figures[1]).marks("polyline").count == 3)
        let panels = F.cartesian(figures[0])
        #expect(panels.map(\.subtitle) == ["loss", "accuracy"])
        #expect(panels[0].y.domain.contains(0.6) && panels[0].y.domain.contains(2.2))
        #expect(panels[1].x.domain.contains(1) && panels[1].x.domain.contains(4))
    }

    @Test func curvesKeepOneColourPerRoleWithNNTrainFields() throws {
        let json = #"{"type":"epoch","id":"m","epoch":1,"lr":0.1,"loss":1.5,"train_acc":0.5,"train_loss":1.4,"seconds":2,"test_acc":0.4,"test_loss":1.6,"val_acc":0.45,"val_loss":1.55}"#
        let panels = try TrainingCurvePlot.panels([F.record(json)])
        #expect(panels.map(\.subtitle) == ["loss", "accuracy"])
        let colour = { (panel: CartesianPlot, name: String) in panel.legend.entries.first { $0.label == name }?.style.color }
        #expect(panels[0].legend.entries.map(\.label) == ["loss", "train_loss", "test_loss", "val_loss"])
        #expect(colour(panels[0], "train_loss") == Palette.category(0) && colour(panels[1], "train_acc") == Palette.category(0))
        #expect(colour(panels[0], "test_loss") == Palette.category(1) && colour(panels[1], "test_acc") == Palette.category(1))
        #expect(colour(panels[0], "val_loss") == Palette.category(2) && colour(panels[1], "val_acc") == Palette.category(2))
        #expect(colour(panels[0], "loss") == Palette.category(3))
    }

    @Test func cloudIsColouredByLabel() throws {
        let figure = try F.figures("cloud")[0]
        let svg = F.inspect(figure)
        let dots = svg.marks("circle")
        #expect(dots.count == 10)
        #expect(Set(dots.compactMap { $0.attributes["fill"] }) == [Palette.category(0), Categories.style(of: "b").fill])
        #expect(svg.texts.contains("u0") && svg.texts.contains("u1"))
        #expect(svg.marksInsidePlotAreas)
        let plot = try #require(F.cartesian(figure).first)
        #expect(plot.x.domain.contains(-5) && plot.x.domain.contains(4))
        #expect(plot.y.domain.contains(0) && plot.y.domain.contains(5.2))
    }

    @Test func cloudOnPrincipalComponents() throws {
        let figure = try F.figures("cloud") { $0.pca = true }[0]
        let svg = F.inspect(figure)
        #expect(svg.marks("circle").count == 10)
        #expect(svg.texts.contains { $0.hasPrefix("PC1 (") } && svg.texts.contains { $0.hasPrefix("PC2 (") })
        #expect(svg.marksInsidePlotAreas)
    }

    @Test func sameInputGivesSameBytes() throws {
        for name in ["diagram", "vector", "image", "graph", "report", "epochs", "cloud"] {
            let once = try F.figures(name).map { $0.svg(width: 500, height: 400) }
            let twice = try F.figures(name).map { $0.svg(width: 500, height: 400) }
            #expect(once == twice, "\(name)")
        }
    }

    @Test func gridPutsEveryFigureInItsOwnCell() throws {
        let figures = try F.figures("diagram") + F.figures("report")
        let svg = SVGInspector(Figure.grid(figures, width: 400, height: 300, title: "3 figures"))
        #expect(svg.isWellFormed)
        let root = try #require(svg.elements.first)
        #expect(root.attributes["width"] == "800" && root.attributes["height"] == "600")
        #expect(svg.elements.filter { $0.attributes["class"] == "figure" }.count == 3)
        #expect(svg.marks("circle").count == 6 + 3 + 6)
        #expect(svg.marksInsidePlotAreas)
    }
}
