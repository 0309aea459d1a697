/// Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method.
///
/// Jacobi rotations are slower than Householder + QL for large matrices, but simple and
/// accurate to a few ulps of ‖A‖ (Demmel–Veselić), which the heat kernel signatures compared
/// against numpy's `eigh` need; graphs here have at most a few hundred vertices.
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in ascending order.
    public let values: [Double]
    /// Eigenvectors as columns, `vectors[i, k]` for `values[k]`.
    public let vectors: Matrix<Double>

    /// Decomposes `matrix`, which must be square; only its upper triangle is read.
    public init(_ matrix: Matrix<Double>) {
        let n = matrix.rows
        var a = matrix.storage
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            v[i * n + i] = 1
            for j in 0..<i { a[i * n + j] = a[j * n + i] }
        }
        Self.rotateToDiagonal(&a, &v, n)
        let order = (0..<n).sorted { a[$0 * n + $0] < a[$1 * n + $1] }
        values = order.map { a[$0 * n + $0] }
        var sorted = [Double](repeating: 0, count: n * n)
        for (k, column) in order.enumerated() {
            for i in 0..<n { sorted[i * n + k] = v[i * n + column] }
        }
        vectors = Matrix(rows: n, cols: n, storage: sorted)
    }

    /// Sweeps of rotations over all off-diagonal pairs until the off-diagonal mass is below
    /// rounding of the whole matrix (quadratic convergence: a handful of sweeps).
    private static func rotateToDiagonal(_ a: inout [Double], _ v: inout [Double], _ n: Int) {
        let total = a.reduce(0) { $0 + $1 * $1 }
        let tolerance = total * 1e-32
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<n { for q in (p + 1)..<max(p + 1, n) { off += a[p * n + q] * a[p * n + q] } }
            guard off > tolerance else { return }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where a[p * n + q] != 0 {
                    rotate(&a, &v, n, p, q)
                }
            }
        }
    }

    /// The rotation in the (p, q) plane that zeroes a[p][q], applied to A (both sides) and V.
    private static func rotate(_ a: inout [Double], _ v: inout [Double], _ n: Int, _ p: Int, _ q: Int) {
        let apq = a[p * n + q]
        let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot(), s = t * c
        a.withUnsafeMutableBufferPointer { a in
            for r in 0..<n {
                let arp = a[r * n + p], arq = a[r * n + q]
                a[r * n + p] = c * arp - s * arq
                a[r * n + q] = s * arp + c * arq
            }
            for r in 0..<n {
                let apr = a[p * n + r], aqr = a[q * n + r]
                a[p * n + r] = c * apr - s * aqr
                a[q * n + r] = s * apr + c * aqr
            }
            a[p * n + q] = 0
            a[q * n + p] = 0
        }
        v.withUnsafeMutableBufferPointer { v in
            for r in 0..<n {
                let vrp = v[r * n + p], vrq = v[r * n + q]
                v[r * n + p] = c * vrp - s * vrq
                v[r * n + q] = s * vrp + c * vrq
            }
        }
    }
}
