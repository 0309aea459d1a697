import Synchronization

/// Units of work finished by parallel workers, passed on to a progress report. Workers `add`
/// per batch (a row of distances, thousands of facets): one relaxed atomic add, and a report
/// only by the worker that takes the free flag, so hot loops do not notice and the report,
/// which is not thread-safe, never runs on two threads at once; a worker finding the flag
/// taken skips, as a later batch reports the larger count anyway.
public final class ProgressCounter: @unchecked Sendable {
    public let total: Int
    private let done = Atomic<Int>(0)
    private let busy = Atomic<Bool>(false)
    private let report: (_ done: Int, _ total: Int) -> Void

    public init(total: Int, report: @escaping (_ done: Int, _ total: Int) -> Void) {
        self.total = total
        self.report = report
    }

    /// A counter reporting `phase` to `progress`, or nil without one.
    public convenience init?(_ phase: RipsPhase, total: Int, progress: RipsProgress?) {
        guard let progress else { return nil }
        self.init(total: total) { progress(phase, $0, $1) }
    }

    /// Counts `units` more as done.
    public func add(_ units: Int) {
        done.add(units, ordering: .relaxed)
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return }
        // Loaded under the flag, so successive reports never go backwards.
        report(done.load(ordering: .relaxed), total)
        busy.store(false, ordering: .releasing)
    }

    /// Reports the final count; for the caller once the workers have joined.
    public func finish() { report(done.load(ordering: .relaxed), total) }
}
