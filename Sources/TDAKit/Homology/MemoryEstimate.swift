/// Bytes a Rips computation will need, estimated before it starts, for the `--max-memory`
/// guard: the distance matrix, the edge list, and the simplices and columns of the largest
/// dimension, counted for the expected number of simplices under the threshold.
public enum MemoryEstimate {
    /// - Parameters:
    ///   - points: number of points n.
    ///   - maxDimension: highest homology dimension.
    ///   - edgeFraction: fraction of the n(n−1)/2 edges under the threshold (1 without one).
    ///   - precision: bytes per distance follow from it.
    public static func bytes(points n: Int, maxDimension: Int, edgeFraction: Double = 1,
                             precision: RipsPrecision = .float32) -> Int {
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
