/// Householder QR factorisation with column pivoting, A P = Q R (Businger and Golub 1965; LAPACK
/// `dgeqp3` without blocking), and the minimum-norm least-squares solution it gives through a
/// complete orthogonal decomposition, as LAPACK's `dgelsy`.
///
/// Least squares is solved from A directly, never from AᵀA, so the conditioning is κ(A), not κ(A)².
public struct PivotedQR: Sendable {
    /// R above the diagonal and the Householder vectors below it (LAPACK layout), m × n.
    public private(set) var factors: Matrix<Double>
    /// Householder scalars τ: Hₖ = I − τₖ vₖ vₖᵀ with vₖ[k] = 1.
    public private(set) var tau: [Double]
    /// Column k of A P is column `permutation[k]` of A.
    public private(set) var permutation: [Int]
    /// The numerical rank: the number of diagonal entries of R with |Rₖₖ| > tolerance · |R₀₀|.
    public let rank: Int

    /// Factors `a`. `tolerance` defaults to max(m, n) · ε, the default `rcond` of `numpy.linalg.lstsq`.
    public init(_ a: Matrix<Double>, tolerance: Double? = nil) {
        let m = a.rows, n = a.cols
        var r = a
        var tau = [Double](repeating: 0, count: min(m, n))
        var permutation = Array(0..<n)
        var norms = (0..<n).map { j in Self.columnNorm(r, column: j, from: 0) }
        for k in 0..<min(m, n) {
            // Pivot: the remaining column of largest norm (recomputed, not downdated, for accuracy).
            let pivot = (k..<n).max { norms[$0] < norms[$1] } ?? k
            if pivot != k {
                for i in 0..<m { r.storage.swapAt(i * n + k, i * n + pivot) }
                permutation.swapAt(k, pivot)
                norms.swapAt(k, pivot)
            }
            tau[k] = Self.householder(&r, row: k, column: k)
            Self.reflect(&r, k: k, tau: tau[k], columns: (k + 1)..<n)
            for j in (k + 1)..<n { norms[j] = Self.columnNorm(r, column: j, from: k + 1) }
        }
        let limit = (tolerance ?? Double(max(m, n)) * Double.ulpOfOne) * abs(min(m, n) > 0 ? r[0, 0] : 0)
        rank = (0..<min(m, n)).prefix { abs(r[$0, $0]) > limit }.count
        factors = r
        self.tau = tau
        self.permutation = permutation
    }

    /// The minimum-norm x minimising ‖A x − b‖₂ (rank-deficient columns handled as `dgelsy`):
    /// with A P = Q [R₁₁ R₁₂; 0 0] and [R₁₁ R₁₂]ᵀ = Z T, x = P Z T⁻ᵀ (Qᵀ b)[0..<rank].
    public func solve(_ b: [Double]) -> [Double] {
        let n = factors.cols
        var qtb = b
        for k in 0..<tau.count { Self.applyReflector(factors, k: k, tau: tau[k], to: &qtb) }
        guard rank > 0 else { return [Double](repeating: 0, count: n) }
        // W = [R₁₁ R₁₂]ᵀ, n × rank, factored without pivoting: W = Z [T; 0].
        var w = Matrix<Double>(rows: n, cols: rank)
        for i in 0..<rank { for j in i..<n { w[j, i] = factors[i, j] } }
        var zTau = [Double](repeating: 0, count: rank)
        for k in 0..<rank {
            zTau[k] = Self.householder(&w, row: k, column: k)
            Self.reflect(&w, k: k, tau: zTau[k], columns: (k + 1)..<rank)
        }
        // Tᵀ u = (Qᵀ b)[0..<rank]: forward substitution with the lower-triangular Tᵀ.
        var z = [Double](repeating: 0, count: n)
        for i in 0..<rank {
            var s = qtb[i]
            for j in 0..<i { s -= w[j, i] * z[j] }
            z[i] = s / w[i, i]
        }
        // z = Z [u; 0], applying the reflectors in reverse order.
        for k in stride(from: rank - 1, through: 0, by: -1) { Self.applyReflector(w, k: k, tau: zTau[k], to: &z) }
        var x = [Double](repeating: 0, count: n)
        for j in 0..<n { x[permutation[j]] = z[j] }
        return x
    }

    static func columnNorm(_ a: Matrix<Double>, column j: Int, from row: Int) -> Double {
        var scale = 0.0, sum = 1.0
        // Scaled sum of squares (LAPACK `dnrm2`), safe from overflow and underflow.
        for i in row..<a.rows where a[i, j] != 0 {
            let x = abs(a[i, j])
            if scale < x {
                sum = 1 + sum * (scale / x) * (scale / x)
                scale = x
            } else {
                sum += (x / scale) * (x / scale)
            }
        }
        return scale * sum.squareRoot()
    }

    /// Replaces column `column` from `row` down by β e₁ and the reflector v (v₀ = 1 implicit),
    /// returning τ (LAPACK `dlarfg`); τ = 0 when the column below the diagonal is already zero.
    static func householder(_ a: inout Matrix<Double>, row k: Int, column j: Int) -> Double {
        let alpha = a[k, j]
        let tailNorm = columnNorm(a, column: j, from: k + 1)
        guard tailNorm != 0 else { return 0 }
        let norm = (alpha * alpha + tailNorm * tailNorm).squareRoot()
        let beta = alpha >= 0 ? -norm : norm
        let scale = 1 / (alpha - beta)
        for i in (k + 1)..<a.rows { a[i, j] *= scale }
        a[k, j] = beta
        return (beta - alpha) / beta
    }

    /// Applies Hₖ, stored in column k of `a` below row k, to `columns` of `a` itself.
    static func reflect(_ a: inout Matrix<Double>, k: Int, tau: Double, columns: Range<Int>) {
        guard tau != 0 else { return }
        for j in columns {
            var dot = a[k, j]
            for i in (k + 1)..<a.rows { dot += a[i, k] * a[i, j] }
            dot *= tau
            a[k, j] -= dot
            for i in (k + 1)..<a.rows { a[i, j] -= dot * a[i, k] }
        }
    }

    /// Applies Hₖ to a vector.
    static func applyReflector(_ reflectors: Matrix<Double>, k: Int, tau: Double, to v: inout [Double]) {
        guard tau != 0 else { return }
        var dot = v[k]
        for i in (k + 1)..<v.count { dot += reflectors[i, k] * v[i] }
        dot *= tau
        v[k] -= dot
        for i in (k + 1)..<v.count { v[i] -= dot * reflectors[i, k] }
    }
}
