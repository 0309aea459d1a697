import Synchronization

/// Maps a pivot simplex index to the column that owns it and the pivot's coefficient
/// (Ripser's `pivot_column_index` hash map). Open addressing with linear probing on a
/// power-of-two table: fewer indirections than `Dictionary` in the reduction's inner loop.
///
/// One thread inserts while others look up (`computePairsAhead`): the table never grows (a
/// column owns at most one pivot, and the table is sized for twice the columns), a slot's
/// value is written before its key, and the key is stored with release and loaded with
/// acquire, so a reader sees either no entry or a whole one, and then, too, everything the
/// inserting thread wrote before (the owner's V column). On x86 both are plain moves.
final class PivotTable: @unchecked Sendable {
    private let keys: UnsafeMutablePointer<Atomic<Int>>
    private let values: UnsafeMutablePointer<Int>
    private let mask: Int
    private(set) var count = 0
    private static let empty = -1

    /// A table for the pivots of at most `expected` columns.
    init(expected: Int) {
        var capacity = 16
        while capacity < 2 * expected { capacity <<= 1 }
        keys = .allocate(capacity: capacity)
        for slot in 0..<capacity { (keys + slot).initialize(to: Atomic(Self.empty)) }
        values = .allocate(capacity: capacity)
        values.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    deinit {
        keys.deinitialize(count: mask + 1)
        keys.deallocate()
        values.deallocate()
    }

    @inline(__always)
    private func slot(_ key: Int) -> Int { Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    /// The column and coefficient recorded for pivot `key`, if any.
    @inline(__always)
    func lookup(_ key: Int) -> (column: Int, coefficient: Int32)? {
        var s = slot(key)
        while true {
            let found = keys[s].load(ordering: .acquiring)
            if found == key {
                let v = values[s]
                return (v >> 8, Int32(truncatingIfNeeded: v & 0xFF))
            }
            if found == Self.empty { return nil }
            s = (s + 1) & mask
        }
    }

    @inline(__always)
    func contains(_ key: Int) -> Bool { lookup(key) != nil }

    /// Records that `column` owns pivot `key`, which no column owns yet; one thread at a time.
    func insert(_ key: Int, column: Int, coefficient: Int32) {
        precondition(2 * (count + 1) <= mask + 1, "more pivots than the table was sized for")
        var s = slot(key)
        while keys[s].load(ordering: .relaxed) != Self.empty { s = (s + 1) & mask }
        values[s] = column << 8 | Int(coefficient)
        keys[s].store(key, ordering: .releasing)
        count += 1
    }
}
