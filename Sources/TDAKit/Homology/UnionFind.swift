/// Disjoint sets with path compression and union by rank: the connected components of the
/// growing 1-skeleton, which give H0 without any matrix (Ripser's `union_find`).
struct UnionFind {
    private var parent: [Int]
    private var rank: [UInt8]

    init(count: Int) {
        parent = Array(0..<count)
        rank = [UInt8](repeating: 0, count: count)
    }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    /// Merges the sets of the two roots `x` and `y` (x ≠ y).
    mutating func link(roots x: Int, _ y: Int) {
        if rank[x] > rank[y] {
            parent[y] = x
        } else {
            parent[x] = y
            if rank[x] == rank[y] { rank[y] += 1 }
        }
    }
}
