/// Bytes a Rips computation will need, estimated before it starts, for the `--max-memory`
/// guard. The model has two parts.
///
/// - Foreseeable, counted here: the distance matrix (the double triangle, its copy in the
///   working precision and the padded square table), the edge list, the simplices and columns
///   of the largest dimension for the expected number of simplices under the threshold, the
///   pivot table, and one coboundary per thread in the working heaps.
/// - Not foreseeable: the working heap of a column under reduction holds the sum of the
///   coboundaries added to it, from n entries to every (d+1)-simplex under the threshold.
///   It dominates when it grows: 1000 correlated neurons, maxdim 1, peaked at 2.1 GB of which
///   this estimate's part is 30 MB, because one H1 column summed to 67–134 million triangles
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
    public static func bytes(points n: Int, maxDimension: Int, edgeFraction: Double = 1,
                             precision: RipsPrecision = .float32, threads: Int = 1) -> Int {
        let value = precision == .float32 ? 4.0 : 8.0
        let pairs = Double(n) * Double(n - 1) / 2
        let entry = 8 + value                       // index + diameter per listed simplex
        // The double-precision triangle, its copy in the working precision, and the padded
        // square table the reduction reads (see DistanceTable).
        var total = pairs * (8 + value) + Double(n) * Double((n + 15) / 16 * 16) * value
        total += pairs * edgeFraction * (entry + 16) // edge list, sparse neighbour lists
        if maxDimension >= 1 {
            // Simplices of dimension maxDimension under the threshold: C(n, k+1) · f^(k(k+1)/2),
            // f the edge fraction (each of the k(k+1)/2 edges must be short; independence is the
            // estimate). They are listed once as columns; the pivot table holds one entry each.
            var simplices = 1.0
            for i in 0...maxDimension { simplices *= Double(n - i) / Double(i + 1) }
            let f = max(min(edgeFraction, 1), 0)
            for _ in 0..<(maxDimension * (maxDimension + 1) / 2) { simplices *= f }
            let listed = maxDimension >= 2 ? simplices + pairs * edgeFraction * Double(n) / 3 : 0
            total += listed * entry + pairs * edgeFraction * 16
            // One coboundary (≤ n cofacets) per worker heap, at twice its size (array growth).
            total += Double(max(threads, 1)) * Double(n) * 2 * (entry + 4)
        }
        return total >= Double(Int.max) ? Int.max : Int(total)
    }

    /// "1.5 GiB"-style rendering for messages.
    public static func humanBytes(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes), unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) B" : "\((value * 10).rounded() / 10) \(units[unit])"
    }
}
