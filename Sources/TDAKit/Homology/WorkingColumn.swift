/// A column under reduction, kept lazily as a binary heap ordered by `comesBefore`:
/// entries of the same simplex are summed only when they reach the top (Ripser's
/// `working_t` priority queue). The buffer is reused from column to column, so the hot
/// loop does not allocate once it has grown.
///
/// A long reduction pushes the whole coboundary of every added column, and the sum itself can
/// be huge: on 1000 correlated neurons one H1 column held 67–134 million distinct triangles,
/// 2.1 GB (bench/RESULTS-ph-rips.md), so the heap carries a budget (`--max-memory`).
/// Compacting the heap (summing duplicates when it doubled) was tried: it left that peak
/// unchanged and cost 10% of the time, since the entries are distinct, not duplicates.
struct WorkingColumn<Value: BinaryFloatingPoint> {
    private(set) var heap: [DiameterEntry<Value>] = []
    /// Entries the heap may hold (its capacity); past it `exceeded` is set. The capacity
    /// doubles between checks, so the heap stays within twice the budget.
    let budget: Int
    private(set) var exceeded = false

    init(budget: Int = .max) { self.budget = budget }

    /// Bytes per entry.
    static var entryBytes: Int { MemoryLayout<DiameterEntry<Value>>.stride }

    var isEmpty: Bool { heap.isEmpty }

    mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
        exceeded = false
    }

    /// Notes whether the heap has outgrown its budget.
    @inline(__always)
    mutating func checkBudget() {
        if heap.capacity > budget { exceeded = true }
    }

    @inline(__always)
    mutating func push(_ entry: DiameterEntry<Value>) {
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { h in
            var child = h.count - 1
            let item = h[child]
            while child > 0 {
                let parent = (child - 1) >> 1
                guard item.comesBefore(h[parent]) else { break }
                h[child] = h[parent]
                child = parent
            }
            h[child] = item
        }
    }

    @inline(__always)
    var top: DiameterEntry<Value>? { heap.first }

    @inline(__always)
    mutating func pop() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap.withUnsafeMutableBufferPointer { h in
            let count = h.count
            var parent = 0
            while true {
                var child = 2 * parent + 1
                if child >= count { break }
                if child + 1 < count && h[child + 1].comesBefore(h[child]) { child += 1 }
                guard h[child].comesBefore(last) else { break }
                h[parent] = h[child]
                parent = child
            }
            h[parent] = last
        }
    }

    /// Removes and returns the first entry with a nonzero summed coefficient, dropping
    /// entries that cancel (Ripser's `pop_pivot`).
    @inline(__always)
    mutating func popPivot(_ field: PrimeField) -> DiameterEntry<Value>? {
        while var pivot = top {
            pop()
            while let next = top, next.index == pivot.index {
                pivot.coefficient = field.reduce(pivot.coefficient + next.coefficient)
                pop()
            }
            if pivot.coefficient != 0 { return pivot }
        }
        return nil
    }

    /// The pivot without removing it (Ripser's `get_pivot`).
    @inline(__always)
    mutating func pivot(_ field: PrimeField) -> DiameterEntry<Value>? {
        guard let pivot = popPivot(field) else { return nil }
        push(pivot)
        return pivot
    }
}
