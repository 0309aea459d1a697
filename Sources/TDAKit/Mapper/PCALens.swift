/// The first one or two principal components of the centred points, as scikit-learn's
/// `PCA(n_components=K).fit_transform(X)`: covariance eigenvectors by power iteration with
/// deflation, each signed so that its largest-magnitude loading is positive (sklearn's
/// `svd_flip(..., u_based_decision=False)`; the first such loading on ties).
public struct PCALens: Lens {
    public let components: Int

    public init(components: Int) { self.components = components }

    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        guard let x = space.points else { throw MapperError.needsPoints(lens: "pca:\(components)") }
        let n = x.rows, d = x.cols
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for k in 0..<d { mean[k] += x[i, k] } }
        mean = mean.map { $0 / Double(n) }
        var cov = [Double](repeating: 0, count: d * d)
        for i in 0..<n {
            let c = (0..<d).map { x[i, $0] - mean[$0] }
            for a in 0..<d { for b in a..<d { cov[a * d + b] += c[a] * c[b] } }
        }
        for a in 0..<d { for b in a..<d { cov[b * d + a] = cov[a * d + b] } }
        var out = Matrix<Double>(rows: n, cols: components)
        for c in 0..<min(components, d) {
            let v = signed(dominantEigenvector(cov, d))
            let lambda = rayleigh(cov, v, d)
            for a in 0..<d { for b in 0..<d { cov[a * d + b] -= lambda * v[a] * v[b] } }
            for i in 0..<n { out[i, c] = (0..<d).reduce(0) { $0 + (x[i, $1] - mean[$1]) * v[$1] } }
        }
        return out
    }

    /// Power iteration from a fixed start until the direction changes by < 1e-13.
    func dominantEigenvector(_ m: [Double], _ d: Int) -> [Double] {
        var v = (0..<d).map { 1 + Double($0) / Double(d) }
        v = normalised(v)
        for _ in 0..<20_000 {
            let w = normalised(multiply(m, v, d))
            let change = zip(v, w).reduce(0) { max($0, abs($1.0 - $1.1)) }
            v = w
            if change < 1e-13 { break }
        }
        return v
    }

    func multiply(_ m: [Double], _ v: [Double], _ d: Int) -> [Double] {
        (0..<d).map { a in (0..<d).reduce(0) { $0 + m[a * d + $1] * v[$1] } }
    }

    func rayleigh(_ m: [Double], _ v: [Double], _ d: Int) -> Double {
        zip(v, multiply(m, v, d)).reduce(0) { $0 + $1.0 * $1.1 }
    }

    func normalised(_ v: [Double]) -> [Double] {
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? v.map { $0 / norm } : v
    }

    func signed(_ v: [Double]) -> [Double] {
        guard let k = v.indices.max(by: { abs(v[$0]) < abs(v[$1]) || (abs(v[$0]) == abs(v[$1]) && $0 > $1) }) else { return v }
        return v[k] < 0 ? v.map { -$0 } : v
    }
}
