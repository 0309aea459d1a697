import Synchronization

/// The next piece of work (a block of rows), claimed by the workers of a parallel loop so
/// that one whose pieces were cheaper takes more of them.
final class WorkCounter: Sendable {
    private let next = Atomic<Int>(0)

    /// The next piece's number, from 0.
    func claim() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }
}
