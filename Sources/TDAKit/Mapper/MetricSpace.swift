/// A distance between two points given as rows of a point matrix.
///
/// Names follow scikit-learn's DBSCAN `metric` values so that `--metric` reads the same.
public enum Metric: String, Sendable, CaseIterable {
    case euclidean, manhattan, chebyshev
}

/// The data a Mapper graph clusters: points with a metric, or a precomputed distance matrix
/// (KeplerMapper's `precomputed=True` with DBSCAN `metric="precomputed"`).
public enum MetricSpace: Sendable {
    case points(Matrix<Double>, Metric)
    case distances(Matrix<Double>)

    /// The number of points.
    public var count: Int {
        switch self {
        case .points(let x, _): return x.rows
        case .distances(let d): return d.rows
        }
    }

    /// The point coordinates, when the space has them.
    public var points: Matrix<Double>? {
        if case .points(let x, _) = self { return x } else { return nil }
    }

    /// The distance between points `i` and `j` (not for hot loops: see `NeighbourGraph`).
    public func distance(_ i: Int, _ j: Int) -> Double {
        switch self {
        case .distances(let d): return d[i, j]
        case let .points(x, metric):
            var acc = 0.0
            for k in 0..<x.cols {
                let t = abs(x[i, k] - x[j, k])
                switch metric {
                case .euclidean: acc += t * t
                case .manhattan: acc += t
                case .chebyshev: acc = max(acc, t)
                }
            }
            return metric == .euclidean ? acc.squareRoot() : acc
        }
    }

    /// The points `members` alone, renumbered 0, 1, … in that order.
    public func subspace(_ members: [Int]) -> MetricSpace {
        switch self {
        case let .points(x, metric):
            var storage: [Double] = []
            storage.reserveCapacity(members.count * x.cols)
            for i in members { storage += x.storage[(i * x.cols)..<((i + 1) * x.cols)] }
            return .points(Matrix(rows: members.count, cols: x.cols, storage: storage), metric)
        case .distances(let d):
            var storage: [Double] = []
            storage.reserveCapacity(members.count * members.count)
            for i in members { for j in members { storage.append(d[i, j]) } }
            return .distances(Matrix(rows: members.count, cols: members.count, storage: storage))
        }
    }

    /// Throws when a coordinate or distance is NaN or infinite.
    public func checkFinite() throws {
        let (matrix, what): (Matrix<Double>, String) = switch self {
        case .points(let x, _): (x, "a coordinate")
        case .distances(let d): (d, "a distance")
        }
        guard matrix.rows > 0 else { throw MapperError.emptyInput }
        if let k = matrix.storage.firstIndex(where: { !$0.isFinite }) {
            throw MapperError.nonFinite(what: what, row: k / max(matrix.cols, 1))
        }
    }
}
