/// A column under reduction, kept lazily as a binary heap ordered by `comesBefore`:
/// entries of the same simplex are summed only when they reach the top (Ripser's
/// `working_t` priority queue). The buffer is reused from column to column, so the hot
/// loop does not allocate once it has grown.
struct WorkingColumn<Value: BinaryFloatingPoint> {
    private(set) var heap: [DiameterEntry<Value>] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func removeAll() { heap.removeAll(keepingCapacity: true) }

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
