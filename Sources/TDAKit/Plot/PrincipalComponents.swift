/// The leading principal components of a point cloud, for drawing high-dimensional clouds in 2-D.
///
/// The d × d covariance is formed once (n·d² work), then power iteration on it finds each
/// component in turn, kept orthogonal to the ones before. Signs follow a fixed rule (the largest
/// loading is positive) so the picture never flips between runs; the projection equals
/// scikit-learn's PCA up to that sign.
public struct PrincipalComponents {
    /// Unit loadings, one array of length d per component.
    public let components: [[Double]]
    /// Variance along each component, as a fraction of the total variance.
    public let explainedRatio: [Double]
    /// The centred points projected onto the components (n × count).
    public let projection: Matrix<Double>

    public init(_ points: Matrix<Double>, count: Int = 2, iterations: Int = 2000) {
        let n = points.rows, d = points.cols
        var means = [Double](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { means[j] += points.storage[i * d + j] } }
        means = means.map { $0 / Double(max(n, 1)) }
        let covariance = PrincipalComponents.scatterMatrix(points, means: means)
        let total = (0..<d).reduce(0.0) { $0 + covariance[$1 * d + $1] }
        var components: [[Double]] = [], ratios: [Double] = []
        for c in 0..<min(count, d) {
            // A fixed, generic start vector (not all-equal, which symmetric clouds can annihilate).
            var v = (0..<d).map { 1 + Double(($0 * 7919 + c * 104_729) % 97) / 97 }
            var variance = 0.0
            for _ in 0..<iterations {
                var w = [Double](repeating: 0, count: d)
                for r in 0..<d { for k in 0..<d { w[r] += covariance[r * d + k] * v[k] } }
                for u in components { PrincipalComponents.removeProjection(&w, onto: u) }
                let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { break }
                w = w.map { $0 / norm }
                let change = zip(v, w).reduce(0) { $0 + abs($1.0 - $1.1) }
                (v, variance) = (w, norm)
                if change < 1e-12 { break }
            }
            if let largest = v.indices.max(by: { abs(v[$0]) < abs(v[$1]) }), v[largest] < 0 { v = v.map { -$0 } }
            components.append(v)
            ratios.append(total > 0 ? variance / total : 0)
        }
        var projection = Matrix<Double>(rows: n, cols: components.count)
        for i in 0..<n {
            for (c, u) in components.enumerated() {
                var sum = 0.0
                for j in 0..<d { sum += (points.storage[i * d + j] - means[j]) * u[j] }
                projection.storage[i * components.count + c] = sum
            }
        }
        self.components = components
        self.explainedRatio = ratios
        self.projection = projection
    }

    /// Σᵢ (xᵢ − mean)(xᵢ − mean)ᵀ, row-major d × d: the upper triangle is accumulated row by row
    /// through raw pointers (debug builds run array subscripts ~50× slower), then mirrored.
    static func scatterMatrix(_ points: Matrix<Double>, means: [Double]) -> [Double] {
        let n = points.rows, d = points.cols
        var out = [Double](repeating: 0, count: d * d)
        var centred = [Double](repeating: 0, count: d)
        points.storage.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { s in
                centred.withUnsafeMutableBufferPointer { row in
                    guard let x = x.baseAddress, let s = s.baseAddress, let row = row.baseAddress else { return }
                    for i in 0..<n {
                        for j in 0..<d { row[j] = x[i * d + j] - means[j] }
                        for a in 0..<d {
                            let ra = row[a]
                            for b in a..<d { s[a * d + b] += ra * row[b] }
                        }
                    }
                }
            }
        }
        for a in 0..<d { for b in 0..<a { out[a * d + b] = out[b * d + a] } }
        return out
    }

    static func removeProjection(_ w: inout [Double], onto u: [Double]) {
        let dot = zip(w, u).reduce(0) { $0 + $1.0 * $1.1 }
        for j in w.indices { w[j] -= dot * u[j] }
    }
}
