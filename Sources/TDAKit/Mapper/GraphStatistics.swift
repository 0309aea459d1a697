/// Shape of a Mapper graph as a whole.
public struct GraphStatistics: Sendable, Equatable {
    public let nodes: Int
    public let links: Int
    /// Connected components of the graph (isolated nodes count).
    public let components: Int
    /// Independent cycles, the first Betti number of the graph: links − nodes + components.
    public let cycles: Int
    /// Input points in at least one node (DBSCAN noise and skipped cover elements are not).
    public let coveredPoints: Int

    public init(_ graph: MapperGraph) {
        nodes = graph.nodes.count
        links = graph.links.count
        var sets = UnionFind(count: graph.nodes.count)
        var merges = 0
        for (a, b) in graph.links where sets.union(a, b) { merges += 1 }
        components = nodes - merges
        cycles = links - nodes + components
        var covered = [Bool](repeating: false, count: graph.pointCount)
        for node in graph.nodes { for i in node.members { covered[i] = true } }
        coveredPoints = covered.filter { $0 }.count
    }
}
