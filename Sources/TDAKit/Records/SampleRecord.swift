/// One labelled example for training: inputs `x` and an optional target `y`.
public struct SampleRecord: Sendable {
    public var id: String?
    public var meta: JSONObject
    public var x: [Double]
    public var y: JSONValue?

    public init(id: String? = nil, meta: JSONObject = JSONObject(), x: [Double], y: JSONValue?) {
        self.id = id
        self.meta = meta
        self.x = x
        self.y = y
    }

    public init(_ record: Record) throws(ToolError) {
        guard record.type == "sample" else { throw record.error("is a \(record.type) record, expected sample") }
        id = record.id
        meta = record.meta
        x = try record.numbers("x")
        y = record.fields["y"]
    }

    public var record: Record {
        var payload: [(String, JSONValue)] = [("x", .numbers(x))]
        if let y { payload.append(("y", y)) }
        return Record(type: "sample", id: id, meta: meta, payload: payload)
    }
}

/// A trained model: the path of its model file, metrics and hyper-parameters in `meta`.
public struct ModelRecord: Sendable {
    public var id: String?
    public var meta: JSONObject
    public var path: String

    public init(id: String?, meta: JSONObject, path: String) {
        self.id = id
        self.meta = meta
        self.path = path
    }

    public init(_ record: Record) throws(ToolError) {
        guard record.type == "model" else { throw record.error("is a \(record.type) record, expected model") }
        id = record.id
        meta = record.meta
        guard let path = record.fields["path"]?.stringValue else { throw record.error("has no string \"path\" field") }
        self.path = path
    }

    public var record: Record { Record(type: "model", id: id, meta: meta, payload: [("path", .string(path))]) }
}
