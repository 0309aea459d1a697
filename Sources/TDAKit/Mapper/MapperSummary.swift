/// A Mapper graph with its node and graph statistics: everything the writers (record, DOT,
/// HTML) show.
public struct MapperSummary: Sendable {
    public let graph: MapperGraph
    public let nodeStatistics: [NodeStatistics]
    public let statistics: GraphStatistics
    /// Include the simplex list in the record (asked for with a maximum dimension ≥ 2).
    public let withSimplices: Bool
    /// Distinct labels of the input in order of first appearance (colours from
    /// `Categories.style(of:)`).
    public let labelNames: [String]

    public init(graph: MapperGraph, space: MetricSpace, lens: Matrix<Double>, labels: PointLabels?,
                withSimplices: Bool = false) {
        self.graph = graph
        nodeStatistics = parallelMap(graph.nodes.count) { k in
            NodeStatistics(members: graph.nodes[k].members, space: space, lens: lens, labels: labels)
        }
        statistics = GraphStatistics(graph)
        self.withSimplices = withSimplices
        labelNames = labels?.names ?? []
    }
}
