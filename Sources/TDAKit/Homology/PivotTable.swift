/// Maps a pivot simplex index to the column that owns it and the pivot's coefficient
/// (Ripser's `pivot_column_index` hash map). Open addressing with linear probing on a
/// power-of-two table: fewer indirections than `Dictionary` in the reduction's inner loop.
struct PivotTable {
    private var keys: [Int]
    private var values: [Int]
    private var mask: Int
    private(set) var count = 0
    private static let empty = -1

    init(expected: Int) {
        var capacity = 16
        while capacity < 2 * expected { capacity <<= 1 }
        keys = [Int](repeating: Self.empty, count: capacity)
        values = [Int](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private func slot(_ key: Int) -> Int { Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    /// The column and coefficient recorded for pivot `key`, if any.
    @inline(__always)
    func lookup(_ key: Int) -> (column: Int, coefficient: Int32)? {
        keys.withUnsafeBufferPointer { k in
            var s = slot(key)
            while true {
                let found = k[s]
                if found == key {
                    let v = values[s]
                    return (v >> 8, Int32(truncatingIfNeeded: v & 0xFF))
                }
                if found == Self.empty { return nil }
                s = (s + 1) & mask
            }
        }
    }

    @inline(__always)
    func contains(_ key: Int) -> Bool { lookup(key) != nil }

    mutating func insert(_ key: Int, column: Int, coefficient: Int32) {
        if 2 * (count + 1) > keys.count { grow() }
        var s = slot(key)
        while keys[s] != Self.empty && keys[s] != key { s = (s + 1) & mask }
        if keys[s] == Self.empty { count += 1 }
        keys[s] = key
        values[s] = column << 8 | Int(coefficient)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [Int](repeating: Self.empty, count: 2 * oldKeys.count)
        values = [Int](repeating: 0, count: 2 * oldKeys.count)
        mask = keys.count - 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty {
            insert(key, column: value >> 8, coefficient: Int32(value & 0xFF))
        }
    }
}
