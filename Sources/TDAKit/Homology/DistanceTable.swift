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

    init(_ matrix: CompressedDistanceMatrix<Value>) {
        count = matrix.count
        stride = (matrix.count + Self.lanes - 1) / Self.lanes * Self.lanes
        full = .allocate(capacity: max(stride * count, 1))
        full.initialize(repeating: .infinity, count: max(stride * count, 1))
        matrix.lower.withUnsafeBufferPointer { lower in
            var offset = 0
            for i in 0..<count {
                for j in 0..<i {
                    full[i * stride + j] = lower[offset]
                    full[j * stride + i] = lower[offset]
                    offset += 1
                }
            }
        }
    }

    deinit { full.deallocate() }

    /// Row w: d(v, w) for v < count, +∞ at v = w and in the padding.
    @inline(__always)
    func row(_ w: Int) -> UnsafeMutablePointer<Value> { full + w &* stride }

    /// d(v, w) for v ≠ w.
    @inline(__always)
    func callAsFunction(_ v: Int, _ w: Int) -> Value { full[w &* stride &+ v] }
}
