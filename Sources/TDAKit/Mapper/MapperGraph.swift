/// One Mapper node: a cluster of the points in one cover element.
public struct MapperNode: Sendable, Equatable {
    /// KeplerMapper's node name, `cube<cube>_cluster<cluster>`.
    public var id: String { "cube\(cube)_cluster\(cluster)" }
    /// Index of the cover element among the non-empty ones.
    public let cube: Int
    /// The clusterer's label within the cover element.
    public let cluster: Int
    /// Row indices of the input points, ascending.
    public let members: [Int]
}

/// A Mapper graph: nodes in KeplerMapper's order (by cube, then by cluster label), links as
/// node-index pairs `(a, b)`, `a < b`, and the higher simplices when asked for.
public struct MapperGraph: Sendable {
    public let nodes: [MapperNode]
    public let links: [(Int, Int)]
    public let simplices: [[Int]]
    public let pointCount: Int
}

/// The Mapper algorithm (Singh, Mémoli, Carlsson 2007) as KeplerMapper's `map`: cover the lens
/// image, cluster each cover element's points in the original space, one node per cluster
/// (noise dropped), and connect nodes that share points.
public struct Mapper: Sendable {
    public let cover: any Cover
    public let clusterer: any Clusterer
    public let nerve: Nerve
    /// Worker threads for clustering cover elements (all cores when nil); the graph is the same
    /// for any number.
    public let threads: Int?

    public init(cover: any Cover, clusterer: any Clusterer, nerve: Nerve = Nerve(), threads: Int? = nil) {
        self.cover = cover
        self.clusterer = clusterer
        self.nerve = nerve
        self.threads = threads
    }

    /// The graph of `space` seen through `lens` (one lens row per point). The space's values
    /// must be finite (`MetricSpace.checkFinite`, done once where the input is read); a
    /// non-finite lens value is an error of the cover. Cover elements are clustered in
    /// parallel; the result does not depend on thread timing.
    public func graph(space: MetricSpace, lens: Matrix<Double>) throws -> MapperGraph {
        precondition(lens.rows == space.count, "one lens row per point")
        let elements = try cover.elements(lens: lens)
        let clusterer = self.clusterer
        let minimum = clusterer.minimumPoints
        guard elements.map(\.count).max() ?? 0 >= minimum else { throw MapperError.noCoverElements(minimumPoints: minimum) }
        let labelled = parallelMap(elements.count, threads: threads, cost: { elements[$0].count }) { e -> [MapperNode] in
            let members = elements[e]
            guard members.count >= minimum else { return [] }
            let labels = clusterer.labels(space: space, members: members)
            let clusters = Set(labels.filter { $0 >= 0 }).sorted()
            return clusters.map { c in
                MapperNode(cube: e, cluster: c, members: zip(members, labels).filter { $0.1 == c }.map(\.0))
            }
        }
        let nodes = labelled.flatMap { $0 }
        let memberLists = nodes.map(\.members)
        let links = nerve.links(memberLists, pointCount: space.count)
        return MapperGraph(nodes: nodes, links: links,
                           simplices: nerve.higherSimplices(memberLists, links: links), pointCount: space.count)
    }
}
