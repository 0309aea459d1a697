/// The payload of a `graph` record (PROTOCOL.md): `nodes` with `id`, `members` and statistics,
/// `links` as id pairs, `simplices` when asked for, and graph-wide `stats`. The caller adds
/// `type`, `id` and `meta`.
public func graphRecordPayload(_ summary: MapperSummary) -> JSONObject {
    let graph = summary.graph
    var payload = JSONObject()
    payload["nodes"] = .array(zip(graph.nodes, summary.nodeStatistics).map { node, stats in
        .object(nodeObject(node, stats))
    })
    let ids = graph.nodes.map(\.id)
    payload["links"] = .array(graph.links.map { .array([.string(ids[$0.0]), .string(ids[$0.1])]) })
    if summary.withSimplices {
        // KeplerMapper's simplex list: vertices, then edges, then the higher simplices.
        let all = graph.nodes.indices.map { [$0] } + graph.links.map { [$0.0, $0.1] } + graph.simplices
        payload["simplices"] = .array(all.map { .array($0.map { .string(ids[$0]) }) })
    }
    let s = summary.statistics
    payload["stats"] = .object(JSONObject([
        ("nodes", .number(Double(s.nodes))), ("links", .number(Double(s.links))),
        ("components", .number(Double(s.components))), ("cycles", .number(Double(s.cycles))),
        ("covered_points", .number(Double(s.coveredPoints))),
    ]))
    return payload
}

private func nodeObject(_ node: MapperNode, _ stats: NodeStatistics) -> JSONObject {
    var o = JSONObject([
        ("id", .string(node.id)),
        ("members", .numbers(node.members.map(Double.init))),
        ("size", .number(Double(stats.size))),
        ("cube", .number(Double(node.cube))),
        ("cluster", .number(Double(node.cluster))),
        ("mean_lens", .numbers(stats.meanLens)),
    ])
    o["mean_norm"] = stats.meanNorm.map(JSONValue.number)
    o["mean_activation"] = stats.meanActivation.map(JSONValue.number)
    if !stats.labelCounts.isEmpty {
        o["labels"] = .object(JSONObject(stats.labelCounts.map { ($0.label, .number(Double($0.count))) }))
        o["top_labels"] = .array(stats.topLabels.map {
            .object(JSONObject([("label", .string($0.label)), ("share", .number($0.share))]))
        })
        o["purity"] = stats.purity.map(JSONValue.number)
    }
    return o
}
