#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Distances between two persistence diagrams (finite points of one dimension), where unmatched
/// points go to the diagonal.
public enum DiagramMetric: Sendable, Equatable {
    /// The bottleneck distance with the L∞ ground norm, exactly, as `gudhi.bottleneck_distance`.
    case bottleneck
    /// The p-Wasserstein distance (Σ ‖a − b‖_q^p over an optimal matching)^(1/p) with ground norm
    /// `internalP` q (∞ allowed), exactly, as `gudhi.wasserstein.wasserstein_distance(order: p, internal_p: q)`.
    case wasserstein(p: Double, internalP: Double)
    /// The sliced Wasserstein distance of Carrière et al. (2017) as gudhi.representations'
    /// `sliced_wasserstein_distance(num_directions: n)`: the mean, over the n − 1 directions
    /// θₖ = −π/2 + kπ/n (k < n − 1; gudhi drops the last of n), of the L¹ distance between the sorted
    /// projections of A ∪ Δ(B) and B ∪ Δ(A).
    case sliced(directions: Int)

    public static let names = ["bottleneck", "wasserstein", "sliced"]

    public func distance(_ a: [PersistencePair], _ b: [PersistencePair]) -> Double {
        switch self {
        case .bottleneck: return BottleneckDistance.distance(a, b)
        case let .wasserstein(p, q): return WassersteinDistance.distance(a, b, p: p, internalP: q)
        case let .sliced(n): return SlicedWasserstein(directions: n).distance(a, b)
        }
    }

    /// The symmetric matrix of distances between all pairs, rows computed in parallel on `threads`.
    public func pairwise(_ diagrams: [[PersistencePair]], threads: Int) -> Matrix<Double> {
        if case let .sliced(n) = self { return SlicedWasserstein(directions: n).pairwise(diagrams, threads: threads) }
        return symmetricMatrix(count: diagrams.count, threads: threads) { i, j in distance(diagrams[i], diagrams[j]) }
    }
}

/// The symmetric, zero-diagonal matrix of `distance(i, j)` over all pairs i < j, the rows
/// computed in parallel on `threads` (each pair once; the result does not depend on `threads`).
func symmetricMatrix(count: Int, threads: Int, _ distance: @escaping @Sendable (Int, Int) -> Double) -> Matrix<Double> {
    let rows = parallelMap(count, threads: threads) { i in ((i + 1)..<count).map { j in distance(i, j) } }
    var matrix = Matrix<Double>(rows: count, cols: count)
    for i in 0..<count {
        for (offset, d) in rows[i].enumerated() {
            matrix[i, i + 1 + offset] = d
            matrix[i + 1 + offset, i] = d
        }
    }
    return matrix
}
