/// A dotted path to a record field, as `--target meta.gap`, `--group meta.model`, `--by id`:
/// the first word names a top-level field, each further word a key of an object inside it.
public struct FieldPath: Sendable, Equatable, CustomStringConvertible {
    public let keys: [String]

    public init(_ text: String) { keys = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

    public var description: String { keys.joined(separator: ".") }

    /// The value at the path, or nil when a key is missing.
    public func value(in record: Record) -> JSONValue? {
        var current: JSONValue? = .object(record.fields)
        for key in keys { current = current?.objectValue?[key] }
        return current
    }

    /// The value as a number (JSON numbers, and `true`/`false` as 1/0), or a data error naming the record.
    public func number(in record: Record) throws(ToolError) -> Double {
        switch value(in: record) {
        case .number(let x)?: return x
        case .bool(let b)?: return b ? 1 : 0
        case nil: throw record.error("has no field \(self)")
        case let other?: throw record.error("field \(self) is a \(other.typeName), not a number")
        }
    }

    /// The value as a group label: strings as they are, anything else as its JSON text.
    public func label(in record: Record) throws(ToolError) -> String {
        guard let value = value(in: record) else { throw record.error("has no field \(self)") }
        if case .string(let s) = value { return s }
        return (try? JSONWriter.string(value)) ?? "\(value)"
    }
}
