/// Category names with their marks. A label's mark is a function of the label alone, so a
/// label has one colour in every panel and every figure of a study, whatever other labels are
/// present (`style(of:)` gives the rule). Legends list the labels in numeric order when every
/// label is a number (2 before 10), else in string order.
public struct Categories {
    /// The labels met so far, in first-appearance order.
    public private(set) var names: [String] = []
    var styles: [String: MarkStyle] = [:]

    public init() {}

    /// The largest label read as a class index (beyond, palettes repeat anyway).
    static let maxClassIndex = 999

    /// The mark of label `name`, which is recorded for the legend.
    public mutating func style(_ name: String) -> MarkStyle {
        if let style = styles[name] { return style }
        let style = Self.style(of: name)
        styles[name] = style
        names.append(name)
        return style
    }

    /// The mark of a label, from its text (`text(_:)`) alone:
    /// - a class index k, a label that is a non-negative integer written plainly (as
    ///   classifiers' labels are), gets Okabe–Ito colour k mod 8, solid for k mod 16 < 8 and a
    ///   ring after (`MarkStyle.category`), so the first sixteen classes never share a mark;
    /// - any other label (a fraction such as 0.1, a negative number, text) gets one of the 18
    ///   marks of Paul Tol's nine muted colours, solid or ring, picked by the 64-bit FNV-1a hash
    ///   of its UTF-8 text modulo 18. These colours are not Okabe–Ito's, so such a label never
    ///   looks like a class; two such labels share a mark one time in eighteen.
    public static func style(of name: String) -> MarkStyle {
        if let k = Int(name), k >= 0, k <= maxClassIndex, String(k) == name { return MarkStyle.category(k) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let slot = Int(hash % UInt64(2 * Palette.tolMuted.count))
        return MarkStyle(Palette.tolMuted[slot % Palette.tolMuted.count], ring: slot >= Palette.tolMuted.count)
    }

    /// The labels in legend order: by value when all are numbers (ties, such as 1 and 1.0, by
    /// text), else by text.
    public var sortedNames: [String] {
        let values = names.compactMap { name in Double(name).map { (name, $0) } }
        guard values.count == names.count else { return names.sorted() }
        return values.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.map(\.0)
    }

    /// Legend rows for the categories, in legend order.
    public func entries(swatch: Legend.Swatch) -> [Legend.Entry] {
        sortedNames.map { Legend.Entry($0, style: styles[$0] ?? Self.style(of: $0), swatch: swatch) }
    }

    /// How a JSON label reads in a legend and which category it is: strings as they are,
    /// integral numbers without `.0`, other numbers exactly (shortest round trip), so two
    /// different values never merge into one category.
    public static func text(_ label: JSONValue) -> String {
        switch label {
        case .string(let s): return s
        case .number(let x): return label.intValue.map(String.init) ?? x.description
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        default: return (try? JSONWriter.string(label)) ?? label.typeName
        }
    }
}
