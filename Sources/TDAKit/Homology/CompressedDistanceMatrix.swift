/// The strictly lower triangle of a symmetric distance matrix, row by row, as Ripser's
/// `compressed_lower_distance_matrix`: entry (i, j) with i > j sits at i(i−1)/2 + j.
///
/// Distances are computed once, in `Double`, and stored in the working precision `Value`
/// (`Float` by default, as ripser.py and giotto-ph; see `RipsPrecision`).
public struct CompressedDistanceMatrix<Value: BinaryFloatingPoint> {
    /// Number of points.
    public let count: Int
    /// The n(n−1)/2 distances below the diagonal.
    public var lower: [Value]

    /// Wraps `lower`, which must hold count(count−1)/2 values.
    public init(count: Int, lower: [Value]) {
        precondition(lower.count == count * (count - 1) / 2, "compressed matrix has the wrong length")
        self.count = count
        self.lower = lower
    }

    /// Rounds a double-precision compressed matrix to this precision (round to nearest, as
    /// numpy's `astype(float32)`).
    public init(_ other: CompressedDistanceMatrix<Double>) {
        self.init(count: other.count, lower: other.lower.map { Value($0) })
    }

    @inlinable
    static func offset(_ i: Int, _ j: Int) -> Int { i * (i - 1) / 2 + j }

    /// d(i, j) for any i, j (0 on the diagonal).
    @inlinable
    public subscript(i: Int, j: Int) -> Value {
        if i == j { return 0 }
        return i > j ? lower[Self.offset(i, j)] : lower[Self.offset(j, i)]
    }
}
extension CompressedDistanceMatrix: Sendable where Value: Sendable {}
