/// Category names in order of first appearance, each with its palette colour: the same label
/// always gets the same colour within a figure, and legends list labels as the data met them.
public struct Categories {
    public private(set) var names: [String] = []
    var index: [String: Int] = [:]

    public init() {}

    /// The category number of `name`, adding it when new.
    public mutating func code(_ name: String) -> Int {
        if let k = index[name] { return k }
        index[name] = names.count
        names.append(name)
        return names.count - 1
    }

    public func style(_ code: Int) -> MarkStyle { MarkStyle.category(code) }

    /// Legend rows for the categories, in first-appearance order.
    public func entries(swatch: Legend.Swatch) -> [Legend.Entry] {
        names.enumerated().map { Legend.Entry($0.element, style: MarkStyle.category($0.offset), swatch: swatch) }
    }

    /// How a JSON label reads in a legend: strings as they are, integral numbers without `.0`.
    public static func text(_ label: JSONValue) -> String {
        switch label {
        case .string(let s): return s
        case .number(let x): return label.intValue.map(String.init) ?? NumberText.short(x)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        default: return (try? JSONWriter.string(label)) ?? label.typeName
        }
    }
}
