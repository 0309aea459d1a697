import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// `(0..<count).map(transform)` on `threads` workers (all cores when nil), results in index
/// order, so the output never depends on scheduling. With `cost`, items are dealt round-robin
/// in decreasing cost, which spreads the few large cover elements over the workers.
func parallelMap<T: Sendable>(_ count: Int, threads: Int? = nil, cost: ((Int) -> Int)? = nil,
                              _ transform: @Sendable (Int) -> T) -> [T] {
    let order = cost.map { c in (0..<count).sorted { c($0) > c($1) } } ?? Array(0..<count)
    let workers = max(1, min(threads ?? defaultThreadCount, count))
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
        // Deinitialize before freeing: the slots hold references (arrays, strings) that would
        // otherwise never be released; a run over a zoo grew by every model's output.
        results.deinitialize()
        results.deallocate()
    }
    let slots = SendableSlots(base: results)
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        for k in stride(from: w, to: count, by: workers) { slots.base[order[k]] = transform(order[k]) }
    }
    return results.compactMap { $0 }
}

/// The number of online cores.
var defaultThreadCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

/// Each item is written by exactly one worker, so sharing the buffer is safe.
private struct SendableSlots<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T?>
}
