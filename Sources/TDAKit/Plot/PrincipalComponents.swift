/// The leading principal components of a point cloud, for drawing high-dimensional clouds in 2-D.
///
/// Power iteration on the covariance, applied implicitly as `Xcᵀ(Xc v)` so a wide cloud never
/// forms a d × d matrix, with each component kept orthogonal to the ones before. Signs follow a
/// fixed rule (the largest loading is positive) so the picture never flips between runs; the
/// projection equals scikit-learn's PCA up to that sign.
public struct PrincipalComponents {
    /// Unit loadings, one array of length d per component.
    public let components: [[Double]]
    /// Variance along each component, as a fraction of the total variance.
    public let explainedRatio: [Double]
    /// The centred points projected onto the components (n × count).
    public let projection: Matrix<Double>

    public init(_ points: Matrix<Double>, count: Int = 2, iterations: Int = 300) {
        let n = points.rows, d = points.cols
        var centred = points
        for j in 0..<d {
            let mean = (0..<n).reduce(0.0) { $0 + points[$1, j] } / Double(max(n, 1))
            for i in 0..<n { centred[i, j] -= mean }
        }
        let total = centred.storage.reduce(0) { $0 + $1 * $1 }
        var components: [[Double]] = [], ratios: [Double] = []
        for c in 0..<min(count, d) {
            // A fixed, generic start vector (not all-equal, which symmetric clouds can annihilate).
            var v = (0..<d).map { 1 + Double(($0 * 7919 + c * 104_729) % 97) / 97 }
            var variance = 0.0
            for _ in 0..<iterations {
                var w = PrincipalComponents.covarianceTimes(centred, v)
                for u in components { PrincipalComponents.removeProjection(&w, onto: u) }
                let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { break }
                w = w.map { $0 / norm }
                let change = zip(v, w).reduce(0) { $0 + abs($1.0 - $1.1) }
                (v, variance) = (w, norm)
                if change < 1e-10 { break }
            }
            if let largest = v.indices.max(by: { abs(v[$0]) < abs(v[$1]) }), v[largest] < 0 { v = v.map { -$0 } }
            components.append(v)
            ratios.append(total > 0 ? variance / total : 0)
        }
        var projection = Matrix<Double>(rows: n, cols: components.count)
        for i in 0..<n {
            for (c, u) in components.enumerated() {
                projection[i, c] = (0..<d).reduce(0.0) { $0 + centred[i, $1] * u[$1] }
            }
        }
        self.components = components
        self.explainedRatio = ratios
        self.projection = projection
    }

    /// `Xcᵀ (Xc v)`: the (unnormalised) covariance applied to `v`.
    static func covarianceTimes(_ x: Matrix<Double>, _ v: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: x.cols)
        x.storage.withUnsafeBufferPointer { rows in
            for i in 0..<x.rows {
                let row = rows[(i * x.cols)..<((i + 1) * x.cols)]
                let dot = zip(row, v).reduce(0) { $0 + $1.0 * $1.1 }
                for (j, value) in row.enumerated() { out[j] += dot * value }
            }
        }
        return out
    }

    static func removeProjection(_ w: inout [Double], onto u: [Double]) {
        let dot = zip(w, u).reduce(0) { $0 + $1.0 * $1.1 }
        for j in w.indices { w[j] -= dot * u[j] }
    }
}
