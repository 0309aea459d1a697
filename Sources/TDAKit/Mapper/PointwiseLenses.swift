/// Lenses computed from each point's coordinates alone (KeplerMapper's `projection=` strings
/// `"l2norm"`, `"mean"`, `"sum"` and a column list `[K]`), summed as numpy sums (`numpySum`).
public enum PointwiseLens: Lens {
    case l2norm, mean, sum
    case coordinate(Int)

    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        guard let x = space.points else { throw MapperError.needsPoints(lens: name) }
        if case .coordinate(let k) = self, k >= x.cols {
            throw MapperError.badParameter(kind: "lens", spec: name, reason: "the points have \(x.cols) coordinates")
        }
        var out = Matrix<Double>(rows: x.rows, cols: 1)
        var squares = [Double](repeating: 0, count: x.cols)
        x.storage.withUnsafeBufferPointer { storage in
            squares.withUnsafeMutableBufferPointer { squares in
                guard let base = storage.baseAddress, let sq = squares.baseAddress else { return }
                for i in 0..<x.rows {
                    let row = base + i * x.cols
                    switch self {
                    case .l2norm:
                        for k in 0..<x.cols { sq[k] = row[k] * row[k] }
                        out.storage[i] = numpySum(sq, x.cols).squareRoot()
                    case .mean: out.storage[i] = numpySum(row, x.cols) / Double(x.cols)
                    case .sum: out.storage[i] = numpySum(row, x.cols)
                    case .coordinate(let k): out.storage[i] = row[k]
                    }
                }
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
