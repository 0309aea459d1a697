/// Something that draws itself into a rectangle of an SVG: one panel of a figure.
public protocol PlotPanel {
    func draw(in frame: PlotRect, into svg: inout SVGWriter)
}

/// Where a layer draws: the plot area in pixels and the two scales onto it.
public struct PlotScales {
    public let area: PlotRect
    public let x: LinearScale
    public let y: LinearScale
}

/// A panel with x and y axes: grid lines at the ticks, axis labels, an optional subtitle and
/// legend, and layers of marks drawn in data coordinates.
///
/// Each layer draws its marks inside `<g class="marks">` groups, and the plot area is a
/// `<rect class="plot-area">`, so tests can count marks and check that they lie inside it.
public struct CartesianPlot: PlotPanel {
    public typealias Layer = (inout SVGWriter, PlotScales) -> Void

    public var subtitle: String
    public var x: Axis
    public var y: Axis
    public var legend: Legend
    public var layers: [Layer] = []

    public init(subtitle: String = "", x: Axis, y: Axis, legend: Legend = Legend()) {
        self.subtitle = subtitle
        self.x = x
        self.y = y
        self.legend = legend
    }

    /// The plot area inside `frame` after margins for tick labels, axis labels, subtitle and legend.
    public func area(in frame: PlotRect) -> PlotRect {
        let left = 12 + (y.label.isEmpty ? 0 : 16) + y.tickLabelExtent + 8
        let bottom = 8 + (x.slantedLabels ? x.tickLabelExtent : 14) + (x.label.isEmpty ? 0 : 18)
        let top = subtitle.isEmpty ? 12.0 : 28
        let right = 16 + (legend.isEmpty ? 0 : legend.width + 8)
        return PlotRect(x: frame.x + left, y: frame.y + top,
                        width: max(frame.width - left - right, 20), height: max(frame.height - top - bottom, 20))
    }

    public func scales(in frame: PlotRect) -> PlotScales {
        let area = area(in: frame)
        return PlotScales(area: area, x: LinearScale(domain: x.domain, start: area.x, end: area.maxX),
                          y: LinearScale(domain: y.domain, start: area.maxY, end: area.y))
    }

    public func draw(in frame: PlotRect, into svg: inout SVGWriter) {
        let scales = scales(in: frame)
        let area = scales.area
        svg.open([("class", "panel")])
        svg.rect(area.x, area.y, area.width, area.height, fill: "#ffffff", extra: [("class", "plot-area")])
        drawGrid(scales, into: &svg)
        for layer in layers { layer(&svg, scales) }
        drawAxes(scales, into: &svg)
        if !subtitle.isEmpty {
            svg.label(subtitle, area.x + area.width / 2, frame.y + 18, anchor: "middle", size: 12, bold: true)
        }
        legend.draw(into: &svg, x: area.maxX + 14, y: area.y, height: area.height)
        svg.close()
    }

    func drawGrid(_ s: PlotScales, into svg: inout SVGWriter) {
        svg.open([("class", "grid"), ("stroke", Palette.grid), ("stroke-width", "1")])
        for tick in x.ticks where x.domain.contains(tick.value) {
            let px = s.x(tick.value)
            svg.element("line", [("x1", SVGWriter.number(px)), ("y1", SVGWriter.number(s.area.y)),
                                 ("x2", SVGWriter.number(px)), ("y2", SVGWriter.number(s.area.maxY))])
        }
        for tick in y.ticks where y.domain.contains(tick.value) {
            let py = s.y(tick.value)
            svg.element("line", [("x1", SVGWriter.number(s.area.x)), ("y1", SVGWriter.number(py)),
                                 ("x2", SVGWriter.number(s.area.maxX)), ("y2", SVGWriter.number(py))])
        }
        svg.close()
    }

    func drawAxes(_ s: PlotScales, into svg: inout SVGWriter) {
        let area = s.area
        svg.open([("class", "axes")])
        svg.line(area.x, area.maxY, area.maxX, area.maxY, stroke: Palette.axis)
        svg.line(area.x, area.y, area.x, area.maxY, stroke: Palette.axis)
        for tick in x.ticks where x.domain.contains(tick.value) {
            let px = s.x(tick.value)
            svg.line(px, area.maxY, px, area.maxY + 4, stroke: Palette.axis)
            if x.slantedLabels {
                svg.label(tick.label, px + 3, area.maxY + 12, anchor: "end", rotate: -45)
            } else {
                svg.label(tick.label, px, area.maxY + 16, anchor: "middle")
            }
        }
        for tick in y.ticks where y.domain.contains(tick.value) {
            let py = s.y(tick.value)
            svg.line(area.x - 4, py, area.x, py, stroke: Palette.axis)
            svg.label(tick.label, area.x - 6, py + 4, anchor: "end")
        }
        if !x.label.isEmpty {
            let below = area.maxY + 8 + (x.slantedLabels ? x.tickLabelExtent : 14) + 14
            svg.label(x.label, area.x + area.width / 2, below, anchor: "middle", size: 12)
        }
        if !y.label.isEmpty {
            let cx = area.x - 8 - y.tickLabelExtent - 8
            let cy = area.y + area.height / 2
            svg.label(y.label, cx, cy, anchor: "middle", size: 12, rotate: -90)
        }
        svg.close()
    }
}
