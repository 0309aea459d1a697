/// Category names with their palette colours. A class index (a label that is a small
/// non-negative integer, as classifiers' labels are) always gets the colour of its number, so
/// class 3 has one colour in every panel and every figure of a study; other labels get the
/// remaining colours in order of first appearance. Legends list labels as the data met them.
public struct Categories {
    public private(set) var names: [String] = []
    var codes: [Int] = []
    var index: [String: Int] = [:]
    var nextFree = 0

    public init() {}

    /// The largest label read as a class index (beyond, palettes repeat anyway).
    static let maxClassIndex = 999

    /// The category number of `name`, adding it when new.
    public mutating func code(_ name: String) -> Int {
        if let k = index[name] { return k }
        let k: Int
        if let n = Int(name), n >= 0, n <= Self.maxClassIndex, String(n) == name {
            k = n
        } else {
            while codes.contains(nextFree) { nextFree += 1 }
            k = nextFree
            nextFree += 1
        }
        index[name] = k
        names.append(name)
        codes.append(k)
        return k
    }

    public func style(_ code: Int) -> MarkStyle { MarkStyle.category(code) }

    /// Legend rows for the categories, in first-appearance order.
    public func entries(swatch: Legend.Swatch) -> [Legend.Entry] {
        zip(names, codes).map { Legend.Entry($0, style: MarkStyle.category($1), swatch: swatch) }
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
