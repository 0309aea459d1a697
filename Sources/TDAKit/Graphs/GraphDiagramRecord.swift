/// The `diagram` record of one graph under one vertex filtration (PROTOCOL.md): `diagrams`
/// (ordinary H0 and H1, an essential class with death `null`) with `pairs` beside it, and unless
/// only ordinary persistence is asked for, `extended` {ord0, rel1, ext0, ext1} of (min, max)
/// points with `extended_pairs` beside it. Pairs are the vertex indices whose values are each
/// point's coordinates, in the same order. The graph's class `y` is copied, so the diagrams
/// can be learned from; `meta.filtration` names the function.
public enum GraphDiagramRecord {
    public static func make(_ graph: GraphRecordView, filtration: VertexFiltration, extended: Bool,
                            place: String) throws(ToolError) -> Record {
        let f = try filtration.values(of: graph, place: place)
        let ordinary = GraphPersistence.ordinary(graph.graph, f).map(sorted)
        var payload: [(String, JSONValue)] = [
            ("diagrams", .array(ordinary.map { .array($0.map(\.json)) })),
            ("pairs", .array(ordinary.map { .array($0.map(\.vertexJSON)) })),
        ]
        if extended {
            let diagrams = GraphPersistence.extended(graph.graph, f).named.map { ($0.0, sorted($0.1)) }
            payload.append(("extended", .object(JSONObject(diagrams.map { ($0.0, .array($0.1.map(\.json))) }))))
            payload.append(("extended_pairs", .object(JSONObject(diagrams.map { ($0.0, .array($0.1.map(\.vertexJSON))) }))))
        }
        if let y = graph.y { payload.append(("y", y)) }
        let id = Record(type: "graph", id: graph.id, meta: graph.meta, payload: []).derivedID(filtration.name)
        var meta = graph.meta
        meta["filtration"] = .string(filtration.name)
        return Record(type: "diagram", id: id, meta: meta, payload: payload)
    }

    /// Points by birth, then death, then vertices: the output does not depend on tie-breaking
    /// inside the reduction.
    static func sorted(_ points: [GraphPersistencePoint]) -> [GraphPersistencePoint] {
        points.sorted { a, b in
            (a.birth, a.death, a.birthVertex, a.deathVertex ?? -1) < (b.birth, b.death, b.birthVertex, b.deathVertex ?? -1)
        }
    }
}

extension GraphPersistencePoint {
    var json: JSONValue { death.isFinite ? .numbers([birth, death]) : .array([.number(birth), .null]) }
    var vertexJSON: JSONValue {
        deathVertex.map { .numbers([Double(birthVertex), Double($0)]) } ?? .array([.number(Double(birthVertex)), .null])
    }
}
