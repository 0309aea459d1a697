/// Farthest-point (greedy) subsampling, as ripser.py's `n_perm` (its `get_greedy_perm`):
/// point 0 first, then each time the point farthest from those already chosen, the first of
/// equals as numpy's `argmax`. Once `keep` points are chosen, every point lies within
/// `coverRadius` of one of them (ripser.py's `r_cover`), which bounds how far the subsample's
/// diagrams can move from the full cloud's (bottleneck distance ≤ 2 · r_cover).
///
/// Needs two rows of n doubles, not the n×n matrix: distances come one row at a time.
public struct GreedyPermutation: Sendable, Equatable {
    /// The chosen points, in the order chosen (ripser.py's `idx_perm`).
    public let indices: [Int]
    /// The largest distance from any point to its nearest chosen point.
    public let coverRadius: Double
    /// Each chosen point's distance to those chosen before it (its insertion radius; +∞ for
    /// the first), when the order was computed; empty when `keep ≥ count` skipped it.
    public let radii: [Double]

    /// The first `keep` points of the greedy order of `count` points, `row(i, out)` writing
    /// d(i, j) into `out[j]` with 0 at j = i. `keep ≥ count` chooses every point in input
    /// order with radius 0, as ripser.py does when it does not subsample.
    /// `wholeOrder` orders every point even when `keep ≥ count` (sparse Rips needs the radii).
    public init(count: Int, keep: Int, wholeOrder: Bool = false, row: (Int, UnsafeMutablePointer<Double>) -> Void) {
        guard keep < count || (wholeOrder && count > 0) else {
            indices = Array(0..<count)
            coverRadius = 0
            radii = []
            return
        }
        let keep = min(keep, count)
        var nearest = [Double](repeating: 0, count: count), next = nearest
        var chosen = [0], radii = [Double.infinity]
        chosen.reserveCapacity(keep)
        nearest.withUnsafeMutableBufferPointer { nearest in
            next.withUnsafeMutableBufferPointer { next in
                guard let near = nearest.baseAddress, let scratch = next.baseAddress else { return }
                row(0, near)
                while chosen.count < keep {
                    let far = Self.firstMaximum(near, count)
                    chosen.append(far)
                    radii.append(near[far])
                    row(far, scratch)
                    for j in 0..<count where scratch[j] < near[j] { near[j] = scratch[j] }
                }
            }
        }
        indices = chosen
        self.radii = radii
        coverRadius = nearest[Self.firstMaximum(nearest, count)]
    }

    /// Greedy order of a cloud's rows under a metric, distances computed on the fly.
    public init(_ rows: MetricRows, keep: Int, threads: Int = 1) {
        self.init(count: rows.count, keep: keep) { i, out in rows.fill(from: i, into: out, threads: threads) }
    }

    /// Greedy order of the points of a distance matrix.
    public init(_ matrix: CompressedDistanceMatrix<Double>, keep: Int) {
        self.init(count: matrix.count, keep: keep) { i, out in
            for j in 0..<matrix.count { out[j] = matrix[i, j] }
        }
    }

    /// The index of the first largest value, as numpy's `argmax`.
    static func firstMaximum(_ values: UnsafePointer<Double>, _ count: Int) -> Int {
        var best = 0
        for j in 1..<count where values[j] > values[best] { best = j }
        return best
    }

    /// The distances among the chosen points, in the order chosen.
    public func submatrix(_ matrix: CompressedDistanceMatrix<Double>) -> CompressedDistanceMatrix<Double> {
        var lower: [Double] = []
        lower.reserveCapacity(indices.count * (indices.count - 1) / 2)
        for a in 1..<max(indices.count, 1) {
            for b in 0..<a { lower.append(matrix[indices[a], indices[b]]) }
        }
        return CompressedDistanceMatrix(count: indices.count, lower: lower)
    }
}
