#if canImport(Glibc)
import Glibc
#endif

/// Mean distance from each point to all points (eccentricity with p = 1, Singh et al. 2007).
public struct EccentricityLens: Lens {
    public init() {}
    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        let n = space.count
        let rows = parallelMap(n) { i in (0..<n).reduce(0.0) { $0 + space.distance(i, $1) } / Double(n) }
        return Matrix(rows: n, cols: 1, storage: rows)
    }
}

/// KeplerMapper's `knn_distance_K`: the sum of the distances to the K nearest points, the
/// point itself (distance 0) counted as the first, as `NearestNeighbors.kneighbors(X)`.
public struct KNNDistanceLens: Lens {
    public let neighbours: Int
    public init(neighbours: Int) { self.neighbours = neighbours }
    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        let n = space.count, k = min(neighbours, space.count)
        let rows = parallelMap(n) { i in
            kSmallest((0..<n).map { space.distance(i, $0) }, k).reduce(0, +)
        }
        return Matrix(rows: n, cols: 1, storage: rows)
    }
}

/// Gaussian kernel density, `(1/n) Σ_j (2π h²)^(-d/2) exp(-d(x, x_j)² / (2h²))`, as scikit-learn's
/// `KernelDensity(bandwidth=h).score_samples` exponentiated. For a distance-matrix input the
/// dimension is unknown and the constant factor is left out (the cover does not depend on it).
public struct DensityLens: Lens {
    public let bandwidth: Double
    public init(bandwidth: Double) { self.bandwidth = bandwidth }
    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        let n = space.count, h2 = bandwidth * bandwidth
        let dims = space.points.map { Double($0.cols) }
        let norm = dims.map { pow(2 * Double.pi * h2, -$0 / 2) } ?? 1
        let rows = parallelMap(n) { i in
            (0..<n).reduce(0.0) { acc, j in
                let d = space.distance(i, j)
                return acc + exp(-d * d / (2 * h2))
            } * norm / Double(n)
        }
        return Matrix(rows: n, cols: 1, storage: rows)
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
