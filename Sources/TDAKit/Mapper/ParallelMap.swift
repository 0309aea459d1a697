#if canImport(Glibc)
import Glibc
#endif

/// `(0..<count).map(transform)` on `threads` workers (all cores when nil), results in index
/// order, so the output never depends on scheduling. With `cost`, items are dealt to the
/// workers in decreasing cost, which spreads the few large cover elements over the workers.
/// The workers are `parallelRows`'s (interleaved items, one buffer slot each).
func parallelMap<T: Sendable>(_ count: Int, threads: Int? = nil, cost: ((Int) -> Int)? = nil,
                              _ transform: @Sendable (Int) -> T) -> [T] {
    guard let cost else { return parallelRows(count: count, threads: threads ?? defaultThreadCount, transform) }
    let order = (0..<count).sorted { cost($0) > cost($1) }
    let byCost = parallelRows(count: count, threads: threads ?? defaultThreadCount) { transform(order[$0]) }
    var results = byCost
    for (k, item) in order.enumerated() { results[item] = byCost[k] }
    return results
}

/// The number of online cores.
var defaultThreadCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
