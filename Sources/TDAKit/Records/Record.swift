/// One JSON Lines record: a JSON object with a `"type"`, usually an `"id"` and a `"meta"` object.
///
/// Tools read records generically, then view them as a typed record (`CloudRecord`, …); unknown
/// fields are ignored, and `meta` passes from every input record to the records derived from it.
public struct Record: Sendable, Equatable {
    public var fields: JSONObject
    /// Where the record was read (`stdin:12`), for messages; empty for records made in memory.
    public var location: String

    public init(fields: JSONObject, location: String = "") {
        self.fields = fields
        self.location = location
    }

    /// A record with the protocol's field order: type, id, payload fields, then meta.
    public init(type: String, id: String?, meta: JSONObject, payload: [(String, JSONValue)]) {
        var entries: [(String, JSONValue)] = [("type", .string(type))]
        if let id { entries.append(("id", .string(id))) }
        entries += payload
        entries.append(("meta", .object(meta)))
        self.init(fields: JSONObject(entries))
    }

    public var type: String { fields["type"]?.stringValue ?? "" }
    public var id: String? { fields["id"]?.stringValue }
    public var meta: JSONObject { fields["meta"]?.objectValue ?? JSONObject() }

    /// How messages name this record: its location and id.
    public var place: String {
        let where_ = location.isEmpty ? "" : "\(location): "
        if let id { return "\(where_)record \"\(id)\"" }
        return "\(where_)\(type) record"
    }

    /// A data error about this record.
    public func error(_ what: String) -> ToolError {
        ToolError(.dataError, "\(place) \(what)")
    }

    /// The id of a record derived from this one: `SOURCE/SUFFIX` (the protocol's id composition).
    public func derivedID(_ suffix: String?) -> String? {
        guard let suffix else { return id }
        guard let id, !id.isEmpty else { return suffix }
        return "\(id)/\(suffix)"
    }

    /// The meta of a derived record: this record's meta with `additions` set on top.
    public func derivedMeta(_ additions: [(String, JSONValue)] = []) -> JSONObject {
        var meta = self.meta
        for (key, value) in additions { meta[key] = value }
        return meta
    }

    /// Requires the field to be present.
    public func required(_ key: String) throws(ToolError) -> JSONValue {
        guard let value = fields[key] else { throw error("has no \"\(key)\" field") }
        return value
    }

    /// A required array of numbers.
    public func numbers(_ key: String) throws(ToolError) -> [Double] {
        switch try required(key) {
        case .numbers(let xs): return xs
        case let other: throw error("field \"\(key)\" must be an array of numbers, not \(describeArray(other))")
        }
    }

    /// A required array of equal-length arrays of numbers, as a matrix.
    public func matrix(_ key: String, what: String = "rows") throws(ToolError) -> Matrix<Double> {
        let value = try required(key)
        if case .rows(let matrix) = value { return matrix }
        if case .numbers(let xs) = value, xs.isEmpty { return Matrix(rows: 0, cols: 0) }
        guard case .array(let rows) = value else {
            throw error("field \"\(key)\" must be an array of arrays of numbers, not \(describeArray(value))")
        }
        var flat: [Double] = []
        var width = -1
        for (i, row) in rows.enumerated() {
            guard case .numbers(let xs) = row else {
                throw error("field \"\(key)\" row \(i) must be an array of numbers, not \(describeArray(row))")
            }
            if width < 0 {
                width = xs.count
                flat.reserveCapacity(width * rows.count)
            } else if xs.count != width {
                throw error("has \(what) of unequal length (\(width) and \(xs.count))")
            }
            flat.append(contentsOf: xs)
        }
        return Matrix(rows: rows.count, cols: max(width, 0), storage: flat)
    }

    /// An optional array of indices (integers from 0).
    public func indices(_ key: String) throws(ToolError) -> [Int]? {
        guard let value = fields[key] else { return nil }
        guard case .numbers(let xs) = value else { throw error("field \"\(key)\" must be an array of integers from 0") }
        var out: [Int] = []
        out.reserveCapacity(xs.count)
        for x in xs {
            guard x >= 0, x < 9.0e15, x == x.rounded() else { throw error("field \"\(key)\" holds \(x), not an integer from 0") }
            out.append(Int(x))
        }
        return out
    }

    /// An optional array of strings.
    public func strings(_ key: String) throws(ToolError) -> [String]? {
        guard let value = fields[key] else { return nil }
        if case .numbers(let xs) = value, xs.isEmpty { return [] }
        guard case .array(let xs) = value else { throw error("field \"\(key)\" must be an array of strings") }
        var out: [String] = []
        for x in xs {
            guard case .string(let s) = x else { throw error("field \"\(key)\" must be an array of strings") }
            out.append(s)
        }
        return out
    }

    func describeArray(_ value: JSONValue) -> String {
        if case .array = value { return "a mixed array" }
        return "a \(value.typeName)"
    }
}
