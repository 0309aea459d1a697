/// Persistence diagrams per homology dimension; an infinite death is JSON `null`.
public struct DiagramRecord: Sendable {
    public var id: String?
    public var meta: JSONObject
    public var diagram: PersistenceDiagram

    public init(id: String?, meta: JSONObject, diagram: PersistenceDiagram) {
        self.id = id
        self.meta = meta
        self.diagram = diagram
    }

    /// Reads a `diagram` record; a death before its birth or a non-finite birth is a data error.
    public init(_ record: Record) throws(ToolError) {
        try self.init(record, captured: nil)
    }

    /// Reads a `diagram` record whose bars the reader's fast path may already have parsed
    /// (`captured`, then absent from `record.fields`); nil reads the `diagrams` field.
    init(_ record: Record, captured: [[PersistencePair]]?) throws(ToolError) {
        guard record.type == "diagram" else { throw record.error("is a \(record.type) record, expected diagram") }
        id = record.id
        meta = record.meta
        let dimensions: [[PersistencePair]]
        if let captured { dimensions = captured } else { dimensions = try Self.pairs(of: record) }
        for (k, pairs) in dimensions.enumerated() {
            for (i, pair) in pairs.enumerated() where !(pair.death >= pair.birth) {
                throw record.error("dimension \(k) bar \(i) dies before it is born (\(pair.birth), \(pair.death))")
            }
        }
        diagram = PersistenceDiagram(dimensions: dimensions)
    }

    /// The bars of the generic `diagrams` field: per dimension an array of `[birth, death]`,
    /// `death` a number or `null`.
    static func pairs(of record: Record) throws(ToolError) -> [[PersistencePair]] {
        guard let dims = try record.required("diagrams").arrayElements else {
            throw record.error("field \"diagrams\" must be an array (one list of [birth, death] per dimension)")
        }
        var dimensions: [[PersistencePair]] = []
        for (k, dim) in dims.enumerated() {
            guard let bars = dim.arrayElements else { throw record.error("diagram of dimension \(k) must be an array of [birth, death] pairs") }
            var pairs: [PersistencePair] = []
            pairs.reserveCapacity(bars.count)
            for (i, bar) in bars.enumerated() {
                switch bar {
                case .numbers(let xs) where xs.count == 2: pairs.append(PersistencePair(birth: xs[0], death: xs[1]))
                case .array(let xs) where xs.count == 2 && xs[1] == .null:
                    guard let birth = xs[0].doubleValue else { throw record.error("dimension \(k) bar \(i) has a non-numeric birth") }
                    pairs.append(PersistencePair(birth: birth, death: .infinity))
                default: throw record.error("dimension \(k) bar \(i) is not a [birth, death] pair")
                }
            }
            dimensions.append(pairs)
        }
        return dimensions
    }

    public var record: Record {
        let dims: [JSONValue] = diagram.dimensions.map { pairs in
            .array(pairs.map { $0.death.isFinite ? .numbers([$0.birth, $0.death]) : .array([.number($0.birth), .null]) })
        }
        return Record(type: "diagram", id: id, meta: meta, payload: [("diagrams", .array(dims))])
    }
}

/// A feature vector with optional names, one per value.
public struct VectorRecord: Sendable {
    public var id: String?
    public var meta: JSONObject
    public var values: [Double]
    public var names: [String]?

    public init(id: String?, meta: JSONObject, values: [Double], names: [String]? = nil) {
        self.id = id
        self.meta = meta
        self.values = values
        self.names = names
    }

    public init(_ record: Record) throws(ToolError) {
        guard record.type == "vector" else { throw record.error("is a \(record.type) record, expected vector") }
        id = record.id
        meta = record.meta
        values = try record.numbers("values")
        names = try record.strings("names")
        if let names, names.count != values.count {
            throw record.error("has \(names.count) names for \(values.count) values")
        }
    }

    public var record: Record {
        var payload: [(String, JSONValue)] = [("values", .numbers(values))]
        if let names { payload.append(("names", .array(names.map(JSONValue.string)))) }
        return Record(type: "vector", id: id, meta: meta, payload: payload)
    }
}
