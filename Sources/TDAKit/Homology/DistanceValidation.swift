extension CompressedDistanceMatrix where Value == Double {
    /// Relative asymmetry accepted in a precomputed matrix: matrices built in floating point
    /// (e.g. numpy's `corrcoef`) can differ across the diagonal in the last bits. The lower
    /// triangle is used, as ripser.py does.
    static var symmetryTolerance: Double { 1e-9 }

    /// Validates a precomputed distance matrix — square, symmetric, zero diagonal, no NaN,
    /// no negative entry — and keeps its lower triangle. `+∞` is allowed (no edge).
    public init(validating rows: [[Double]]) throws {
        let n = rows.count
        guard n > 0 else { throw RipsError.emptyInput }
        var lower: [Double] = []
        lower.reserveCapacity(n * (n - 1) / 2)
        for (i, row) in rows.enumerated() {
            guard row.count == n else { throw RipsError.notSquare(rows: n, cols: row.count) }
            for (j, value) in row.enumerated() {
                guard !value.isNaN else { throw RipsError.notANumber(row: i, col: j) }
                guard value >= 0 else { throw RipsError.negativeDistance(row: i, col: j) }
                if i == j && value != 0 { throw RipsError.nonzeroDiagonal(index: i) }
                if j < i {
                    let mirror = rows[j][i]
                    let scale = Swift.max(abs(value), abs(mirror), 1)
                    guard value == mirror || abs(value - mirror) <= Self.symmetryTolerance * scale else {
                        throw RipsError.asymmetric(row: i, col: j)
                    }
                    lower.append(value)
                }
            }
        }
        self.init(count: n, lower: lower)
    }

    /// Validates a square `Matrix` the same way.
    public init(validating matrix: Matrix<Double>) throws {
        guard matrix.rows == matrix.cols else { throw RipsError.notSquare(rows: matrix.rows, cols: matrix.cols) }
        try self.init(validating: (0..<matrix.rows).map(matrix.row))
    }
}
