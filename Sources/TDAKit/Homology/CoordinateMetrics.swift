import Dispatch

/// Fills the lower triangle with `pair(row i, row j, dimension)` for i > j, counting each row's
/// pairs into `progress`.
func pairwiseDistances(_ points: Matrix<Double>, threads: Int, progress: ProgressCounter?,
                       _ pair: PairDistance) -> CompressedDistanceMatrix<Double> {
    let n = points.rows, d = points.cols
    var lower = [Double](repeating: 0, count: n * (n - 1) / 2)
    points.storage.withUnsafeBufferPointer { x in
        lower.withUnsafeMutableBufferPointer { out in
            guard let base = x.baseAddress, let target = out.baseAddress else { return }
            let rows = UnsafeSendable(UnsafeMutablePointer(mutating: base)), outs = UnsafeSendable(target)
            // Interleaved rows balance the triangle across the workers.
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                for i in stride(from: 1 + worker, to: n, by: threads) {
                    let row = outs.value + i * (i - 1) / 2
                    for j in 0..<i { row[j] = pair(rows.value + i * d, rows.value + j * d, d) }
                    progress?.add(i)
                }
            }
        }
    }
    return CompressedDistanceMatrix(count: n, lower: lower)
}

/// √Σ(x_k − y_k)², summed in coordinate order (as a plain loop, and as the fixtures'
/// reference), so distances are reproducible to the last bit. For long rows the Gram
/// form |x|² + |y|² − 2x·y is used instead (as scikit-learn), trading the last bits for a
/// blocked dot-product kernel.
public struct EuclideanMetric: RipsMetric {
    public let name = "euclidean"
    /// Rows longer than this go through the Gram kernel.
    static let directLimit = 64

    public func distances(_ points: Matrix<Double>, threads: Int, progress: ProgressCounter?) -> CompressedDistanceMatrix<Double> {
        guard points.cols > Self.directLimit else {
            return pairwiseDistances(points, threads: threads, progress: progress, Self.pair)
        }
        let norms = (0..<points.rows).map { i in (0..<points.cols).reduce(0.0) { $0 + points[i, $1] * points[i, $1] } }
        var gram = GramKernel.lowerDotProducts(points, threads: threads, progress: progress)
        for i in 1..<points.rows {
            for j in 0..<i {
                let slot = i * (i - 1) / 2 + j
                gram[slot] = max(norms[i] + norms[j] - 2 * gram[slot], 0).squareRoot()
            }
        }
        return CompressedDistanceMatrix(count: points.rows, lower: gram)
    }

    /// The plain loop, for every row length: subsampling reads one row at a time.
    public func rows(_ points: Matrix<Double>) -> MetricRows { MetricRows(points, Self.pair) }

    static let pair: PairDistance = { x, y, d in
        var sum = 0.0
        for k in 0..<d { let t = x[k] - y[k]; sum += t * t }
        return sum.squareRoot()
    }
}

/// Σ|x_k − y_k| (scikit-learn's "manhattan", SciPy's "cityblock").
public struct ManhattanMetric: RipsMetric {
    public let name = "manhattan"
    public func distances(_ points: Matrix<Double>, threads: Int, progress: ProgressCounter?) -> CompressedDistanceMatrix<Double> {
        pairwiseDistances(points, threads: threads, progress: progress, Self.pair)
    }

    public func rows(_ points: Matrix<Double>) -> MetricRows { MetricRows(points, Self.pair) }

    static let pair: PairDistance = { x, y, d in
        var sum = 0.0
        for k in 0..<d { sum += abs(x[k] - y[k]) }
        return sum
    }
}

/// max_k |x_k − y_k|.
public struct ChebyshevMetric: RipsMetric {
    public let name = "chebyshev"
    public func distances(_ points: Matrix<Double>, threads: Int, progress: ProgressCounter?) -> CompressedDistanceMatrix<Double> {
        pairwiseDistances(points, threads: threads, progress: progress, Self.pair)
    }

    public func rows(_ points: Matrix<Double>) -> MetricRows { MetricRows(points, Self.pair) }

    static let pair: PairDistance = { x, y, d in
        var largest = 0.0
        for k in 0..<d { largest = max(largest, abs(x[k] - y[k])) }
        return largest
    }
}
