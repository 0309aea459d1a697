/// A vector read as a rows × columns grid (a persistence image) and drawn as a heat map in
/// viridis with a colour bar.
///
/// Values are row-major with row 0 at the bottom: perslay-vec's `image` writes row `j` for the
/// j-th persistence level (names `pJ_I`), so births run across and persistence runs up, as
/// persistence images are usually shown.
public enum HeatMapPlot {
    /// The grid shape: `given` (`--shape`) when set, else read from `pJ_I` names, else a square.
    public static func shape(of vector: VectorRecord, given: (rows: Int, cols: Int)?, record: Record) throws(ToolError) -> (rows: Int, cols: Int) {
        let count = vector.values.count
        if let given {
            guard given.rows * given.cols == count else {
                throw record.error("has \(count) values, but --shape \(given.rows)x\(given.cols) needs \(given.rows * given.cols)")
            }
            return given
        }
        if let names = vector.names, let shape = shapeFromNames(names), shape.rows * shape.cols == count { return shape }
        let side = Int(Double(count).squareRoot().rounded())
        guard count > 0, side * side == count else {
            throw record.error("has \(count) values, which is not a square grid; give --shape ROWSxCOLS")
        }
        return (side, side)
    }

    /// `(max J + 1, max I + 1)` when every name is `pJ_I`.
    static func shapeFromNames(_ names: [String]) -> (rows: Int, cols: Int)? {
        var rows = 0, cols = 0
        for name in names {
            guard name.hasPrefix("p") else { return nil }
            let parts = name.dropFirst().split(separator: "_")
            guard parts.count == 2, let j = Int(parts[0]), let i = Int(parts[1]), j >= 0, i >= 0 else { return nil }
            rows = max(rows, j + 1)
            cols = max(cols, i + 1)
        }
        return rows > 0 ? (rows, cols) : nil
    }

    /// Ticks at cell centres (`k + 0.5`) labelled with the cell index, at nice integer steps.
    static func cellAxis(_ label: String, _ cells: Int) -> Axis {
        let ticks = NiceTicks(covering: 0, Double(max(cells - 1, 1)), count: 5, integral: true)
        let marks = zip(ticks.values, ticks.labels).filter { $0.0 <= Double(cells - 1) }.map { (value: $0.0 + 0.5, label: $0.1) }
        return Axis(label: label, domain: 0...Double(cells), ticks: marks)
    }

    public static func image(_ values: [Double], rows: Int, cols: Int) -> CartesianPlot {
        let finite = values.filter(\.isFinite)
        let scale = ColorScale(lo: finite.min() ?? 0, hi: finite.max() ?? 1)
        var plot = CartesianPlot(x: cellAxis("column", cols), y: cellAxis("row", rows), legend: Legend(colorBar: scale))
        plot.layers.append { svg, s in
            svg.open([("class", "marks"), ("shape-rendering", "crispEdges")])
            for r in 0..<rows {
                for c in 0..<cols {
                    let left = s.x(Double(c)), top = s.y(Double(r + 1))
                    svg.rect(left, top, s.x(Double(c + 1)) - left, s.y(Double(r)) - top, fill: scale.color(values[r * cols + c]))
                }
            }
            svg.close()
        }
        return plot
    }
}
