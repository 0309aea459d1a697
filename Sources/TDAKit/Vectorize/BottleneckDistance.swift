/// The exact bottleneck distance with the L∞ ground norm (as `gudhi.bottleneck_distance`).
///
/// The answer is one of the candidate costs (a point-to-point L∞ distance or a half-persistence,
/// the L∞ distance to the diagonal); a binary search over the sorted candidates asks whether the
/// augmented bipartite graph (A ∪ Δ(B) against B ∪ Δ(A), diagonal copies matched freely) has a
/// perfect matching using edges of cost ≤ ε (Hopcroft–Karp).
public enum BottleneckDistance {
    public static func distance(_ a: [PersistencePair], _ b: [PersistencePair]) -> Double {
        var candidates = a.map(halfPersistence) + b.map(halfPersistence)
        for p in a { for q in b { candidates.append(lInfinity(p, q)) } }
        candidates.sort()
        var low = 0, high = candidates.count - 1
        guard high >= 0 else { return 0 }
        while low < high {
            let middle = (low + high) / 2
            if hasPerfectMatching(a, b, within: candidates[middle]) { high = middle } else { low = middle + 1 }
        }
        return candidates[low]
    }

    static func halfPersistence(_ p: PersistencePair) -> Double { (p.death - p.birth) / 2 }

    static func lInfinity(_ p: PersistencePair, _ q: PersistencePair) -> Double {
        max(abs(p.birth - q.birth), abs(p.death - q.death))
    }

    /// Left vertices: a[0..<n], then the diagonal copies of b (n..<n+m). Right: b[0..<m], then the
    /// diagonal copies of a (m..<m+n). A diagonal copy may match any diagonal copy at cost 0.
    static func hasPerfectMatching(_ a: [PersistencePair], _ b: [PersistencePair], within epsilon: Double) -> Bool {
        let n = a.count, m = b.count
        var adjacency = [[Int]](repeating: [], count: n + m)
        for i in 0..<n {
            for j in 0..<m where lInfinity(a[i], b[j]) <= epsilon { adjacency[i].append(j) }
            if halfPersistence(a[i]) <= epsilon { adjacency[i].append(m + i) }
        }
        for j in 0..<m {
            if halfPersistence(b[j]) <= epsilon { adjacency[n + j].append(j) }
            adjacency[n + j] += (m..<(m + n))
        }
        return HopcroftKarp(adjacency: adjacency, rightCount: m + n).maximumMatching() == n + m
    }
}

/// Maximum bipartite matching in O(E √V) (Hopcroft and Karp 1973).
struct HopcroftKarp {
    let adjacency: [[Int]]
    let rightCount: Int

    func maximumMatching() -> Int {
        let leftCount = adjacency.count
        var leftMatch = [Int](repeating: -1, count: leftCount), rightMatch = [Int](repeating: -1, count: rightCount)
        var layer = [Int](repeating: 0, count: leftCount)
        var matched = 0
        while true {
            // Breadth-first layers from the free left vertices.
            var queue: [Int] = [], head = 0, foundFree = false
            for u in 0..<leftCount {
                layer[u] = leftMatch[u] < 0 ? 0 : -1
                if leftMatch[u] < 0 { queue.append(u) }
            }
            while head < queue.count {
                let u = queue[head]
                head += 1
                for v in adjacency[u] {
                    let w = rightMatch[v]
                    if w < 0 { foundFree = true } else if layer[w] < 0 { layer[w] = layer[u] + 1; queue.append(w) }
                }
            }
            guard foundFree else { return matched }
            var next = [Int](repeating: 0, count: leftCount)
            func augment(_ u: Int) -> Bool {
                while next[u] < adjacency[u].count {
                    let v = adjacency[u][next[u]]
                    next[u] += 1
                    let w = rightMatch[v]
                    if w < 0 || (layer[w] == layer[u] + 1 && augment(w)) {
                        leftMatch[u] = v
                        rightMatch[v] = u
                        return true
                    }
                }
                layer[u] = -1
                return false
            }
            for u in 0..<leftCount where leftMatch[u] < 0 && augment(u) { matched += 1 }
        }
    }
}
