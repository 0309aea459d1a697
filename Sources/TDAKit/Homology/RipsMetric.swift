/// A distance between the rows of a point cloud, registered under its command-line name.
/// Adding a metric is one type and one line in `RipsMetrics.all`; help, completions and the man
/// page list `RipsMetrics.names`.
public protocol RipsMetric: Sendable {
    /// The `--metric` name.
    var name: String { get }
    /// All pairwise distances between the rows of `points` (finite values), in double precision,
    /// counting the pairs done into `progress` a row or block of rows at a time.
    func distances(_ points: Matrix<Double>, threads: Int, progress: ProgressCounter?) -> CompressedDistanceMatrix<Double>
    /// The distances from one row of `points` to all rows on demand, for walks that must not
    /// hold the n×n matrix (`GreedyPermutation`); equal to `distances` up to summation order.
    func rows(_ points: Matrix<Double>) -> MetricRows
}

/// The registry of metrics, keyed by command-line name.
public enum RipsMetrics {
    public static let all: [any RipsMetric] = [
        EuclideanMetric(), ManhattanMetric(), ChebyshevMetric(), CosineMetric(), CorrelationMetric(), AbsCorrelationMetric(),
    ]

    public static var names: [String] { all.map(\.name) }

    /// The metric called `name`, or `RipsError.unknownMetric`.
    public static func named(_ name: String) throws -> any RipsMetric {
        guard let metric = all.first(where: { $0.name == name }) else { throw RipsError.unknownMetric(name) }
        return metric
    }

    /// Checks that every coordinate is finite, then computes the distances under `metric`,
    /// reporting the pairs done as `RipsPhase.distances` to `progress`.
    public static func distances(_ points: Matrix<Double>, metric name: String, threads: Int = 1,
                                 progress: RipsProgress? = nil) throws -> CompressedDistanceMatrix<Double> {
        let metric = try named(name)
        try checkFinite(points)
        let counter = ProgressCounter(.distances, total: points.rows * (points.rows - 1) / 2, progress: progress)
        defer { counter?.finish() }
        return metric.distances(points, threads: max(1, threads), progress: counter)
    }

    /// `RipsError.nonFinitePoint` at the first coordinate that is not finite.
    public static func checkFinite(_ points: Matrix<Double>) throws {
        for (offset, x) in points.storage.enumerated() where !x.isFinite {
            throw RipsError.nonFinitePoint(row: offset / points.cols, col: offset % points.cols)
        }
    }
}
