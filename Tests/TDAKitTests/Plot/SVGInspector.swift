import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import TDAKit

/// Parses an SVG document with Foundation's XMLParser (a real XML parser: the document must be
/// well-formed) and keeps every element with its attributes and the classes of its ancestors.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Classes of the enclosing groups, innermost last.
        var groupClasses: [String]
        var text = ""

        func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
        /// True inside a `<g class="marks …">` group.
        var isMark: Bool { groupClasses.contains { $0.split(separator: " ").contains("marks") } }
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private var classStack: [String] = []
    private(set) var parseError: String?

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { parseError = parser.parserError.map { "\($0)" } ?? "unknown XML error" }
    }

    var isWellFormed: Bool { parseError == nil }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        stack.append(elements.count)
        elements.append(Element(name: name, attributes: attributes, groupClasses: classStack))
        classStack.append(name == "g" ? attributes["class"] ?? "" : "")
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
        classStack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let open = stack.last { elements[open].text += string }
    }

    /// Data marks of one element kind (`circle`, `line`, `rect`, `polyline`).
    func marks(_ name: String) -> [Element] { elements.filter { $0.name == name && $0.isMark } }

    /// The plot-area rectangles, one per Cartesian or graph panel.
    var plotAreas: [PlotRect] {
        elements.filter { $0.attributes["class"] == "plot-area" }.compactMap { e in
            guard let x = e.number("x"), let y = e.number("y"), let w = e.number("width"), let h = e.number("height") else { return nil }
            return PlotRect(x: x, y: y, width: w, height: h)
        }
    }

    var texts: [String] { elements.filter { $0.name == "text" }.map(\.text) }

    /// The points a mark occupies (centre of a circle, both ends of a line, corners of a rect,
    /// every vertex of a polyline).
    static func points(of e: Element) -> [(Double, Double)] {
        switch e.name {
        case "circle": return [(e.number("cx") ?? .nan, e.number("cy") ?? .nan)]
        case "line": return [(e.number("x1") ?? .nan, e.number("y1") ?? .nan), (e.number("x2") ?? .nan, e.number("y2") ?? .nan)]
        case "rect":
            let x = e.number("x") ?? .nan, y = e.number("y") ?? .nan
            return [(x, y), (x + (e.number("width") ?? .nan), y + (e.number("height") ?? .nan))]
        case "polyline":
            return (e.attributes["points"] ?? "").split(separator: " ").map { pair in
                let xy = pair.split(separator: ",").compactMap { Double($0) }
                return xy.count == 2 ? (xy[0], xy[1]) : (.nan, .nan)
            }
        default: return []
        }
    }

    /// True when every mark lies in some plot area (to 0.01 px, the writer's rounding).
    var marksInsidePlotAreas: Bool {
        let areas = plotAreas
        return elements.filter(\.isMark).allSatisfy { mark in
            SVGInspector.points(of: mark).allSatisfy { p in areas.contains { $0.contains(p.0, p.1) } }
        }
    }
}
