import Dispatch

/// d(x, y) for two rows of `d` coordinates.
typealias PairDistance = @Sendable (UnsafePointer<Double>, UnsafePointer<Double>, Int) -> Double

/// A Rips metric's distances from one point of a cloud to all points, one row of n values at a
/// time, so that walks over a large cloud (`GreedyPermutation`) never hold the n×n matrix.
/// (Mapper's `DistanceRows` does the same for its coordinate metrics only.)
public struct MetricRows: Sendable {
    /// The cloud as the metric reads it (unit rows for the correlation family).
    let points: Matrix<Double>
    let pair: PairDistance

    init(_ points: Matrix<Double>, _ pair: @escaping PairDistance) {
        self.points = points
        self.pair = pair
    }

    /// Number of points.
    public var count: Int { points.rows }

    /// Writes d(i, j) into `out[j]` for every j (0 at j = i, as ripser.py's `dpoint2pointcloud`),
    /// the points split into `threads` contiguous blocks; each value depends only on its pair,
    /// so the row is the same for any thread count.
    public func fill(from i: Int, into out: UnsafeMutablePointer<Double>, threads: Int) {
        let n = points.rows, d = points.cols
        let target = UnsafeSendable(out), pair = self.pair
        // Threads only pay off on long rows (a few thousand pair evaluations per block).
        let blocks = n * d < 1 << 16 ? 1 : max(1, threads)
        points.storage.withUnsafeBufferPointer { x in
            guard let base = x.baseAddress else { return }
            let rows = UnsafeSendable(UnsafeMutablePointer(mutating: base))
            DispatchQueue.concurrentPerform(iterations: blocks) { block in
                let from = n * block / blocks, to = n * (block + 1) / blocks
                let source = rows.value + i * d
                for j in from..<to { target.value[j] = pair(source, rows.value + j * d, d) }
            }
        }
        out[i] = 0
    }
}
