/// A dense row-major matrix stored in one flat buffer.
///
/// Every matrix-shaped thing in the toolkit (point clouds, distance matrices, weights,
/// activations) is a `Matrix`; nested arrays exist only at the JSON edges.
public struct Matrix<Scalar: BinaryFloatingPoint & Sendable>: Sendable, Equatable {
    public var rows: Int
    public var cols: Int
    /// Row-major values: element (i, j) is `storage[i * cols + j]`.
    public var storage: [Scalar]

    @inlinable
    public init(rows: Int, cols: Int, storage: [Scalar]) {
        precondition(storage.count == rows * cols, "matrix storage does not match its shape")
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }

    @inlinable
    public init(rows: Int, cols: Int, repeating value: Scalar = 0) {
        self.init(rows: rows, cols: cols, storage: [Scalar](repeating: value, count: rows * cols))
    }

    /// Builds a matrix from equal-length rows (the caller has checked the lengths).
    @inlinable
    public init(rowArrays: [[Scalar]]) {
        let cols = rowArrays.first?.count ?? 0
        var flat = [Scalar]()
        flat.reserveCapacity(rowArrays.count * cols)
        for row in rowArrays { flat.append(contentsOf: row) }
        self.init(rows: rowArrays.count, cols: cols, storage: flat)
    }

    @inlinable
    public subscript(row: Int, col: Int) -> Scalar {
        get { storage[row * cols + col] }
        set { storage[row * cols + col] = newValue }
    }

    /// A copy of row `i`.
    @inlinable
    public func row(_ i: Int) -> [Scalar] { Array(storage[(i * cols)..<((i + 1) * cols)]) }

    /// The rows at `indices`, in that order.
    public func rows(at indices: [Int]) -> Matrix {
        var gathered = [Scalar]()
        gathered.reserveCapacity(indices.count * cols)
        for i in indices { gathered.append(contentsOf: storage[(i * cols)..<((i + 1) * cols)]) }
        return Matrix(rows: indices.count, cols: cols, storage: gathered)
    }

    /// The rows as nested arrays, for JSON output.
    @inlinable
    public var rowArrays: [[Scalar]] { (0..<rows).map(row) }

    /// The transpose, as a new matrix.
    @inlinable
    public var transposed: Matrix {
        var out = Matrix(rows: cols, cols: rows)
        for i in 0..<rows { for j in 0..<cols { out.storage[j * rows + i] = storage[i * cols + j] } }
        return out
    }
}
