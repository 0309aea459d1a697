/// A vector read as a rows × columns grid (a persistence image) and drawn as a heat map in
/// viridis with a colour bar.
///
/// Values are row-major with row 0 at the bottom: perslay-vec's `image` writes row `j` for the
/// j-th persistence level (names `…pJ_I`, as gudhi's PersistenceImage orders them), so births run
/// across and persistence runs up, as persistence images are usually shown.
public enum HeatMapPlot {
    /// One heat map per image in the vector. Names like `pJ_I` (or `PREFIX.pJ_I`, as
    /// `perslay-vec` writes `image.H1.p3_4`) split the vector into images and give their shapes;
    /// otherwise the vector is one image of shape `given` (`--shape`), else a square.
    public static func panels(_ vector: VectorRecord, given: (rows: Int, cols: Int)?, record: Record) throws(ToolError) -> [CartesianPlot] {
        let values = vector.values
        guard let names = vector.names, let grids = namedGrids(names) else {
            let shape = try shapeOf(count: values.count, given: given, what: "", record: record)
            return [image(values, rows: shape.rows, cols: shape.cols)]
        }
        var panels: [CartesianPlot] = []
        for grid in grids {
            let shape = try shapeOf(count: grid.range.count, given: given ?? (grid.rows, grid.cols),
                                    what: grid.prefix.isEmpty ? "" : " in \(grid.prefix)", record: record)
            panels.append(image(Array(values[grid.range]), rows: shape.rows, cols: shape.cols, subtitle: grid.prefix))
        }
        return panels
    }

    static func shapeOf(count: Int, given: (rows: Int, cols: Int)?, what: String, record: Record) throws(ToolError) -> (rows: Int, cols: Int) {
        if let given {
            guard given.rows * given.cols == count else {
                throw record.error("has \(count) values\(what), but --shape \(given.rows)x\(given.cols) needs \(given.rows * given.cols)")
            }
            return given
        }
        let side = Int(Double(count).squareRoot().rounded())
        guard count > 0, side * side == count else {
            throw record.error("has \(count) values\(what), which is not a square grid; give --shape ROWSxCOLS")
        }
        return (side, side)
    }

    /// Runs of names `[PREFIX.]pJ_I` in row-major order (`k`-th name of a run is
    /// `p(k / cols)_(k % cols)`), one per image; nil when the names are not all of that form.
    static func namedGrids(_ names: [String]) -> [(prefix: String, range: Range<Int>, rows: Int, cols: Int)]? {
        var cells: [(prefix: String, row: Int, col: Int)] = []
        for name in names {
            let dot = name.lastIndex(of: ".")
            let prefix = dot.map { String(name[..<$0]) } ?? ""
            let cell = dot.map { name[name.index(after: $0)...] } ?? Substring(name)
            guard cell.hasPrefix("p") else { return nil }
            let parts = cell.dropFirst().split(separator: "_")
            guard parts.count == 2, let j = Int(parts[0]), let i = Int(parts[1]), j >= 0, i >= 0 else { return nil }
            cells.append((prefix, j, i))
        }
        var grids: [(prefix: String, range: Range<Int>, rows: Int, cols: Int)] = []
        var start = 0
        while start < cells.count {
            var end = start
            while end < cells.count, cells[end].prefix == cells[start].prefix { end += 1 }
            let run = cells[start..<end]
            let rows = (run.map(\.row).max() ?? 0) + 1, cols = (run.map(\.col).max() ?? 0) + 1
            for (k, cell) in run.enumerated() where cell.row != k / cols || cell.col != k % cols { return nil }
            guard rows * cols == run.count else { return nil }
            grids.append((cells[start].prefix, start..<end, rows, cols))
            start = end
        }
        return grids.isEmpty ? nil : grids
    }

    /// Ticks at cell centres (`k + 0.5`) labelled with the cell index, at nice integer steps.
    static func cellAxis(_ label: String, _ cells: Int) -> Axis {
        let ticks = NiceTicks(covering: 0, Double(max(cells - 1, 1)), count: 5, integral: true)
        let marks = zip(ticks.values, ticks.labels).filter { $0.0 <= Double(cells - 1) }.map { (value: $0.0 + 0.5, label: $0.1) }
        return Axis(label: label, domain: 0...Double(cells), ticks: marks)
    }

    public static func image(_ values: [Double], rows: Int, cols: Int, subtitle: String = "") -> CartesianPlot {
        let finite = values.filter(\.isFinite)
        let scale = ColorScale(lo: finite.min() ?? 0, hi: finite.max() ?? 1)
        var plot = CartesianPlot(subtitle: subtitle, x: cellAxis("column", cols), y: cellAxis("row", rows), legend: Legend(colorBar: scale))
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
