import Dispatch

/// The working copy of the distance matrix used by the reduction: the full square matrix,
/// row-major, rows padded to a multiple of 16 with +∞ and the diagonal set to +∞.
///
/// Square rather than Ripser's compressed triangle because the coboundary loops read
/// d(v, w) for one vertex w and v running down: a row walk here, a cache miss per step in
/// the triangle (bench: 1000 points in R³, the zero-cofacet scans dominated). The +∞
/// diagonal and padding make a vertex never look like its own neighbour in the SIMD
/// scans, so they need no special case. A raw buffer, because array subscripts stay
/// bounds-checked at -O (STYLE.md speed table).
final class DistanceTable<Value: RipsScalar>: @unchecked Sendable {
    let count: Int
    /// Row length including padding: a multiple of `lanes`.
    let stride: Int
    let full: UnsafeMutablePointer<Value>
    static var lanes: Int { 16 }

    /// Rows are filled by `threads` workers, each writing whole rows (interleaved, to balance
    /// the triangle); on 3000 neurons the fill was a serial 5% of a two-thread run.
    init(_ matrix: CompressedDistanceMatrix<Value>, threads: Int = 1) {
        count = matrix.count
        stride = (matrix.count + Self.lanes - 1) / Self.lanes * Self.lanes
        full = .allocate(capacity: max(stride * count, 1))
        let n = count, rowLength = stride, workers = max(1, min(threads, n))
        matrix.lower.withUnsafeBufferPointer { lower in
            let shared = UnsafeSendable((lower: lower, full: full))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let (lower, full) = shared.value
                for i in Swift.stride(from: worker, to: n, by: workers) {
                    let row = full + i * rowLength
                    for j in 0..<i { row[j] = lower[i * (i - 1) / 2 + j] }
                    row[i] = .infinity
                    for j in (i + 1)..<max(i + 1, n) { row[j] = lower[j * (j - 1) / 2 + i] }
                    (row + n).initialize(repeating: .infinity, count: rowLength - n)
                }
            }
        }
    }

    /// The largest distance from each point to the others (0 for a single point): their
    /// maximum is the largest distance, their minimum the enclosing radius, the smallest r
    /// such that one point is within r of all others (beyond it the Rips complex is a cone,
    /// so Ripser uses it as the default threshold).
    func eccentricities(threads: Int) -> [Value] {
        let n = count, table = UnsafeSendable(self), parts = max(1, min(8 * threads, n))
        return parallelMap(parts, threads: threads) { part -> [Value] in
            (part * n / parts..<(part + 1) * n / parts).map { i in
                let row = table.value.row(i)
                var largest: Value = 0
                for j in 0..<n where j != i { largest = Swift.max(largest, row[j]) }
                return largest
            }
        }.flatMap { $0 }
    }

    deinit { full.deallocate() }

    /// Row w: d(v, w) for v < count, +∞ at v = w and in the padding.
    @inline(__always)
    func row(_ w: Int) -> UnsafeMutablePointer<Value> { full + w &* stride }

    /// d(v, w) for v ≠ w.
    @inline(__always)
    func callAsFunction(_ v: Int, _ w: Int) -> Value { full[w &* stride &+ v] }
}
