/// A JSON value as read from or written to a record.
///
/// Objects keep their keys in input order so that `meta` passes through a pipeline
/// unchanged. Arrays whose elements are all numbers are stored packed as `.numbers`,
/// which is what keeps large clouds and matrices cheap to read; a table read from CSV or
/// .npy, or written from a matrix, stays one flat `.rows` matrix.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// An array whose every element is a number (including the empty array).
    case numbers([Double])
    case array([JSONValue])
    /// An array of equal-length arrays of numbers, held as the matrix whose rows they are:
    /// a 3000 × 2000 .npy table split into row arrays and joined again for `Record.matrix`
    /// took two serial copies of 48 MB (0.04 s of a 1.8 s two-thread ph-rips run).
    case rows(Matrix<Double>)
    case object(JSONObject)

    /// The elements of an array as values, whichever way the array is stored.
    public var arrayElements: [JSONValue]? {
        switch self {
        case .numbers(let xs): return xs.map(JSONValue.number)
        case .array(let xs): return xs
        case .rows(let m): return m.rowArrays.map(JSONValue.numbers)
        default: return nil
        }
    }

    /// Equal values; an array is equal whichever way it is stored (`.rows` or nested).
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.numbers(x), .numbers(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.rows(x), .rows(y)): return x == y
        case let (.object(x), .object(y)): return x == y
        case (.rows, .numbers), (.rows, .array), (.numbers, .rows), (.array, .rows): return a.arrayElements == b.arrayElements
        default: return false
        }
    }

    public var doubleValue: Double? { if case .number(let x) = self { return x } else { return nil } }
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }

    /// A JSON number that is an exact integer, as `Int`.
    public var intValue: Int? {
        guard case .number(let x) = self, x == x.rounded(), abs(x) < 9.0e15 else { return nil }
        return Int(x)
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .numbers, .array, .rows: return "array"
        case .object: return "object"
        }
    }
}

/// A JSON object with its keys in insertion order.
public struct JSONObject: Sendable, Equatable {
    public private(set) var entries: [(key: String, value: JSONValue)]

    public init() { entries = [] }
    public init(_ entries: [(String, JSONValue)]) { self.entries = entries.map { (key: $0.0, value: $0.1) } }

    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    /// Reads or replaces a key; setting `nil` removes it; a new key goes last.
    public subscript(key: String) -> JSONValue? {
        get { entries.first(where: { $0.key == key })?.value }
        set {
            let index = entries.firstIndex(where: { $0.key == key })
            switch (index, newValue) {
            case let (i?, v?): entries[i].value = v
            case let (i?, nil): entries.remove(at: i)
            case let (nil, v?): entries.append((key: key, value: v))
            case (nil, nil): break
            }
        }
    }

    /// This object with `key` first (replacing an existing value of it).
    public func prepending(_ key: String, _ value: JSONValue) -> JSONObject {
        JSONObject([(key, value)] + entries.filter { $0.key != key }.map { ($0.key, $0.value) })
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
