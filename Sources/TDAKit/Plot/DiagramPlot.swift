/// Persistence diagrams as birth/death scatter plots, one colour per homology dimension, with the
/// diagonal and a dashed "∞" line holding the classes that never die (the layout of
/// `persim.plot_diagrams`, which ripser.py uses).
public enum DiagramPlot {
    /// The legend shared by diagram and barcode: `H0 (12)`, `H1 (3)`, … in dimension colours.
    static func legend(_ diagram: PersistenceDiagram, swatch: Legend.Swatch) -> Legend {
        Legend(entries: diagram.dimensions.enumerated().map { k, pairs in
            Legend.Entry("H\(k) (\(pairs.count))", color: Palette.category(k), swatch: swatch)
        })
    }

    /// Births and finite deaths: what the axes must cover.
    static func finiteValues(_ diagram: PersistenceDiagram) -> [Double] {
        diagram.dimensions.flatMap { $0.flatMap { $0.isFinite ? [$0.birth, $0.death] : [$0.birth] } }
    }

    /// Where the "∞" line goes: a tenth of the axis span above its top tick.
    static func infinityLevel(_ axis: Axis) -> Double {
        axis.domain.upperBound + 0.1 * (axis.domain.upperBound - axis.domain.lowerBound)
    }

    /// The birth/death scatter. Both axes show the same interval so the diagonal is at 45°.
    public static func scatter(_ diagram: PersistenceDiagram) -> CartesianPlot {
        let values = finiteValues(diagram)
        let hasInfinite = diagram.dimensions.contains { $0.contains { !$0.isFinite } }
        let x = Axis.covering("birth", values)
        var y = x
        y.label = "death"
        let infinity = infinityLevel(x)
        if hasInfinite {
            y.domain = y.domain.lowerBound...(infinity + 0.04 * (x.domain.upperBound - x.domain.lowerBound))
            y.ticks.append((value: infinity, label: "∞"))
        }
        var plot = CartesianPlot(x: x, y: y, legend: legend(diagram, swatch: .dot))
        plot.layers.append { svg, s in
            let lo = x.domain.lowerBound, hi = x.domain.upperBound
            svg.line(s.x(lo), s.y(lo), s.x(hi), s.y(hi), stroke: Palette.reference, extra: [("class", "diagonal")])
            if hasInfinite {
                svg.line(s.x(lo), s.y(infinity), s.x(hi), s.y(infinity), stroke: Palette.reference,
                         extra: [("stroke-dasharray", "5 4"), ("class", "infinity")])
            }
        }
        plot.layers.append { svg, s in
            for (k, pairs) in diagram.dimensions.enumerated() {
                svg.open([("class", "marks"), ("data-dimension", "\(k)"), ("fill-opacity", "0.8"),
                          ("stroke", "#ffffff"), ("stroke-width", "0.6")])
                for pair in pairs {
                    svg.circle(s.x(pair.birth), s.y(pair.isFinite ? pair.death : infinity), radius: 4, fill: Palette.category(k))
                }
                svg.close()
            }
        }
        return plot
    }

    /// The barcode: one horizontal bar per pair, dimensions stacked H0 first (top), bars sorted
    /// by birth then death within a dimension; infinite bars run to an "∞" tick at the right.
    public static func barcode(_ diagram: PersistenceDiagram) -> CartesianPlot {
        let bars = diagram.dimensions.enumerated().flatMap { k, pairs in
            pairs.sorted { ($0.birth, $0.death) < ($1.birth, $1.death) }.map { (dimension: k, pair: $0) }
        }
        let hasInfinite = bars.contains { !$0.pair.isFinite }
        var x = Axis.covering("filtration value", finiteValues(diagram))
        let infinity = infinityLevel(x)
        if hasInfinite {
            x.domain = x.domain.lowerBound...infinity
            x.ticks.append((value: infinity, label: "∞"))
        }
        let y = Axis(label: "", domain: -0.5...(Double(max(bars.count, 1)) - 0.5), ticks: [])
        var plot = CartesianPlot(x: x, y: y, legend: legend(diagram, swatch: .line))
        plot.layers.append { svg, s in
            let thickness = min(6, max(0.8, s.area.height / Double(max(bars.count, 1)) * 0.7))
            for k in diagram.dimensions.indices {
                svg.open([("class", "marks"), ("data-dimension", "\(k)"), ("stroke-linecap", "butt")])
                for (i, bar) in bars.enumerated() where bar.dimension == k {
                    let row = s.y(Double(bars.count - 1 - i))
                    let end = bar.pair.isFinite ? bar.pair.death : infinity
                    svg.line(s.x(bar.pair.birth), row, s.x(end), row, stroke: Palette.category(k), width: thickness)
                }
                svg.close()
            }
        }
        return plot
    }
}
