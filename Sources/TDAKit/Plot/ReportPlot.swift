/// A regression report (from gap-regress) as predicted against true values, with the y = x line
/// of perfect prediction; R² goes in the figure title.
public enum ReportPlot {
    /// Reads `targets` and `predictions` (equal, non-zero length) and R²: the report's `r2`, the
    /// `mean` of it when it is gap-regress's cross-validation summary, else computed as
    /// scikit-learn's `r2_score`.
    public static func data(_ record: Record) throws(ToolError) -> (truth: [Double], predicted: [Double], r2: Double) {
        for key in ["predictions", "targets"] where record.fields[key] == nil {
            throw record.error("has no \"\(key)\" field; a report is drawn as \"predictions\" against \"targets\"")
        }
        let truth = try record.numbers("targets"), predicted = try record.numbers("predictions")
        guard truth.count == predicted.count else {
            throw record.error("has \(predicted.count) predictions for \(truth.count) targets")
        }
        guard !truth.isEmpty else { throw record.error("has no predictions to draw") }
        guard (truth + predicted).allSatisfy(\.isFinite) else { throw record.error("has a non-finite prediction or target") }
        let reported = record.fields["r2"]?.doubleValue ?? record.fields["r2"]?.objectValue?["mean"]?.doubleValue
        return (truth, predicted, reported ?? r2(truth: truth, predicted: predicted))
    }

    /// 1 − SS_res / SS_tot; for constant targets 1 when exact, else 0 (scikit-learn's convention).
    static func r2(truth: [Double], predicted: [Double]) -> Double {
        let mean = truth.reduce(0, +) / Double(truth.count)
        let residual = zip(truth, predicted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = truth.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        if total == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }

    /// The scatter; both axes show one interval covering targets and predictions, so y = x is 45°.
    public static func scatter(truth: [Double], predicted: [Double]) -> CartesianPlot {
        let x = Axis.covering("true", truth + predicted)
        var y = x
        y.label = "predicted"
        var plot = CartesianPlot(x: x, y: y, legend: Legend(entries: [
            Legend.Entry("records", color: Palette.category(0)), Legend.Entry("y = x", color: Palette.reference, swatch: .line),
        ]))
        plot.layers.append { svg, s in
            let lo = x.domain.lowerBound, hi = x.domain.upperBound
            svg.line(s.x(lo), s.y(lo), s.x(hi), s.y(hi), stroke: Palette.reference, extra: [("stroke-dasharray", "5 4"), ("class", "diagonal")])
            svg.open([("class", "marks"), ("fill-opacity", "0.8"), ("stroke", "#ffffff"), ("stroke-width", "0.6")])
            for (t, p) in zip(truth, predicted) { svg.circle(s.x(t), s.y(p), radius: 4, fill: Palette.category(0)) }
            svg.close()
        }
        return plot
    }
}
