import Dispatch

/// `(0..<count).map(transform)` on all cores, results in index order (so output does not
/// depend on scheduling). Work items are handed out dynamically, largest first when `cost`
/// is given, which keeps one huge cover element from ending up last on a busy core.
func parallelMap<T: Sendable>(_ count: Int, cost: ((Int) -> Int)? = nil,
                              _ transform: @Sendable (Int) -> T) -> [T] {
    let order = cost.map { c in (0..<count).sorted { c($0) > c($1) } } ?? Array(0..<count)
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let slots = SendableSlots(base: results)
    DispatchQueue.concurrentPerform(iterations: count) { k in
        slots.base[order[k]] = transform(order[k])
    }
    return results.map { $0! }
}

/// Each concurrent iteration writes only its own slot, so sharing the buffer is safe.
private struct SendableSlots<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T?>
}
