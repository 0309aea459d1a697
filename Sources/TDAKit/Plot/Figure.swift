/// One picture made from one record (or one run of `epoch` records): a title and one or more
/// panels side by side.
public struct Figure {
    /// The id of the record it shows (file names come from it); nil when the record had none.
    public var id: String?
    /// The record type, for file names of records without an id.
    public var type: String
    public var title: String
    public var panels: [any PlotPanel]

    public init(id: String?, type: String, title: String, panels: [any PlotPanel]) {
        self.id = id
        self.type = type
        self.title = title
        self.panels = panels
    }

    static let titleHeight = 26.0

    /// Draws the title across the top of `frame` and the panels in equal columns below it.
    public func draw(in frame: PlotRect, into svg: inout SVGWriter) {
        svg.open([("class", "figure")])
        svg.label(TextMetrics.fit(title, width: frame.width - 24, size: 14), frame.x + frame.width / 2, frame.y + 18,
                  anchor: "middle", size: 14, bold: true)
        let body = PlotRect(x: frame.x, y: frame.y + Figure.titleHeight, width: frame.width, height: frame.height - Figure.titleHeight)
        let columnWidth = body.width / Double(max(panels.count, 1))
        for (k, panel) in panels.enumerated() {
            panel.draw(in: PlotRect(x: body.x + Double(k) * columnWidth, y: body.y, width: columnWidth, height: body.height), into: &svg)
        }
        svg.close()
    }

    /// A standalone SVG document of this figure.
    public func svg(width: Double, height: Double) -> String {
        var writer = SVGWriter()
        draw(in: PlotRect(x: 0, y: 0, width: width, height: height), into: &writer)
        return SVGWriter.document(width: width, height: height, title: title, body: writer.text)
    }

    /// One document with the figures as a grid of `width × height` cells, about as many columns
    /// as rows (a single figure is just that figure).
    public static func grid(_ figures: [Figure], width: Double, height: Double, title: String) -> String {
        if figures.count == 1 { return figures[0].svg(width: width, height: height) }
        let columns = gridColumns(figures.count)
        let rows = (figures.count + columns - 1) / columns
        var writer = SVGWriter()
        for (k, figure) in figures.enumerated() {
            let cell = PlotRect(x: Double(k % columns) * width, y: Double(k / columns) * height, width: width, height: height)
            figure.draw(in: cell, into: &writer)
        }
        return SVGWriter.document(width: Double(columns) * width, height: Double(rows) * height, title: title, body: writer.text)
    }

    /// The smallest number of columns with columns ≥ rows.
    static func gridColumns(_ count: Int) -> Int {
        var columns = 1
        while columns * columns < count { columns += 1 }
        return columns
    }
}
