import Dispatch

/// Rows scaled to unit length (after centring when `centred`); a zero row stays zero, so
/// its dot product with anything is 0.
func unitRows(_ points: Matrix<Double>, centred: Bool, threads: Int = 1) -> Matrix<Double> {
    let d = points.cols, rows = points.rows, parts = max(1, min(threads, rows))
    // Rows on the threads, written to a fresh buffer (no serial copy first): this runs before
    // the Gram kernel, with nothing else to do.
    let storage = [Double](unsafeUninitializedCapacity: points.storage.count) { out, initialized in
        points.storage.withUnsafeBufferPointer { input in
            let shared = UnsafeSendable((input: input, out: out))
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (input, out) = shared.value
                for i in part * rows / parts..<(part + 1) * rows / parts {
                    let base = i * d
                    var mean = 0.0
                    if centred {
                        for k in 0..<d { mean += input[base + k] }
                        mean /= Double(d)
                    }
                    var norm = 0.0
                    for k in 0..<d {
                        let x = input[base + k] - mean
                        out.initializeElement(at: base + k, to: x)
                        norm += x * x
                    }
                    norm = norm.squareRoot()
                    // A constant (or zero) row has no direction: its correlation with anything is 0.
                    let scale = norm > 0 ? 1 / norm : 0
                    for k in 0..<d { out[base + k] *= scale }
                }
            }
        }
        initialized = points.storage.count
    }
    return Matrix(rows: rows, cols: d, storage: storage)
}

/// Applies `transform` to the dot products of unit rows.
func similarityDistances(_ points: Matrix<Double>, threads: Int, progress: ProgressCounter?, centred: Bool, _ transform: @Sendable (Double) -> Double) -> CompressedDistanceMatrix<Double> {
    var values = GramKernel.lowerDotProducts(unitRows(points, centred: centred, threads: threads), threads: threads, progress: progress)
    let count = values.count, parts = max(1, min(threads, count))
    values.withUnsafeMutableBufferPointer { values in
        let shared = UnsafeSendable(values)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            for k in part * count / parts..<(part + 1) * count / parts { shared.value[k] = transform(shared.value[k]) }
        }
    }
    return CompressedDistanceMatrix(count: points.rows, lower: values)
}

/// Rows of `transform` of the dot products of unit rows, one dot product at a time.
func similarityRows(_ points: Matrix<Double>, centred: Bool, _ transform: @escaping @Sendable (Double) -> Double) -> MetricRows {
    MetricRows(unitRows(points, centred: centred)) { x, y, d in
        var dot = 0.0
        for k in 0..<d { dot += x[k] * y[k] }
        return transform(dot)
    }
}

/// 1 − cos(x, y), clipped to [0, 2] as scikit-learn's `cosine_distances`; a zero row is at
/// distance 1 from everything.
public struct CosineMetric: RipsMetric {
    public let name = "cosine"
    public func distances(_ points: Matrix<Double>, threads: Int, progress: ProgressCounter?) -> CompressedDistanceMatrix<Double> {
        similarityDistances(points, threads: threads, progress: progress, centred: false, Self.transform)
    }

    public func rows(_ points: Matrix<Double>) -> MetricRows { similarityRows(points, centred: false, Self.transform) }

    static let transform: @Sendable (Double) -> Double = { min(max(1 - $0, 0), 2) }
}

/// 1 − Pearson correlation (SciPy's "correlation"), clipped to [0, 2].
public struct CorrelationMetric: RipsMetric {
    public let name = "correlation"
    public func distances(_ points: Matrix<Double>, threads: Int, progress: ProgressCounter?) -> CompressedDistanceMatrix<Double> {
        similarityDistances(points, threads: threads, progress: progress, centred: true, Self.transform)
    }

    public func rows(_ points: Matrix<Double>) -> MetricRows { similarityRows(points, centred: true, Self.transform) }

    static let transform: @Sendable (Double) -> Double = { min(max(1 - $0, 0), 2) }
}

/// 1 − |Pearson correlation| between rows, the distance Ballester et al. ("Topological data
/// analysis for neural network analysis: a comprehensive survey") use on neuron activations;
/// a constant row is at distance 1 from everything.
public struct AbsCorrelationMetric: RipsMetric {
    public let name = "abs-correlation"
    public func distances(_ points: Matrix<Double>, threads: Int, progress: ProgressCounter?) -> CompressedDistanceMatrix<Double> {
        similarityDistances(points, threads: threads, progress: progress, centred: true, Self.transform)
    }

    public func rows(_ points: Matrix<Double>) -> MetricRows { similarityRows(points, centred: true, Self.transform) }

    static let transform: @Sendable (Double) -> Double = { max(1 - abs($0), 0) }
}
