/// The stored part of the reduction: for each reduced column, the other simplices whose
/// coboundaries were added to it (Ripser's `compressed_sparse_matrix` of the V matrix).
/// Coboundaries themselves are never stored; they are re-enumerated when a column is reused.
struct ReductionMatrix<Value: BinaryFloatingPoint> {
    private var bounds: [Int] = []
    private(set) var entries: [DiameterEntry<Value>] = []

    mutating func appendColumn() { bounds.append(entries.count) }

    mutating func append(_ entry: DiameterEntry<Value>) { entries.append(entry) }

    /// The range of `entries` holding column `column`.
    func range(of column: Int) -> Range<Int> {
        let end = column + 1 < bounds.count ? bounds[column + 1] : entries.count
        return bounds[column]..<end
    }
}
