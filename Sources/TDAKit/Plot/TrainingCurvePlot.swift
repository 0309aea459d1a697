/// The `epoch` records of one training run as curves over the epochs: a loss panel (`loss`,
/// `test_loss`, … any field named `*loss*`) and an accuracy panel (`train_acc`, `test_acc`, …
/// any field named `*acc*`), training blue and test vermillion in both.
public enum TrainingCurvePlot {
    /// One curve: a field's values at the epochs where it is a number.
    struct Series {
        var name: String
        var points: [(Double, Double)] = []
    }

    /// The panels for one run's records (in input order); a run with neither loss nor accuracy
    /// fields, or a record without a numeric `epoch`, is a data error.
    public static func panels(_ records: [Record]) throws(ToolError) -> [CartesianPlot] {
        var series: [Series] = []
        for record in records {
            guard let epoch = record.fields["epoch"]?.doubleValue, epoch.isFinite else {
                throw record.error("has no numeric \"epoch\" field")
            }
            for (key, value) in record.fields.entries where key.contains("loss") || key.contains("acc") {
                guard let v = value.doubleValue, v.isFinite else { continue }
                if let k = series.firstIndex(where: { $0.name == key }) {
                    series[k].points.append((epoch, v))
                } else {
                    series.append(Series(name: key, points: [(epoch, v)]))
                }
            }
        }
        let losses = series.filter { $0.name.contains("loss") }, accuracies = series.filter { !$0.name.contains("loss") }
        guard !series.isEmpty else {
            let what = "has no loss or accuracy fields (loss, train_acc, test_acc, …)"
            throw records.first?.error(what) ?? ToolError(.dataError, "epoch records: \(what)")
        }
        return [(losses, "loss"), (accuracies, "accuracy")].compactMap { group, label in
            group.isEmpty ? nil : panel(group, label: label)
        }
    }

    /// `train_*` blue, `test_*` vermillion, `val_*` green in every panel; other curves (nn-train's
    /// running `loss`) take blue when there is no `train_*` curve, else orange and on.
    static func colors(_ names: [String]) -> [String] {
        func role(_ name: String) -> Int? { name.hasPrefix("train") ? 0 : name.hasPrefix("test") ? 1 : name.hasPrefix("val") ? 2 : nil }
        var next = names.contains { role($0) == 0 } ? 3 : 0
        return names.map { name in
            if let k = role(name) { return Palette.category(k) }
            defer { next = next == 0 ? 3 : next + 1 }
            return Palette.category(next)
        }
    }

    static func panel(_ series: [Series], label: String) -> CartesianPlot {
        let epochs = series.flatMap { $0.points.map(\.0) }, values = series.flatMap { $0.points.map(\.1) }
        let palette = colors(series.map(\.name))
        let legend = Legend(entries: zip(series, palette).map { Legend.Entry($0.name, color: $1, swatch: .line) })
        var plot = CartesianPlot(subtitle: label, x: Axis.covering("epoch", epochs, integral: true), y: Axis.covering(label, values), legend: legend)
        plot.layers.append { svg, s in
            for (curve, color) in zip(series, palette) {
                svg.open([("class", "marks"), ("data-series", curve.name)])
                svg.polyline(curve.points.map { (s.x($0.0), s.y($0.1)) }, stroke: color, width: 2)
                if curve.points.count <= 40 {
                    for (e, v) in curve.points { svg.circle(s.x(e), s.y(v), radius: 2.5, fill: color) }
                }
                svg.close()
            }
        }
        return plot
    }
}
