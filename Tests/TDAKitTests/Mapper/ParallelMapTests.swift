import Testing
@testable import TDAKit

@Suite struct ParallelMapTests {
    final class Box: Sendable {}

    /// Results come back in index order for any number of workers, and once the caller drops
    /// them nothing is left holding them (a zoo run once grew by every model's output).
    @Test(arguments: [1, 2, 5])
    func resultsInOrderAndReleased(threads: Int) {
        nonisolated(unsafe) var watched: [() -> Bool] = []
        do {
            let boxes = parallelMap(9, threads: threads) { _ in Box() }
            let ordered = parallelMap(9, threads: threads, cost: { $0 % 3 }) { $0 * $0 }
            #expect(ordered == (0..<9).map { $0 * $0 })
            watched = boxes.map { box in { [weak box] in box == nil } }
        }
        #expect(watched.count == 9 && watched.allSatisfy { $0() }, "every result released")
    }
}
