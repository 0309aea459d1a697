#if canImport(Glibc)
import Glibc
#endif

/// Mean distance from each point to all points (eccentricity with p = 1, Singh et al. 2007).
public struct EccentricityLens: Lens {
    public init() {}
    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        let rows = DistanceRows(space), n = space.count
        let values = parallelMap(n) { i in rows.row(i).reduce(0, +) / Double(n) }
        return Matrix(rows: n, cols: 1, storage: values)
    }
}

/// KeplerMapper's `knn_distance_K`: the sum of the distances to the K nearest points, the
/// point itself (distance 0) counted as the first, as `NearestNeighbors.kneighbors(X)`.
public struct KNNDistanceLens: Lens {
    public let neighbours: Int
    public init(neighbours: Int) { self.neighbours = neighbours }
    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        let rows = DistanceRows(space), n = space.count, k = min(neighbours, space.count)
        let values = parallelMap(n) { i in kSmallest(rows.row(i), k).reduce(0, +) }
        return Matrix(rows: n, cols: 1, storage: values)
    }
}

/// Gaussian kernel density, `(1/n) Σ_j (2π h²)^(-d/2) exp(-d(x, x_j)² / (2h²))`, as scikit-learn's
/// `KernelDensity(bandwidth=h).score_samples` exponentiated. For a distance-matrix input the
/// dimension is unknown and the constant factor is left out (the cover does not depend on it).
public struct DensityLens: Lens {
    public let bandwidth: Double
    public init(bandwidth: Double) { self.bandwidth = bandwidth }
    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        let rows = DistanceRows(space), n = space.count, h2 = bandwidth * bandwidth
        let dims = space.points.map { Double($0.cols) }
        let norm = dims.map { pow(2 * Double.pi * h2, -$0 / 2) } ?? 1
        let values = parallelMap(n) { i in
            rows.row(i).reduce(0.0) { $0 + exp(-$1 * $1 / (2 * h2)) } * norm / Double(n)
        }
        return Matrix(rows: n, cols: 1, storage: values)
    }
}

/// The `k` smallest values of `xs`, ascending.
func kSmallest(_ xs: [Double], _ k: Int) -> [Double] {
    var heap: [Double] = []
    for x in xs {
        if heap.count < k {
            heap.append(x)
            heap.sort()
        } else if let last = heap.last, x < last {
            heap[k - 1] = x
            heap.sort()
        }
    }
    return heap
}
