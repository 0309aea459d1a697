import Foundation
import Synchronization

/// One long column reduced by several threads at once. On trained networks' correlation data
/// one H1 column carries most of the reduction (bench/RESULTS-ph-rips.md: thousands of added
/// columns, 10⁸ triangles in its sum), so reducing different columns on different threads
/// leaves one thread idle. Here the column's coboundary is split into parts by the vertex sum
/// of each cofacet (`shareOf`: runs of 32 sums in turn), a property of the cofacet itself, so
/// every copy of a simplex lands in the same part and each part sums its own entries exactly.
/// Each part enumerates only the cofacets that fall in it (those whose added vertex lies in
/// one of its runs) into its own heap and buckets, and reports its first nonzero entry; the column's
/// pivot is the first of those. The pivots, and so the additions, the V column, diagrams and
/// cocycles, are those of the one-thread reduction.
///
/// The parts run on threads of their own (not Dispatch workers, which may run the parts one
/// after another and would then wait on each other forever). One round per cancelled pivot:
/// the leader (part 0, the calling thread) picks the addends, publishes them, pushes its
/// share, then takes the first of the parts' pivots. A part whose entries before its frontier
/// (`CoboundaryColumn`) cancel cannot tell its pivot; then every part widens its frontier in
/// the same refill round, so that the parts scan their added columns at once instead of one
/// waiting for the other (as when each part refilled on its own: on 3010 neurons and 1438
/// inputs a fifth of the two-thread run went to waiting, and two threads were 1.05× one).
private final class SplitRounds<Value: RipsScalar>: @unchecked Sendable {
    let parts: Int
    /// The last round published, and the rounds the helpers finished, summed over them.
    let published = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    /// The round's addends and whether the helpers should leave: written by the leader only
    /// while no round runs, read by the helpers during one.
    var addends: [DiameterEntry<Value>] = []
    var stopping = false
    /// Whether the round widens the parts' frontiers instead of adding the addends.
    var refilling = false
    /// Each part's pivot after a round (nil when its share is zero, or unknown), whether it is
    /// unknown (its entries before the frontier cancel, some past it were left out) and
    /// whether its buffers passed the memory budget; slot p is written by part p only.
    let pivots: UnsafeMutablePointer<DiameterEntry<Value>?>
    let unknown: UnsafeMutablePointer<Bool>
    let exceeded: UnsafeMutablePointer<Bool>

    init(parts: Int) {
        self.parts = parts
        pivots = .allocate(capacity: parts)
        pivots.initialize(repeating: nil, count: parts)
        unknown = .allocate(capacity: parts)
        unknown.initialize(repeating: false, count: parts)
        exceeded = .allocate(capacity: parts)
        exceeded.initialize(repeating: false, count: parts)
    }

    deinit {
        pivots.deallocate()
        unknown.deallocate()
        exceeded.deallocate()
    }

    /// Spins until `counter` reaches `target`, yielding the core after a while: a round lasts
    /// microseconds, but the machine may have fewer free cores than parts.
    private static func wait(_ counter: borrowing Atomic<Int>, reaches target: Int) {
        var spins = 0
        while counter.load(ordering: .acquiring) < target {
            spins &+= 1
            if spins > 2000 { sched_yield() }
        }
    }

    func waitForRound(_ round: Int) { Self.wait(published, reaches: round) }

    func waitForHelpers(round: Int) { Self.wait(finished, reaches: round * (parts - 1)) }
}

extension RipsReducer {
    /// Parts of a split column: the largest power of two not above `threads`, so a part's
    /// residue is a mask, not a division, in the enumeration loop.
    var splitParts: Int { 1 << (Int.bitWidth - 1 - threads.leadingZeroBitCount) }

    /// Finishes a column marked `deferred` (`ColumnWork.isLong`) on `splitParts` threads: its
    /// coboundary is rebuilt from the simplex and its V entries, split by parts, then reduced
    /// as `reduceColumn` would, against the same tables, until its pivot is free or it is zero.
    func reduceSplit(_ simplex: DiameterEntry<Value>, dimension: Int, work: inout ColumnWork<Value>,
                     tools: inout ReductionTools<Value, Cofacets>, columns: [DiameterIndex<Value>], pivots: PivotTable,
                     reduction: ReductionMatrix<Value>) {
        let rounds = SplitRounds<Value>(parts: splitParts)
        let helpers = DispatchGroup()
        let reducer = UnsafeSendable(self)
        for part in 1..<rounds.parts {
            helpers.enter()
            Thread {
                reducer.value.helpSplit(part: part, dimension: dimension, rounds: rounds)
                helpers.leave()
            }.start()
        }
        var round = 0
        // Every addend so far, for refills past the frontier.
        var seen: [DiameterEntry<Value>] = []
        work.coboundary.removeAll()
        rounds.addends = [simplex] + work.added.heap
        var pivot = playRound(&round, rounds, dimension: dimension, work: &work, seen: &seen, cofacets: &tools.cofacets)
        while let current = pivot, !work.exceeded,
              cancellingAddends(of: current, dimension: dimension, into: &work.addends, apparent: &tools.apparent,
                                columns: columns, pivots: pivots, reduction: reduction) {
            for addend in work.addends { work.record(addend) }
            swap(&rounds.addends, &work.addends)
            pivot = playRound(&round, rounds, dimension: dimension, work: &work, seen: &seen, cofacets: &tools.cofacets)
        }
        rounds.stopping = true
        rounds.published.store(round + 1, ordering: .releasing)
        helpers.wait()
        work.pivot = pivot
    }

    /// One round for the leader: publishes the addends, plays part 0 into the column's own
    /// coboundary, waits for the helpers, runs refill rounds while a part's pivot is unknown,
    /// and returns the first of the parts' pivots, noting any part past the budget in `work`.
    private func playRound(_ round: inout Int, _ rounds: SplitRounds<Value>, dimension: Int, work: inout ColumnWork<Value>,
                           seen: inout [DiameterEntry<Value>], cofacets: inout Cofacets) -> DiameterEntry<Value>? {
        var first: DiameterEntry<Value>?
        repeat {
            round += 1
            rounds.published.store(round, ordering: .releasing)
            first = playPart(0, rounds, dimension: dimension, column: &work.coboundary, seen: &seen, cofacets: &cofacets)
            rounds.waitForHelpers(round: round)
            rounds.refilling = (0..<rounds.parts).contains { rounds.unknown[$0] }
        } while rounds.refilling
        for part in 1..<rounds.parts {
            if let other = rounds.pivots[part], first.map({ other.comesBefore($0) }) ?? true { first = other }
            work.exceeded = work.exceeded || rounds.exceeded[part]
        }
        work.noteBudget()
        return first
    }

    /// A part's round: its share of the addends (or, in a refill round, a wider frontier and
    /// its share of every addend so far again, `refill`), then its first entry, published with
    /// whether it is unknown.
    private func playPart(_ part: Int, _ rounds: SplitRounds<Value>, dimension: Int, column: inout CoboundaryColumn<Value>,
                          seen: inout [DiameterEntry<Value>], cofacets: inout Cofacets) -> DiameterEntry<Value>? {
        let mask = rounds.parts - 1
        if !rounds.refilling {
            seen.append(contentsOf: rounds.addends)
            for addend in rounds.addends {
                pushCoboundary(addend, dimension: dimension, into: &column, cofacets: &cofacets, part: part, mask: mask)
            }
        } else if column.leavesOut {
            refill(&column, simplex: nil, added: seen, dimension: dimension, cofacets: &cofacets, part: part, mask: mask)
        }
        let pivot = column.pivot(field)
        rounds.pivots[part] = pivot
        rounds.unknown[part] = pivot == nil && column.leavesOut
        rounds.exceeded[part] = column.exceeded
        return pivot
    }

    /// A helper's loop: its part's share of every round's addends, into a column of its own.
    private func helpSplit(part: Int, dimension: Int, rounds: SplitRounds<Value>) {
        let scratch = UnsafeMutablePointer<Int>.allocate(capacity: scratchSlice)
        defer { scratch.deallocate() }
        var cofacets = cofacetEnumerator(scratch: scratch)
        var column = coboundaryColumn()
        var seen: [DiameterEntry<Value>] = []
        var round = 1
        while true {
            rounds.waitForRound(round)
            if rounds.stopping { break }
            _ = playPart(part, rounds, dimension: dimension, column: &column, seen: &seen, cofacets: &cofacets)
            rounds.finished.add(1, ordering: .releasing)
            round += 1
        }
        column.release()
    }
}
