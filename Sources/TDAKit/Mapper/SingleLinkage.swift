/// Single-linkage clustering cut by the gap heuristic of Singh, Mémoli and Carlsson (2007,
/// "Topological methods for the analysis of high dimensional data sets", §3.2): the merge
/// heights (minimum-spanning-tree edge lengths) go into a histogram of `bins` equal bins over
/// [0, longest]; the tree is cut at the left edge of the first empty bin above the lowest
/// non-empty one, and every edge longer than that is removed. With no such bin the element is
/// one cluster.
/// Clusters are numbered in order of their lowest-index point; no point is noise.
public struct SingleLinkage: Clusterer {
    public let bins: Int

    public init(bins: Int = 10) { self.bins = max(bins, 1) }

    public var minimumPoints: Int { 2 }

    public func labels(space: MetricSpace, members: [Int]) -> [Int] {
        let edges = minimumSpanningTree(space: space, members: members)
        let cut = cutHeight(edges.map(\.length))
        var components = UnionFind(count: members.count)
        for edge in edges where edge.length <= cut { components.union(edge.a, edge.b) }
        var labelOfRoot = [Int](repeating: -1, count: members.count)
        var next = 0
        return (0..<members.count).map { i in
            let root = components.find(i)
            if labelOfRoot[root] < 0 { labelOfRoot[root] = next; next += 1 }
            return labelOfRoot[root]
        }
    }

    /// The height at which to cut: the left edge of the first empty histogram bin above the
    /// lowest occupied one (bins below the shortest edge say nothing about a gap).
    func cutHeight(_ lengths: [Double]) -> Double {
        guard let longest = lengths.max(), longest > 0 else { return .infinity }
        var counts = [Int](repeating: 0, count: bins)
        for x in lengths { counts[min(Int(x / longest * Double(bins)), bins - 1)] += 1 }
        guard let occupied = counts.firstIndex(where: { $0 > 0 }),
              let empty = counts[occupied...].firstIndex(of: 0) else { return .infinity }
        return longest * Double(empty) / Double(bins)
    }

    /// Prim's algorithm on the complete graph of the members, O(n²) time and O(n) memory:
    /// one row of distances per tree vertex, from the SIMD distance rows.
    func minimumSpanningTree(space: MetricSpace, members: [Int]) -> [(a: Int, b: Int, length: Double)] {
        let n = members.count
        guard n > 1 else { return [] }
        let rows = DistanceRows(space.subspace(members))
        var inTree = [Bool](repeating: false, count: n)
        var best = [Double](repeating: .infinity, count: n)
        var from = [Int](repeating: 0, count: n)
        var edges: [(a: Int, b: Int, length: Double)] = []
        var current = 0
        inTree[0] = true
        for _ in 1..<n {
            let distances = rows.row(current)
            var next = -1
            for j in 0..<n where !inTree[j] {
                if distances[j] < best[j] { best[j] = distances[j]; from[j] = current }
                if next < 0 || best[j] < best[next] { next = j }
            }
            inTree[next] = true
            edges.append((from[next], next, best[next]))
            current = next
        }
        return edges
    }
}
