/// Feature vectors as a line over their index, or as bars; `names` become the x tick labels when
/// there are few enough to read.
public enum VectorPlot {
    /// Up to this many names are written under the axis; more would overlap.
    static let maxNamedTicks = 24
    /// Lines get a dot per value up to this many values.
    static let maxMarkers = 60

    static func xAxis(_ vector: VectorRecord) -> Axis {
        if let names = vector.names, !names.isEmpty, names.count <= maxNamedTicks { return Axis.categories("", names) }
        return Axis.covering("index", [-0.5, Double(vector.values.count) - 0.5], integral: true)
    }

    /// A line through `(i, values[i])`, with dots when there are few values.
    public static func line(_ vector: VectorRecord) -> CartesianPlot {
        let values = vector.values
        var plot = CartesianPlot(x: xAxis(vector), y: Axis.covering("value", values))
        plot.layers.append { svg, s in
            let color = Palette.category(0)
            svg.open([("class", "marks")])
            svg.polyline(values.enumerated().map { (s.x(Double($0.offset)), s.y($0.element)) }, stroke: color)
            if values.count <= maxMarkers {
                for (i, v) in values.enumerated() { svg.circle(s.x(Double(i)), s.y(v), radius: 3, fill: color) }
            }
            svg.close()
        }
        return plot
    }

    /// One bar per value from zero (the y axis always includes 0), negative bars downwards.
    public static func bars(_ vector: VectorRecord) -> CartesianPlot {
        let values = vector.values
        var plot = CartesianPlot(x: xAxis(vector), y: Axis.covering("value", values, including: [0]))
        plot.layers.append { svg, s in
            let width = abs(s.x(1) - s.x(0)) * 0.8
            svg.open([("class", "marks")])
            for (i, v) in values.enumerated() {
                let top = s.y(max(v, 0)), bottom = s.y(min(v, 0))
                svg.rect(s.x(Double(i)) - width / 2, top, width, bottom - top, fill: Palette.category(0))
            }
            svg.close()
        }
        return plot
    }
}
