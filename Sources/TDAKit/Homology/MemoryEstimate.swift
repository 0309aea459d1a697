/// Bytes a Rips computation will need, estimated before it starts, for the `--max-memory`
/// guard. The model has two parts.
///
/// - Foreseeable, counted here: the distance matrix (the double triangle, its copy in the
///   working precision and the padded square table), the edge list, the simplices listed to
///   enumerate the top dimension, its columns (those in no apparent pair: counted as 1% of its
///   simplices, 20× what was observed), the pivot table, and one coboundary per thread.
///   Counting every top simplex as a column, as before, asked 19.5 GiB for a 2000-point
///   torus at maxdim 2 and refused it.
/// - Not foreseeable: the working heap of a column under reduction holds the sum of the
///   coboundaries added to it, from n entries to every (d+1)-simplex under the threshold.
///   It dominates when it grows: 1000 correlated neurons, maxdim 1, peaked at 2.1 GB of which
///   this estimate counts 38 MB, because one H1 column summed to 67–134 million triangles
///   (16 bytes each; ripser.py and giotto-ph peaked at the same 2.2–2.3 GB). An a-priori bound
///   (every triangle, 2.6 GB there, terabytes for tetrahedra of 1000 points) would refuse
///   runs that need 100 MB, so instead what the limit leaves over this estimate is the heaps'
///   budget, checked while reducing (`RipsError.reductionMemoryLimit` when passed).
public enum MemoryEstimate {
    /// - Parameters:
    ///   - points: number of points n.
    ///   - maxDimension: highest homology dimension.
    ///   - edgeFraction: fraction of the n(n−1)/2 edges under the threshold (1 without one).
    ///   - precision: bytes per distance follow from it.
    ///   - threads: columns reduced at once, each with its own working heaps.
    ///   - collapse: whether the graph is collapsed first (`EdgeCollapse`): its structures are
    ///     added; the collapsed graph has at most the edges counted for the reduction.
    public static func bytes(points n: Int, maxDimension: Int, edgeFraction: Double = 1,
                             precision: RipsPrecision = .float32, threads: Int = 1, collapse: Bool = false) -> Int {
        let value = precision == .float32 ? 4.0 : 8.0
        let pairs = Double(n) * Double(n - 1) / 2
        let entry = 8 + value                       // index + diameter per listed simplex
        // The double-precision triangle, its copy in the working precision, and the padded
        // square table the reduction reads (see DistanceTable).
        var total = pairs * (8 + value) + Double(n) * Double((n + 15) / 16 * 16) * value
        total += pairs * edgeFraction * (entry + 16) // edge list, sparse neighbour lists
        if maxDimension >= 1 {
            let f = max(min(edgeFraction, 1), 0)
            // Simplices of dimension k under the threshold: C(n, k+1) · f^(k(k+1)/2), f the edge
            // fraction (each of the k(k+1)/2 edges must be short; independence is the estimate).
            func simplices(_ k: Int) -> Double {
                var count = 1.0
                for i in 0...k { count *= Double(n - i) / Double(i + 1) }
                for _ in 0..<(k * (k + 1) / 2) { count *= f }
                return count
            }
            // Dimension maxDimension − 1 is listed in full to enumerate the top one (edges,
            // counted above, when that is 1). Only the top simplices in no apparent pair become
            // columns: 0.05% of the triangles for 400 points in R³, 17 of 500 000 edges for
            // 1000 correlated neurons; 1% is counted. The pivot table holds one entry each.
            let listed = maxDimension >= 3 ? simplices(maxDimension - 1) : 0
            total += (listed + 0.01 * simplices(maxDimension)) * (entry + 16)
            total += pairs * f * 32                 // H1's pivot table: ≤ 1 per edge, half full
            // One coboundary (≤ n cofacets) per worker heap, at twice its size (array growth).
            total += Double(max(threads, 1)) * Double(n) * 2 * (entry + 4)
            if collapse {
                // Its square table of current values, two bit rows per vertex, the edges as
                // sorted (≤ 16 bytes) and as kept (SparseEdge, 24).
                total += Double(n) * Double((n + 15) / 16 * 16) * value + Double(n) * Double((n + 63) / 64) * 16
                total += pairs * f * 40
            }
        }
        return total >= Double(Int.max) ? Int.max : Int(total)
    }

    /// The most points whose run `bytes` estimates within `limit` (0 when not even two fit).
    public static func largestPointCount(within limit: Int, below n: Int, maxDimension: Int, edgeFraction: Double = 1,
                                         precision: RipsPrecision = .float32, threads: Int = 1, collapse: Bool = false) -> Int {
        var (fits, fails) = (1, n)   // bytes grows with the points: bisect on the count
        while fails - fits > 1 {
            let mid = fits + (fails - fits) / 2
            if bytes(points: mid, maxDimension: maxDimension, edgeFraction: edgeFraction, precision: precision, threads: threads,
                     collapse: collapse) <= limit {
                fits = mid
            } else {
                fails = mid
            }
        }
        return fits >= 2 ? fits : 0
    }

    /// "1.5 GiB"-style rendering for messages.
    public static func humanBytes(_ bytes: Int) -> String { MemoryGuard.describe(Double(bytes)) }
}
