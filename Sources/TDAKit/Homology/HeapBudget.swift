import Synchronization

/// Entries the working columns of one reduction may hold together (from `--max-memory`),
/// shared by the threads: a column claims room as its buffers grow and gives it back when a
/// worker's buffer is dropped, so one long column may take all of it whatever `--threads` is.
final class HeapBudget: Sendable {
    let entries: Int
    private let left: Atomic<Int>

    init(entries: Int) {
        self.entries = entries
        left = Atomic(entries)
    }

    /// Grows a claim of `claimed` entries to `total`; false when the budget has no room left.
    func cover(_ total: Int, claimed: inout Int) -> Bool {
        guard total > claimed else { return true }
        let more = total - claimed
        var current = left.load(ordering: .relaxed)
        while current >= more {
            let (exchanged, original) = left.compareExchange(expected: current, desired: current - more, ordering: .relaxed)
            if exchanged {
                claimed = total
                return true
            }
            current = original
        }
        return false
    }

    /// Gives back a claim.
    func release(_ claimed: inout Int) {
        left.add(claimed, ordering: .relaxed)
        claimed = 0
    }

    /// Makes the whole budget available again, when no column of the last dimension is alive.
    func restore() { left.store(entries, ordering: .relaxed) }
}
