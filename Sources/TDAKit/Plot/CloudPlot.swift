/// A point cloud as a 2-D scatter: its first two coordinates, or its first two principal
/// components (`--pca`), coloured by label.
///
/// Labels are categories (one mark per label, the same in every figure; see `Categories`) unless they are all
/// numbers with more than `maxCategories` distinct values, which are drawn on a viridis scale.
public enum CloudPlot {
    static let maxCategories = 12

    public static func scatter(_ cloud: CloudRecord, pca: Bool, record: Record) throws(ToolError) -> CartesianPlot {
        let points = cloud.points
        guard points.rows > 0 else { throw record.error("has no points to draw") }
        guard points.cols >= 2 else { throw record.error("has \(points.cols)-dimensional points; a scatter needs at least 2 coordinates") }
        guard points.storage.allSatisfy(\.isFinite) else { throw record.error("has a non-finite coordinate") }
        let xs: [Double], ys: [Double], labels: (String, String)
        if pca {
            let pc = PrincipalComponents(points)
            xs = (0..<points.rows).map { pc.projection[$0, 0] }
            ys = (0..<points.rows).map { pc.projection[$0, 1] }
            labels = ("PC1 (\(percent(pc.explainedRatio[0])))", "PC2 (\(percent(pc.explainedRatio[1])))")
        } else {
            xs = (0..<points.rows).map { points[$0, 0] }
            ys = (0..<points.rows).map { points[$0, 1] }
            let names = cloud.columnNames ?? []
            labels = (names.count > 1 ? names[0] : "x0", names.count > 1 ? names[1] : "x1")
        }
        let (colors, legend) = coloring(named(cloud.labels, record.meta), count: points.rows, title: record.meta["legend"]?.stringValue ?? "label")
        var plot = CartesianPlot(x: Axis.covering(labels.0, xs), y: Axis.covering(labels.1, ys), legend: legend)
        let radius = points.rows <= 200 ? 3.5 : points.rows <= 2000 ? 2.5 : 1.6
        plot.layers.append { svg, s in
            svg.open([("class", "marks"), ("fill-opacity", "0.8")])
            for i in 0..<xs.count { svg.circle(s.x(xs[i]), s.y(ys[i]), radius: radius, fill: colors[i].fill, extra: colors[i].attributes) }
            svg.close()
        }
        return plot
    }

    /// Class indices as the class names of `meta.classes` (a model trained on named classes
    /// carries them), so the legend shows the names.
    static func named(_ labels: [JSONValue]?, _ meta: JSONObject) -> [JSONValue]? {
        guard case .array(let classes)? = meta["classes"] else { return labels }
        let names = classes.compactMap(\.stringValue)
        guard names.count == classes.count else { return labels }
        return labels?.map { label in label.intValue.flatMap { names.indices.contains($0) ? JSONValue.string(names[$0]) : nil } ?? label }
    }

    /// One style per point and the legend, titled `title`, that explains them.
    static func coloring(_ labels: [JSONValue]?, count: Int, title: String) -> ([MarkStyle], Legend) {
        guard let labels else { return (Array(repeating: MarkStyle.category(0), count: count), Legend()) }
        let numbers = labels.compactMap(\.doubleValue)
        if numbers.count == labels.count, Set(numbers).count > maxCategories, let lo = numbers.min(), let hi = numbers.max() {
            let scale = ColorScale(lo: lo, hi: hi)
            return (numbers.map { MarkStyle(scale.color($0)) }, Legend(title: title, colorBar: scale))
        }
        var categories = Categories()
        let styles = labels.map { categories.style(Categories.text($0)) }
        return (styles, Legend(title: title, entries: categories.entries(swatch: .dot)))
    }

    static func percent(_ ratio: Double) -> String { NumberText.fixed(ratio * 100, places: 1) + "%" }
}
