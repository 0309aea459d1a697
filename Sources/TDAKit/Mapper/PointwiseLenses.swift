/// Lenses computed from each point's coordinates alone (KeplerMapper's `projection=` strings
/// `"l2norm"`, `"mean"`, `"sum"` and a column list `[K]`).
public enum PointwiseLens: Lens {
    case l2norm, mean, sum
    case coordinate(Int)

    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        guard let x = space.points else { throw MapperError.needsPoints(lens: name) }
        if case .coordinate(let k) = self, k >= x.cols {
            throw MapperError.badParameter(kind: "lens", spec: name, reason: "the points have \(x.cols) coordinates")
        }
        var out = Matrix<Double>(rows: x.rows, cols: 1)
        for i in 0..<x.rows {
            let row = x.storage[(i * x.cols)..<((i + 1) * x.cols)]
            switch self {
            case .l2norm: out.storage[i] = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            case .mean: out.storage[i] = row.reduce(0, +) / Double(x.cols)
            case .sum: out.storage[i] = row.reduce(0, +)
            case .coordinate(let k): out.storage[i] = row[row.startIndex + k]
            }
        }
        return out
    }

    var name: String {
        switch self {
        case .l2norm: return "l2norm"
        case .mean: return "mean"
        case .sum: return "sum"
        case .coordinate(let k): return "coord:\(k)"
        }
    }
}
