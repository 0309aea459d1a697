/// The nerve of the Mapper nodes: a link between two nodes that share at least
/// `minIntersection` points, and (up to `maxSimplexDimension`) a simplex for every set of
/// nodes sharing that many points.
public struct Nerve: Sendable {
    public let minIntersection: Int
    public let maxSimplexDimension: Int

    public init(minIntersection: Int = 1, maxSimplexDimension: Int = 1) {
        self.minIntersection = max(minIntersection, 1)
        self.maxSimplexDimension = max(maxSimplexDimension, 1)
    }

    /// Links as node-index pairs `(a, b)` with `a < b`, in KeplerMapper's order
    /// (`itertools.combinations` over the nodes: by `a`, then by `b`).
    ///
    /// Counts shared points per pair through each point's node list, so the cost is
    /// Σ (nodes per point)² rather than one set intersection per pair of nodes.
    public func links(_ members: [[Int]], pointCount: Int) -> [(Int, Int)] {
        var nodesOfPoint = [[Int]](repeating: [], count: pointCount)
        for (node, points) in members.enumerated() { for p in points { nodesOfPoint[p].append(node) } }
        var shared = [Int](repeating: 0, count: members.count)
        var links: [(Int, Int)] = []
        for a in members.indices {
            var touched: [Int] = []
            for p in members[a] {
                for b in nodesOfPoint[p] where b > a {
                    if shared[b] == 0 { touched.append(b) }
                    shared[b] += 1
                }
            }
            for b in touched.sorted() where shared[b] >= minIntersection { links.append((a, b)) }
            for b in touched { shared[b] = 0 }
        }
        return links
    }

    /// All simplices of dimension 2 … `maxSimplexDimension` as ascending node-index lists,
    /// in lexicographic order: node sets that are cliques of the link graph and whose
    /// common members number at least `minIntersection` (the Čech nerve of the clusters).
    public func higherSimplices(_ members: [[Int]], links: [(Int, Int)]) -> [[Int]] {
        guard maxSimplexDimension >= 2 else { return [] }
        var above = [[Int]](repeating: [], count: members.count)
        for (a, b) in links { above[a].append(b) }
        var out: [[Int]] = []
        func extend(_ simplex: [Int], _ common: [Int], _ candidates: [Int]) {
            for (k, c) in candidates.enumerated() {
                let shared = sortedIntersection(common, members[c])
                guard shared.count >= minIntersection else { continue }
                let next = simplex + [c]
                if next.count >= 3 { out.append(next) }
                if next.count <= maxSimplexDimension {
                    let rest = candidates[(k + 1)...].filter { above[c].contains($0) }
                    extend(next, shared, rest)
                }
            }
        }
        for a in members.indices { extend([a], members[a], above[a]) }
        return out.sorted { $0.lexicographicallyPrecedes($1) }
    }
}

/// The common elements of two ascending arrays.
func sortedIntersection(_ a: [Int], _ b: [Int]) -> [Int] {
    var out: [Int] = []
    var i = 0, j = 0
    while i < a.count, j < b.count {
        if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else { out.append(a[i]); i += 1; j += 1 }
    }
    return out
}
