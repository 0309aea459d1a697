/// The stored part of the reduction: for each reduced column, the other simplices whose
/// coboundaries were added to it (Ripser's `compressed_sparse_matrix` of the V matrix).
/// Coboundaries themselves are never stored; they are re-enumerated when a column is reused.
///
/// Columns are stored once, by one thread, while others read the columns stored before
/// (`computePairsAhead`): entries go into segments that never move (a growing array would
/// reallocate under a reader), and a column is published by its pivot (`PivotTable.insert`,
/// which releases what was written before it).
final class ReductionMatrix<Value: BinaryFloatingPoint>: @unchecked Sendable {
    private let starts: UnsafeMutablePointer<UnsafeMutablePointer<DiameterEntry<Value>>?>
    private let counts: UnsafeMutablePointer<Int>
    /// The segments, freed at deinit, and the room left at the end of the last one.
    private var segments: [(start: UnsafeMutablePointer<DiameterEntry<Value>>, capacity: Int)] = []
    private var room = 0

    /// A matrix for `columns` columns. A column is read only once stored (its pivot is
    /// published after), so the per-column fields are left unset until then: pages of
    /// columns never stored are never touched.
    init(columns: Int) {
        starts = .allocate(capacity: max(columns, 1))
        counts = .allocate(capacity: max(columns, 1))
    }

    deinit {
        starts.deallocate()
        counts.deallocate()
        for segment in segments { segment.start.deallocate() }
    }

    /// Stores the summed entries of `added` (emptying it) as column `column`.
    func store(_ column: Int, from added: inout WorkingColumn<Value>, field: PrimeField) {
        let most = added.heap.count
        guard most > 0 else {
            starts[column] = nil
            counts[column] = 0
            return
        }
        if room < most {
            // Segments double, from 64 Ki entries, so a dimension has few of them.
            let capacity = max(most, 2 * (segments.last?.capacity ?? 1 << 15))
            segments.append((UnsafeMutablePointer<DiameterEntry<Value>>.allocate(capacity: capacity), capacity))
            room = capacity
        }
        // The free room is the end of the last segment (there is one: room ≥ most > 0).
        let last = segments[segments.count - 1]
        let target = last.start + (last.capacity - room)
        var stored = 0
        while let entry = added.popPivot(field) {
            (target + stored).initialize(to: entry)
            stored += 1
        }
        starts[column] = target
        counts[column] = stored
        room -= stored
    }

    /// The entries of column `column`.
    @inline(__always)
    func entries(of column: Int) -> UnsafeBufferPointer<DiameterEntry<Value>> {
        UnsafeBufferPointer(start: starts[column], count: counts[column])
    }
}
