/// The working copy of the compressed lower distance matrix used by the reduction: a raw
/// buffer, because array subscripts stay bounds-checked at -O and the coboundary loops read
/// it billions of times (STYLE.md speed table).
final class DistanceTable<Value: BinaryFloatingPoint>: @unchecked Sendable {
    let count: Int
    let lower: UnsafeMutablePointer<Value>

    init(_ matrix: CompressedDistanceMatrix<Value>) {
        count = matrix.count
        lower = .allocate(capacity: max(matrix.lower.count, 1))
        matrix.lower.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { lower.initialize(from: base, count: source.count) }
        }
    }

    deinit { lower.deallocate() }

    /// d(i, j) for i ≠ j.
    @inline(__always)
    func callAsFunction(_ i: Int, _ j: Int) -> Value {
        i > j ? lower[(i &* (i &- 1)) >> 1 &+ j] : lower[(j &* (j &- 1)) >> 1 &+ i]
    }
}
