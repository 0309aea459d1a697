/// Writes SVG text directly, element by element, with attributes in a fixed order and numbers
/// rounded to 0.01 px, so the same picture always gives the same bytes.
///
/// Every string that comes from input (ids, names, labels) goes through `escape`.
public struct SVGWriter {
    public private(set) var text = ""

    public init() {}

    /// A complete standalone document around `body`: white background, a `<title>`, and a
    /// sans-serif font stack that every SVG renderer has.
    public static func document(width: Double, height: Double, title: String, body: String) -> String {
        let w = number(width), h = number(height)
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
        font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="11">
        <title>\(escape(title))</title>
        <rect x="0" y="0" width="\(w)" height="\(h)" fill="#ffffff"/>

        """ + body + "</svg>\n"
    }

    /// Opens a group with the given attributes (e.g. `class="marks"`); close it with `close()`.
    public mutating func open(_ attributes: [(String, String)]) {
        text += "<g" + render(attributes) + ">\n"
    }

    public mutating func close() { text += "</g>\n" }

    /// A self-closing element.
    public mutating func element(_ name: String, _ attributes: [(String, String)]) {
        text += "<\(name)" + render(attributes) + "/>\n"
    }

    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
                              width: Double = 1, extra: [(String, String)] = []) {
        element("line", [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
                         ("stroke", stroke), ("stroke-width", Self.number(width))] + extra)
    }

    public mutating func circle(_ cx: Double, _ cy: Double, radius: Double, fill: String, extra: [(String, String)] = []) {
        element("circle", [("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(radius)), ("fill", fill)] + extra)
    }

    public mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String,
                              extra: [(String, String)] = []) {
        element("rect", [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(width, 0))),
                         ("height", Self.number(max(height, 0))), ("fill", fill)] + extra)
    }

    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5,
                                  extra: [(String, String)] = []) {
        let coordinates = points.map { Self.number($0.0) + "," + Self.number($0.1) }.joined(separator: " ")
        element("polyline", [("points", coordinates), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.number(width)),
                             ("stroke-linejoin", "round")] + extra)
    }

    /// A text label; `anchor` is `start`, `middle` or `end`; `rotate` turns it about its anchor.
    public mutating func label(_ string: String, _ x: Double, _ y: Double, anchor: String = "start", size: Double? = nil,
                               bold: Bool = false, rotate: Double = 0, fill: String = "#222222") {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if let size { attributes.append(("font-size", Self.number(size))) }
        if bold { attributes.append(("font-weight", "bold")) }
        if rotate != 0 { attributes.append(("transform", "rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))")) }
        attributes.append(("fill", fill))
        text += "<text" + render(attributes) + ">" + Self.escape(string) + "</text>\n"
    }

    /// Appends another writer's elements (used to nest finished panels).
    public mutating func append(_ other: SVGWriter) { text += other.text }

    func render(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined()
    }

    /// XML-escapes text and attribute values (`& < > " '`).
    public static func escape(_ string: String) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for character in string.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 forbids most control characters even escaped; they become spaces.
            case _ where character.value < 0x20 && character != "\t" && character != "\n": out += " "
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A coordinate rounded to 0.01 with no trailing zeros and no `-0`: integer arithmetic, so
    /// the text never depends on a platform's float formatting.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let hundredths = Int((min(max(x, -1e12), 1e12) * 100).rounded())
        if hundredths == 0 { return "0" }
        let magnitude = hundredths.magnitude
        var out = hundredths < 0 ? "-" : ""
        out += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            out += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return out
    }
}
