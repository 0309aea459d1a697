/// DBSCAN (Ester et al. 1996) with scikit-learn's exact rules, so labels match
/// `sklearn.cluster.DBSCAN(eps, min_samples).fit_predict` point for point:
/// - the eps-neighbourhood is inclusive (`d <= eps`) and contains the point itself;
/// - a point is core when its neighbourhood has at least `minSamples` points;
/// - clusters are the connected components of cores (core–core within eps), numbered in order
///   of their lowest-index core (sklearn's `dbscan_inner` scans points in index order);
/// - a non-core point within eps of a core is a border point and joins the lowest-numbered
///   such cluster (the first depth-first search to reach it claims it); others are noise (-1).
public struct DBSCAN: Clusterer {
    public let eps: Double
    public let minSamples: Int

    public init(eps: Double, minSamples: Int) throws {
        guard eps > 0, eps.isFinite else { throw MapperError.badEps(eps) }
        guard minSamples >= 1 else { throw MapperError.badMinSamples(minSamples) }
        self.eps = eps
        self.minSamples = minSamples
    }

    public var minimumPoints: Int { minSamples }

    public func labels(space: MetricSpace, members: [Int]) -> [Int] {
        labels(NeighbourGraph(space: space, members: members, eps: eps))
    }

    /// Labels from a precomputed neighbourhood graph.
    public func labels(_ graph: NeighbourGraph) -> [Int] {
        let n = graph.count
        var coreMask = [UInt64](repeating: 0, count: (n + 63) / 64)
        var isCore = [Bool](repeating: false, count: n)
        for i in 0..<n where graph.degree(i) >= minSamples {
            isCore[i] = true
            coreMask[i >> 6] |= 1 << UInt64(i & 63)
        }
        var components = UnionFind(count: n)
        for i in 0..<n where isCore[i] {
            graph.forEachNeighbour(of: i, in: coreMask) { j in if j > i { components.union(i, j) } }
        }
        var labels = [Int](repeating: -1, count: n)
        var labelOfRoot = [Int](repeating: -1, count: n)
        var next = 0
        for i in 0..<n where isCore[i] {
            let root = components.find(i)
            if labelOfRoot[root] < 0 { labelOfRoot[root] = next; next += 1 }
            labels[i] = labelOfRoot[root]
        }
        for i in 0..<n where !isCore[i] {
            var best = Int.max
            graph.forEachNeighbour(of: i, in: coreMask) { j in best = min(best, labels[j]) }
            if best != Int.max { labels[i] = best }
        }
        return labels
    }
}
