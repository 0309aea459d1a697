/// A column under reduction, kept lazily as a heap ordered by `comesBefore`: entries of the
/// same simplex are summed only when they reach the top (Ripser's `working_t` priority
/// queue). The heap is 4-ary: a node's four children are 64 contiguous bytes, so sinking an
/// entry through a heap far larger than the cache takes half the levels of a binary heap
/// (perf on correlation data: 60% of the time was loads of entries while sinking). Measured
/// gain there: about 4%, within the noise of the shared machine. The buffer is reused from column to column, so the hot
/// loop does not allocate once it has grown.
///
/// A long reduction pushes the whole coboundary of every added column, and the sum itself can
/// be huge: on 1000 correlated neurons one H1 column held 67–134 million distinct triangles,
/// 2.1 GB (bench/RESULTS-ph-rips.md), so the heap carries a budget (`--max-memory`).
/// Compacting the heap (summing duplicates when it doubled) was tried: it left that peak
/// unchanged and cost 10% of the time, since the entries are distinct, not duplicates.
/// What helped is keeping the heap small: the coboundary's heap is wrapped in a
/// `CoboundaryColumn`, which parks far entries in diameter buckets (3× on that case).
struct WorkingColumn<Value: BinaryFloatingPoint> {
    private(set) var heap: [DiameterEntry<Value>] = []
    /// Room shared with the other working columns; `exceeded` is set when the heap's capacity
    /// cannot be covered. The capacity doubles between checks.
    let budget: HeapBudget
    /// Entries of `budget` this heap holds.
    private var claimed = 0
    private(set) var exceeded = false

    init(budget: HeapBudget) { self.budget = budget }

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
        if !budget.cover(heap.capacity, claimed: &claimed) { exceeded = true }
    }

    @inline(__always)
    mutating func push(_ entry: DiameterEntry<Value>) {
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { h in
            var child = h.count - 1
            while child > 0 {
                let parent = (child - 1) >> 2
                guard entry.comesBefore(h[parent]) else { break }
                h[child] = h[parent]
                child = parent
            }
            h[child] = entry
        }
    }

    /// Removes the entry at `position` (the root or one of its children): the last entry takes
    /// its place and sinks. For a child of the root this keeps the heap, as the last entry
    /// cannot come before the root.
    @inline(__always)
    private mutating func remove(at position: Int) {
        let last = heap.removeLast()
        guard position < heap.count else { return }
        heap.withUnsafeMutableBufferPointer { Self.sink(last, from: position, in: $0) }
    }

    /// Puts `entry` at `position` or below, moving up the children that come before it.
    @inline(__always)
    private static func sink(_ entry: DiameterEntry<Value>, from position: Int, in h: UnsafeMutableBufferPointer<DiameterEntry<Value>>) {
        let count = h.count
        var parent = position
        while true {
            let first = 4 &* parent &+ 1
            if first >= count { break }
            var child = first
            for other in (first + 1)..<min(first + 4, count) where h[other].comesBefore(h[child]) { child = other }
            guard h[child].comesBefore(entry) else { break }
            h[parent] = h[child]
            parent = child
        }
        h[parent] = entry
    }

    /// Entries in the heap, equal simplices not yet summed.
    var count: Int { heap.count }

    /// Empties the heap and gives its entries, in no particular order, to `body`.
    mutating func removeAll(passingTo body: (DiameterEntry<Value>) -> Void) {
        let entries = heap
        heap.removeAll(keepingCapacity: true)
        for entry in entries { body(entry) }
    }

    /// Fills an empty heap with the entries `body` appends, ordered in linear time (Floyd).
    mutating func fill(_ body: (inout [DiameterEntry<Value>]) -> Void) {
        body(&heap)
        heap.withUnsafeMutableBufferPointer { h in
            guard h.count > 1 else { return }
            for position in stride(from: (h.count - 2) >> 2, through: 0, by: -1) { Self.sink(h[position], from: position, in: h) }
        }
    }

    /// The child of the root that comes first: the second entry of the heap.
    @inline(__always)
    private func second() -> Int? {
        guard heap.count > 1 else { return nil }
        var child = 1
        for other in 2..<min(5, heap.count) where heap[other].comesBefore(heap[child]) { child = other }
        return child
    }

    /// The first entry with a nonzero summed coefficient, left at the root with that sum;
    /// entries that cancel are dropped (Ripser's `get_pivot`). The root's equals are summed
    /// from below it, instead of popping the root and pushing it back (two walks through a
    /// heap that can hold 100 million entries).
    @inline(__always)
    mutating func pivot(_ field: PrimeField) -> DiameterEntry<Value>? {
        while let root = heap.first {
            var coefficient = root.coefficient
            while let next = second(), heap[next].index == root.index {
                coefficient = field.reduce(coefficient + heap[next].coefficient)
                remove(at: next)
            }
            if coefficient != 0 {
                heap[0].coefficient = coefficient
                return heap[0]
            }
            remove(at: 0)
        }
        return nil
    }

    /// Removes and returns the pivot (Ripser's `pop_pivot`).
    @inline(__always)
    mutating func popPivot(_ field: PrimeField) -> DiameterEntry<Value>? {
        guard let pivot = pivot(field) else { return nil }
        remove(at: 0)
        return pivot
    }
}
