/// One edge of an explicit graph: vertices u ≠ v and its filtration value.
struct SparseEdge: Sendable {
    var u: Int, v: Int
    var diameter: Double
}

/// The graph of the sparse Rips filtration (Cavanna, Jahanseir and Sheehy, "A geometric
/// perspective on sparse filtrations", 2015), with the rules of gudhi's `Sparse_rips_complex`
/// so that our diagrams match `gudhi.RipsComplex(points, max_edge_length, sparse=ε)`.
///
/// Points are taken in greedy (farthest-point) order, each with its insertion radius λ; a
/// point at distance 0 from earlier ones is dropped, as gudhi. For i before j (so λi ≥ λj) at
/// distance d: the edge has value d when dε ≤ 2λj; it is absent when dε > λi + λj; otherwise
/// it has value 2(d − λj/ε), kept only while that value times ε(1 − ε)/2 is at most λj. Larger
/// simplices are the cliques whose value f (their largest edge) has f · ε(1 − ε)/2 ≤ λ of
/// every vertex (the blockers, checked in `SparseCoboundary`). The diagrams are
/// multiplicatively (1, 1/(1 − ε))-interleaved with the exact Rips diagrams (gudhi's docs).
///
/// Distances come one row at a time, so memory is O(points + edges), never n × n; the scan
/// over pairs is quadratic in time.
struct SparseRipsGraph {
    /// Original index of each vertex, in greedy order.
    let points: [Int]
    /// Insertion radius of each vertex (+∞ for the first).
    let radius: [Double]
    let edges: [SparseEdge]

    /// `row(i, out)` writes d(i, j) into `out[j]` for the `count` points; edges above
    /// `threshold` are left out (gudhi's `max_edge_length`).
    init(count: Int, epsilon: Double, threshold: Double, row: (Int, UnsafeMutablePointer<Double>) -> Void) {
        let order = GreedyPermutation(count: count, keep: count, wholeOrder: true, row: row)
        let kept = order.radii.indices.prefix { $0 == 0 || order.radii[$0] > 0 }.count
        let chosen = Array(order.indices.prefix(kept)), radii = Array(order.radii.prefix(kept))
        let factor = Self.blockerFactor(epsilon)
        var edges: [SparseEdge] = []
        var distances = [Double](repeating: 0, count: count)
        distances.withUnsafeMutableBufferPointer { buffer in
            guard let out = buffer.baseAddress else { return }
            for i in 0..<kept {
                row(chosen[i], out)
                let li = radii[i]
                for j in (i + 1)..<max(kept, i + 1) {
                    let d = out[chosen[j]], lj = radii[j]
                    let value: Double
                    if d * epsilon <= 2 * lj {
                        value = d
                    } else if d * epsilon > li + lj {
                        continue
                    } else {
                        value = (d - lj / epsilon) * 2
                        if value * factor > lj { continue }
                    }
                    if value <= threshold { edges.append(SparseEdge(u: i, v: j, diameter: value)) }
                }
            }
        }
        points = chosen
        radius = radii
        self.edges = edges
    }

    /// The blocker factor ε(1 − ε)/2.
    static func blockerFactor(_ epsilon: Double) -> Double { epsilon * (1 - epsilon) / 2 }
}
