/// The key of a panel, drawn to the right of its plot area: category swatches and/or a colour bar.
public struct Legend {
    /// How a category is shown: a dot (scatter), a line (curves) or a square (bars, nodes).
    public enum Swatch: Sendable { case dot, line, square }

    public struct Entry {
        public var label: String
        public var style: MarkStyle
        public var swatch: Swatch

        public init(_ label: String, color: String, swatch: Swatch = .dot) {
            self.init(label, style: MarkStyle(color), swatch: swatch)
        }

        public init(_ label: String, style: MarkStyle, swatch: Swatch = .dot) {
            self.label = label
            self.style = style
            self.swatch = swatch
        }
    }

    public var title = ""
    public var entries: [Entry] = []
    /// A continuous viridis key from `lo` (dark) to `hi` (yellow).
    public var colorBar: ColorScale?

    /// Longest legends are cut here, with a last row saying how many were left out.
    static let maxEntries = 12
    /// Longer labels are shortened with "…" so the legend never crowds out the plot.
    static let maxLabelWidth = TextMetrics.width(String(repeating: "m", count: 24))
    static let rowHeight = 16.0

    public init(title: String = "", entries: [Entry] = [], colorBar: ColorScale? = nil) {
        self.title = title
        self.entries = entries
        self.colorBar = colorBar
    }

    public var isEmpty: Bool { entries.isEmpty && colorBar == nil }

    /// Width the legend needs, from an estimate of the text width (no font metrics in SVG).
    public var width: Double {
        guard !isEmpty else { return 0 }
        var widest = min(TextMetrics.width(title), Legend.maxLabelWidth + 18)
        for entry in entries.prefix(Legend.maxEntries) { widest = max(widest, 18 + min(TextMetrics.width(entry.label), Legend.maxLabelWidth)) }
        if let bar = colorBar { widest = max(widest, 22 + (bar.ticks.labels.map { TextMetrics.width($0) }.max() ?? 0)) }
        return widest + 12
    }

    /// Draws the legend with its top-left corner at (x, y), at most `height` tall.
    public func draw(into svg: inout SVGWriter, x: Double, y: Double, height: Double) {
        guard !isEmpty else { return }
        svg.open([("class", "legend")])
        var top = y
        if !title.isEmpty {
            svg.label(TextMetrics.fit(title, width: Legend.maxLabelWidth + 18), x, top + 10, bold: true)
            top += Legend.rowHeight
        }
        let shown = entries.count > Legend.maxEntries ? Legend.maxEntries - 1 : entries.count
        for entry in entries.prefix(shown) {
            drawSwatch(entry, into: &svg, x: x, centreY: top + 6)
            svg.label(TextMetrics.fit(entry.label, width: Legend.maxLabelWidth), x + 18, top + 10)
            top += Legend.rowHeight
        }
        if shown < entries.count {
            svg.label("… \(entries.count - shown) more", x + 18, top + 10, fill: Palette.reference)
            top += Legend.rowHeight
        }
        if let bar = colorBar { bar.draw(into: &svg, x: x, y: top + 4, height: min(160, max(40, y + height - top - 10))) }
        svg.close()
    }

    func drawSwatch(_ entry: Entry, into svg: inout SVGWriter, x: Double, centreY: Double) {
        switch entry.swatch {
        case .dot: svg.circle(x + 6, centreY, radius: 4.5, fill: entry.style.fill, extra: entry.style.attributes)
        case .line: svg.line(x, centreY, x + 13, centreY, stroke: entry.style.color, width: 2.5)
        case .square: svg.rect(x + 1, centreY - 5, 10, 10, fill: entry.style.fill, extra: entry.style.attributes)
        }
    }
}

/// A continuous colour scale (viridis) over `[lo, hi]`, with nice ticks for its key.
public struct ColorScale {
    public var lo: Double
    public var hi: Double
    public let ticks: NiceTicks

    public init(lo: Double, hi: Double) {
        self.lo = lo
        self.hi = hi
        ticks = NiceTicks(covering: lo, hi, count: 4)
    }

    /// The colour of `value` (the whole range maps to viridis; a constant range is mid-scale).
    public func color(_ value: Double) -> String {
        hi > lo ? Palette.sequential((value - lo) / (hi - lo)) : Palette.sequential(0.5)
    }

    /// A vertical bar of 32 bands (no gradient ids, so panels never clash in a combined figure)
    /// with tick labels at the nice values inside `[lo, hi]`.
    func draw(into svg: inout SVGWriter, x: Double, y: Double, height: Double) {
        let bands = 32
        let band = height / Double(bands)
        for k in 0..<bands {
            let t = (Double(k) + 0.5) / Double(bands)
            svg.rect(x, y + height - Double(k + 1) * band, 12, band + 0.3, fill: Palette.sequential(t))
        }
        svg.rect(x, y, 12, height, fill: "none", extra: [("stroke", Palette.axis), ("stroke-width", "0.5")])
        guard hi > lo else {
            svg.label(NumberText.short(lo), x + 16, y + height / 2 + 4)
            return
        }
        for (value, text) in zip(ticks.values, ticks.labels) where value >= lo - 1e-12 * abs(lo) && value <= hi + 1e-12 * abs(hi) {
            let ty = y + height - (value - lo) / (hi - lo) * height
            svg.line(x + 12, ty, x + 15, ty, stroke: Palette.axis)
            svg.label(text, x + 17, ty + 4)
        }
    }
}

/// Rough text widths for layout: SVG has no font metrics, so 0.6 em per character (DejaVu Sans
/// averages about that) keeps labels from overlapping.
enum TextMetrics {
    static func width(_ text: String, size: Double = 11) -> Double { Double(text.count) * size * 0.6 }

    /// `text` cut with "…" to fit `width` pixels (at least a few characters stay).
    static func fit(_ text: String, width: Double, size: Double = 11) -> String {
        let room = max(Int(width / (size * 0.6)), 4)
        return text.count <= room ? text : String(text.prefix(room - 1)) + "…"
    }
}
