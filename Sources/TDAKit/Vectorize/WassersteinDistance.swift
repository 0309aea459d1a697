#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exact p-Wasserstein distance between diagrams, as `gudhi.wasserstein.wasserstein_distance`
/// (which solves the same problem with POT's exact `emd`).
///
/// The augmented square problem of size n + m: a point of A matches a point of B at cost ‖a − b‖_q^p
/// or its own diagonal projection at cost ‖a − Δ(a)‖_q^p; diagonal copies match each other at cost 0.
/// Because diagonal copies are interchangeable, every point may take any diagonal copy at its own
/// diagonal cost, which keeps the matrix finite. Solved by `LinearAssignment` (O((n + m)³)).
public enum WassersteinDistance {
    public static func distance(_ a: [PersistencePair], _ b: [PersistencePair], p: Double, internalP q: Double) -> Double {
        let n = a.count, m = b.count
        guard n + m > 0 else { return 0 }
        var cost = Matrix<Double>(rows: n + m, cols: n + m)
        for i in 0..<n {
            for j in 0..<m { cost[i, j] = pow(groundDistance(a[i], b[j], q), p) }
            let toDiagonal = pow(diagonalDistance(a[i], q), p)
            for j in m..<(m + n) { cost[i, j] = toDiagonal }
        }
        for j in 0..<m {
            let toDiagonal = pow(diagonalDistance(b[j], q), p)
            for i in n..<(n + m) { cost[i, j] = toDiagonal }
        }
        return pow(LinearAssignment.solve(cost).total, 1 / p)
    }

    /// ‖x − y‖_q in the plane (q = ∞ is the maximum norm).
    static func groundDistance(_ x: PersistencePair, _ y: PersistencePair, _ q: Double) -> Double {
        let db = abs(x.birth - y.birth), dd = abs(x.death - y.death)
        if q.isInfinite { return max(db, dd) }
        return pow(pow(db, q) + pow(dd, q), 1 / q)
    }

    /// ‖x − Δ(x)‖_q with Δ(x) = ((b + d)/2, (b + d)/2): (d − b)/2 · 2^(1/q).
    static func diagonalDistance(_ x: PersistencePair, _ q: Double) -> Double {
        let half = (x.death - x.birth) / 2
        return q.isInfinite ? half : half * pow(2, 1 / q)
    }
}
