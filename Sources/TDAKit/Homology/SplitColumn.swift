import Foundation
import Synchronization

/// One long column reduced by several threads at once. On trained networks' correlation data
/// one H1 column carries most of the reduction (bench/RESULTS-ph-rips.md: thousands of added
/// columns, 10⁸ triangles in its sum), so reducing different columns on different threads
/// leaves one thread idle. Here the column's coboundary is split into parts by the vertex sum
/// of each cofacet (`shareOf`: runs of 32 sums in turn), a property of the cofacet itself, so
/// every copy of a simplex lands in the same part and each part sums its own entries exactly.
/// Each part enumerates only the cofacets that fall in it (those whose added vertex lies in
/// one of its runs) into its own heap and buckets, and reports its first nonzero entry; the
/// column's pivot is the first of those. The pivots, and so the additions, the V column, diagrams and
/// cocycles, are those of the one-thread reduction.
///
/// Any thread plays any part: each round, the leader (the calling thread) and the helpers
/// (threads of their own, not Dispatch workers, which may run one after another and would
/// wait on each other forever) claim the round's parts one at a time until none is left, and
/// the leader then takes the first of the parts' pivots. So a round never waits for a thread
/// the system has not scheduled: on a machine with fewer free cores than parts the leader
/// plays them all (parts were first tied to threads, and with the other core busy every round
/// waited for a time slice: 11 s against 4.4 s on one thread on mlp-images-3000, 156 s with
/// both cores busy). The parts park far entries and leave out the farthest
/// (`CoboundaryColumn`) together, spilled from the column's pivot with one frontier; when no
/// part's entries before it are left, every part widens it in the same refill round, so
/// that the parts scan their added columns at once instead of one waiting for the other.
private final class SplitRounds<Value: RipsScalar, Cofacets: CoboundaryEnumerator>: @unchecked Sendable
where Cofacets.Value == Value {
    /// A part's column, played by whichever thread claims the part.
    final class Part {
        let index: Int
        /// The last round the part was claimed in.
        let claimed = Atomic<Int>(0)
        var column: CoboundaryColumn<Value>
        /// The part's first entry after a round (nil when its share is zero, or unknown), and
        /// whether it is unknown (its entries before the frontier cancel, some past it were
        /// left out).
        var pivot: DiameterEntry<Value>?
        var unknown = false

        init(index: Int, column: CoboundaryColumn<Value>) {
            self.index = index
            self.column = column
        }
    }

    let parts: [Part]
    /// The last round published, and the parts played, summed over the rounds.
    let published = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    /// The round's addends, every addend so far (for refills), and whether the round widens
    /// the frontiers instead of adding the addends: written by the leader only while no round
    /// runs, read by the players of one.
    var addends: [DiameterEntry<Value>] = []
    var seen: [DiameterEntry<Value>] = []
    var refilling = false
    /// Whether the helpers should leave: atomic, as a helper that played no part of a round
    /// reads it while the leader may be writing it (ThreadSanitizer).
    let stopping = Atomic<Bool>(false)
    /// Whether the parts spilled (`CoboundaryColumn.spill(from:)`).
    var spilled = false

    init(parts: [Part]) { self.parts = parts }

    /// Opens `round` to claims; the round's fields must be written before.
    func publish(_ round: Int) { published.store(round, ordering: .releasing) }

    /// A part of `round` nobody has claimed, `own` first: each thread keeps to its own part,
    /// whose heap is in its cache, while it runs, and takes the others' when they do not.
    func claim(in round: Int, own: Int) -> Part? {
        for offset in 0..<parts.count {
            let part = parts[(own + offset) & (parts.count - 1)]
            if part.claimed.compareExchange(expected: round - 1, desired: round, ordering: .acquiringAndReleasing).exchanged {
                return part
            }
        }
        return nil
    }

    /// Waits for a round after `round` to be published and returns it.
    func nextRound(after round: Int) -> Int {
        var next = round
        SpinWait.until { next = published.load(ordering: .acquiring); return next > round }
        return next
    }

    /// Waits until every part of rounds up to `round` was played.
    func waitForParts(through round: Int) {
        SpinWait.until { finished.load(ordering: .acquiring) >= round * parts.count }
    }
}

extension RipsReducer {
    /// Parts of a split column: the largest power of two not above `threads`, so a cofacet's
    /// part is a mask of its run (`shareOf`), not a division, in the enumeration loop.
    var splitParts: Int { 1 << (Int.bitWidth - 1 - threads.leadingZeroBitCount) }

    /// Finishes a column marked `deferred` (`ColumnWork.isLong`) on `splitParts` threads: its
    /// coboundary is rebuilt from the simplex and its V entries, split by parts, then reduced
    /// as `reduceColumn` would, against the same tables, until its pivot is free or it is zero.
    func reduceSplit(_ simplex: DiameterEntry<Value>, dimension: Int, work: inout ColumnWork<Value>,
                     tools: inout ReductionTools<Value, Cofacets>, columns: [DiameterIndex<Value>], pivots: PivotTable,
                     reduction: ReductionMatrix<Value>) {
        // The parts spill when the leader says (`playRound`), never by themselves.
        let parts = (0..<splitParts).map {
            SplitRounds<Value, Cofacets>.Part(index: $0, column: CoboundaryColumn(budget: heapBudget, ceiling: ceiling, spillSize: .max))
        }
        let rounds = SplitRounds<Value, Cofacets>(parts: parts)
        let helpers = DispatchGroup()
        let reducer = UnsafeSendable(self)
        for own in 1..<parts.count {
            helpers.enter()
            Thread {
                reducer.value.helpSplit(own: own, dimension: dimension, rounds: rounds)
                helpers.leave()
            }.start()
        }
        var round = 0
        // The parts take the column's place: its buffer gives its room back (`--max-memory`).
        work.coboundary.release()
        rounds.addends = [simplex] + work.added.heap
        var pivot = playRound(&round, rounds, dimension: dimension, work: &work, cofacets: &tools.cofacets)
        while let current = pivot, !work.exceeded,
              cancellingAddends(of: current, dimension: dimension, into: &work.addends, apparent: &tools.apparent,
                                columns: columns, pivots: pivots, reduction: reduction) {
            for addend in work.addends { work.record(addend) }
            swap(&rounds.addends, &work.addends)
            pivot = playRound(&round, rounds, dimension: dimension, work: &work, cofacets: &tools.cofacets)
        }
        rounds.stopping.store(true, ordering: .relaxed)
        rounds.publish(round + 1)
        helpers.wait()
        // The leader gives the parts' room back before it goes on: a helper may drop the last
        // reference to the parts after the dimension's budget was restored, and a release then
        // overflowed the budget (a CI crash, reproduced by delaying a helper after it left).
        for part in parts { part.column.release() }
        work.pivot = pivot
    }

    /// One round for the leader: publishes the addends, plays the parts it claims, waits for
    /// the others, runs refill rounds while a part's pivot is unknown, and returns the first of
    /// the parts' pivots, noting any part past the budget in `work`.
    private func playRound(_ round: inout Int, _ rounds: SplitRounds<Value, Cofacets>, dimension: Int,
                           work: inout ColumnWork<Value>, cofacets: inout Cofacets) -> DiameterEntry<Value>? {
        rounds.seen.append(contentsOf: rounds.addends)
        var first: DiameterEntry<Value>?
        repeat {
            round += 1
            rounds.publish(round)
            while let part = rounds.claim(in: round, own: 0) { play(part, rounds, dimension: dimension, cofacets: &cofacets) }
            rounds.waitForParts(through: round)
            first = nil
            for part in rounds.parts {
                if let other = part.pivot, first.map({ other.comesBefore($0) }) ?? true { first = other }
            }
            // The parts share a frontier (they spill together, below), so a known pivot lies
            // before everything any part left out: they refill, together, only when no part
            // knows its pivot, as one column refills only when nothing before its frontier is
            // left (a refill pushes every addend so far again).
            rounds.refilling = first == nil && rounds.parts.contains { $0.unknown }
        } while rounds.refilling
        // The parts spill together, from the column's pivot, when their heaps together pass
        // the spill size, so their buckets and frontiers are the same: with their own they
        // drifted apart, and on mlp-digits-3000 one part of the long column pushed 27 million
        // cofacets, the other 12, one thread 30 for the whole column (bench/RESULTS-ph-rips.md).
        if !rounds.spilled, let first, rounds.parts.reduce(0, { $0 + $1.column.near.count }) > spillSize {
            for part in rounds.parts { part.column.spill(from: first.diameter) }
            rounds.spilled = true
        }
        for part in rounds.parts { work.exceeded = work.exceeded || part.column.exceeded }
        work.noteBudget()
        return first
    }

    /// A part's round: its share of the addends (or, in a refill round, a wider frontier and
    /// its share of every addend so far again, `refill`), then its first entry and whether it
    /// is unknown; `cofacets` is the playing thread's enumerator, on its own scratch.
    private func play(_ part: SplitRounds<Value, Cofacets>.Part, _ rounds: SplitRounds<Value, Cofacets>, dimension: Int,
                      cofacets: inout Cofacets) {
        let mask = rounds.parts.count - 1
        if !rounds.refilling {
            for addend in rounds.addends {
                pushCoboundary(addend, dimension: dimension, into: &part.column, cofacets: &cofacets, part: part.index, mask: mask)
            }
        } else if part.column.leavesOut {
            refill(&part.column, simplex: nil, added: rounds.seen, dimension: dimension, cofacets: &cofacets,
                   part: part.index, mask: mask)
        }
        part.pivot = part.column.pivot(field)
        part.unknown = part.pivot == nil && part.column.leavesOut
        rounds.finished.add(1, ordering: .releasing)
    }

    /// A helper's loop: the parts it claims in every round, part `own` first, until the leader stops.
    private func helpSplit(own: Int, dimension: Int, rounds: SplitRounds<Value, Cofacets>) {
        let scratch = UnsafeMutablePointer<Int>.allocate(capacity: scratchSlice)
        defer { scratch.deallocate() }
        var cofacets = cofacetEnumerator(scratch: scratch)
        var round = 0
        while true {
            round = rounds.nextRound(after: round)
            if rounds.stopping.load(ordering: .relaxed) { break }
            while let part = rounds.claim(in: round, own: own) { play(part, rounds, dimension: dimension, cofacets: &cofacets) }
        }
    }
}
