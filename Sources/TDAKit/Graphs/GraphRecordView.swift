/// A `graph` record (PROTOCOL.md) read as a graph with its vertex data: `nodes` (a count, or
/// objects with an `id` that `links` name), `links`, optional node features `x` (one row per
/// node), named vertex functions `values` and a class `y`.
///
/// Self-loops and repeated links are kept as gudhi's `SimplexTree` keeps them (see `Graph`); a
/// link to a node that does not exist, or a non-finite feature or value, is a data error.
public struct GraphRecordView: Sendable {
    public var id: String?
    public var meta: JSONObject
    public var graph: Graph
    public var features: Matrix<Double>?
    public var values: JSONObject
    public var y: JSONValue?

    public init(id: String?, meta: JSONObject = JSONObject(), graph: Graph, features: Matrix<Double>? = nil,
                values: JSONObject = JSONObject(), y: JSONValue? = nil) {
        self.id = id
        self.meta = meta
        self.graph = graph
        self.features = features
        self.values = values
        self.y = y
    }

    public init(_ record: Record) throws(ToolError) {
        guard record.type == "graph" else { throw record.error("is a \(record.type) record, expected graph") }
        id = record.id
        meta = record.meta
        let (count, index) = try Self.nodes(record)
        graph = Graph(vertexCount: count, links: try Self.links(record, count: count, index: index))
        if record.fields["x"] != nil {
            let x = try record.matrix("x", what: "feature rows")
            guard x.rows == count || (count == 0 && x.storage.isEmpty) else {
                throw record.error("has \(x.rows) feature rows for \(count) nodes")
            }
            guard x.storage.allSatisfy(\.isFinite) else { throw record.error("field \"x\" has a non-finite feature") }
            features = x
        }
        values = record.fields["values"]?.objectValue ?? JSONObject()
        if let given = record.fields["values"], given.objectValue == nil {
            throw record.error("field \"values\" must be an object of vertex functions, not a \(given.typeName)")
        }
        for (name, function) in values.entries {
            guard case .numbers(let xs) = function, xs.count == count else {
                throw record.error("vertex function \"\(name)\" must be \(count) numbers, one per node")
            }
            guard xs.allSatisfy(\.isFinite) else { throw record.error("vertex function \"\(name)\" has a non-finite value") }
        }
        y = record.fields["y"]
    }

    /// The record with `nodes` as a count and `links` as index pairs.
    public var record: Record {
        var payload: [(String, JSONValue)] = [
            ("nodes", .number(Double(graph.vertexCount))),
            ("links", .array(graph.edges.map { .numbers([Double($0.0), Double($0.1)]) })),
        ]
        if let features { payload.append(("x", .array(features.rowArrays.map(JSONValue.numbers)))) }
        if !values.isEmpty { payload.append(("values", .object(values))) }
        if let y { payload.append(("y", y)) }
        return Record(type: "graph", id: id, meta: meta, payload: payload)
    }

    /// The node count, and for nodes given as objects the index of each node id.
    private static func nodes(_ record: Record) throws(ToolError) -> (Int, [String: Int]?) {
        let nodes = try record.required("nodes")
        if let n = nodes.intValue, n >= 0 {
            guard n <= Graph.maxVertexCount else { throw record.error("has \(n) nodes, more than the \(Graph.maxVertexCount) a graph may have") }
            return (n, nil)
        }
        guard let list = nodes.arrayElements else {
            throw record.error("field \"nodes\" must be a node count or an array of node objects")
        }
        var index: [String: Int] = [:]
        for (i, node) in list.enumerated() {
            guard let key = node.objectValue?["id"].flatMap(nodeKey) else {
                throw record.error("node \(i) is not an object with a string or integer \"id\"")
            }
            guard index.updateValue(i, forKey: key) == nil else { throw record.error("has two nodes with id \(key)") }
        }
        return (list.count, index)
    }

    private static func links(_ record: Record, count: Int, index: [String: Int]?) throws(ToolError) -> [(Int, Int)] {
        guard let list = (record.fields["links"] ?? .array([])).arrayElements else {
            throw record.error("field \"links\" must be an array of [a, b] pairs")
        }
        var links: [(Int, Int)] = []
        links.reserveCapacity(list.count)
        for (i, link) in list.enumerated() {
            guard let ends = link.arrayElements, ends.count == 2 else { throw record.error("link \(i) is not an [a, b] pair") }
            var pair: [Int] = []
            for end in ends {
                let node: Int?
                if let index { node = nodeKey(end).flatMap { index[$0] } } else { node = end.intValue.flatMap { (0..<count).contains($0) ? $0 : nil } }
                guard let node else {
                    let name = nodeKey(end) ?? (try? JSONWriter.string(end)) ?? end.typeName
                    throw record.error("link \(i) names node \(name), which is not one of its \(count) nodes")
                }
                pair.append(node)
            }
            links.append((pair[0], pair[1]))
        }
        return links
    }

    /// A node id as a dictionary key: a string as is, an integer in decimal.
    private static func nodeKey(_ value: JSONValue) -> String? {
        if let s = value.stringValue { return s }
        return value.intValue.map { String($0) }
    }
}
