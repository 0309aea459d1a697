import Foundation
import Synchronization

/// What the threads of one dimension's look-ahead reduction share (`computePairsAhead`).
private final class LookAhead<Value: RipsScalar>: @unchecked Sendable {
    /// Columns a thread may reduce past the last finished one: the ring of works has as many slots.
    let window: Int
    let columns: Int
    /// The first column nobody has claimed.
    let next = Atomic<Int>(0)
    /// Columns the leader has finished, their V columns and pivots published.
    let finished = Atomic<Int>(0)
    /// Helpers of an earlier generation leave after their column (the leader splits a column,
    /// or is done).
    let generation = Atomic<Int>(0)
    /// Per slot of the ring: the column reduced there, plus one, once its partial reduction is done.
    private let done: UnsafeMutablePointer<Atomic<Int>>
    /// The partial reductions, column c in slot c mod `window`.
    let works: UnsafeMutablePointer<ColumnWork<Value>>

    init(window: Int, columns: Int, work: ColumnWork<Value>) {
        self.window = window
        self.columns = columns
        done = .allocate(capacity: window)
        for slot in 0..<window { (done + slot).initialize(to: Atomic(0)) }
        works = .allocate(capacity: window)
        works.initialize(repeating: work, count: window)
    }

    deinit {
        done.deinitialize(count: window)
        done.deallocate()
        works.deinitialize(count: window)
        works.deallocate()
    }

    /// The first unclaimed column, now claimed, if it is below `limit`.
    func claim(below limit: Int) -> Int? {
        var column = next.load(ordering: .relaxed)
        while column < min(limit, columns) {
            let (exchanged, original) = next.compareExchange(expected: column, desired: column + 1, ordering: .relaxed)
            if exchanged { return column }
            column = original
        }
        return nil
    }

    func isDone(_ column: Int) -> Bool { done[column % window].load(ordering: .acquiring) == column + 1 }

    func markDone(_ column: Int) { done[column % window].store(column + 1, ordering: .releasing) }
}

extension RipsReducer {
    /// `computePairs` on `threads` threads with the same result as the serial loop, V matrix
    /// and cocycles included. Every thread claims the next column and reduces it against the
    /// pivots found so far, which the leader (the calling thread) keeps adding to: the tables
    /// take one writer and many readers (`PivotTable`, `ReductionMatrix`). A column so
    /// reduced takes the steps the serial loop takes, in the same order, since a pivot's owner
    /// never changes, and stops at a pivot nobody owns yet. The leader finishes the columns
    /// in order: one whose pivot a column before it has taken since is resumed there, its
    /// coboundary rebuilt from V (a worker keeps V and the pivot, not the coboundary, which
    /// can reach gigabytes), and continued. Threads run at most `window` columns ahead of the
    /// leader (`RipsOptions.reductionWindow`), so few columns need resuming, and while the
    /// leader resumes one the others go on ahead (chunks of columns, each reduced in parallel
    /// and then finished by one thread, left a core idle for that time: a tenth of the
    /// reduction on mlp-images-3000, bench/RESULTS-ph-rips.md). A column that grows long
    /// (`ColumnWork.isLong`) is left by its worker and finished by all threads at once
    /// (`reduceSplit`), the look-ahead paused meanwhile. A deterministic cousin of giotto-ph's
    /// lock-free reduction (Pérez, Hess, Hoffmann 2021), where a column may be reduced by a
    /// later one and cocycles depend on the schedule.
    func computePairsAhead(columns: [DiameterIndex<Value>], pivots: PivotTable, dimension: Int) {
        let shared = LookAhead<Value>(window: min(window, columns.count), columns: columns.count,
                                      work: ColumnWork(coboundary: coboundaryColumn()))
        let reduction = ReductionMatrix<Value>(columns: columns.count)
        let helpers = DispatchGroup()
        let context = UnsafeSendable((reducer: self, shared: shared, columns: columns, pivots: pivots, reduction: reduction))
        func startHelpers() {
            let generation = shared.generation.load(ordering: .relaxed)
            for _ in 1..<threads {
                helpers.enter()
                Thread {
                    let c = context.value
                    c.reducer.reduceAhead(c.shared, generation: generation, dimension: dimension, columns: c.columns,
                                          pivots: c.pivots, reduction: c.reduction)
                    helpers.leave()
                }.start()
            }
        }
        func stopHelpers() { shared.generation.add(1, ordering: .relaxed) }
        defer {
            stopHelpers()
            helpers.wait()
        }
        var tools = reductionTools(scratch: scratch)
        // One buffer for the leader's own columns and for the columns it resumes.
        var coboundary = coboundaryColumn()
        defer { coboundary.release() }
        startHelpers()
        var position = 0
        while position < columns.count {
            guard shared.isDone(position) else {
                if let claimed = shared.claim(below: position + shared.window) {
                    reducePartially(columns[claimed], dimension: dimension, work: &shared.works[claimed % shared.window],
                                    coboundary: &coboundary, tools: &tools, columns: columns, pivots: pivots, reduction: reduction)
                    shared.markDone(claimed)
                } else {
                    SpinWait.until { shared.isDone(position) || shared.next.load(ordering: .relaxed) < min(position + shared.window, columns.count) }
                }
                continue
            }
            let simplex = DiameterEntry(diameter: columns[position].diameter, index: columns[position].index, coefficient: 1)
            let work = shared.works + position % shared.window
            if work.pointee.deferred || work.pointee.pivot.map({ pivots.contains($0.index) }) == true {
                if !work.pointee.exceeded && work.pointee.isLong(after: splitAfter) { work.pointee.deferred = true }
                swap(&work.pointee.coboundary, &coboundary)
                if !work.pointee.deferred {
                    resume(simplex, dimension: dimension, work: &work.pointee, tools: &tools, pivots: pivots)
                    reduceColumn(dimension: dimension, work: &work.pointee, tools: &tools, columns: columns,
                                 pivots: pivots, reduction: reduction, deferLong: true)
                }
                if work.pointee.deferred {
                    // The split's threads take the cores: the look-ahead waits.
                    stopHelpers()
                    reduceSplit(simplex, dimension: dimension, work: &work.pointee, tools: &tools, columns: columns,
                                pivots: pivots, reduction: reduction)
                    startHelpers()
                }
                swap(&work.pointee.coboundary, &coboundary)
                coboundary.removeAll(keepingAtMost: bufferShare)
            }
            work.pointee.noteBudget()
            guard !work.pointee.exceeded else {
                memoryExceeded = true
                return
            }
            finishColumn(position, simplex, dimension: dimension, work: &work.pointee, pivots: pivots, reduction: reduction)
            position += 1
            shared.finished.store(position, ordering: .releasing)
            if position % shared.window == 0 { progress?(.columns(dimension: dimension), position, columns.count) }
        }
        progress?(.columns(dimension: dimension), columns.count, columns.count)
    }

    /// A helper's loop: claims columns within the window past the leader and reduces them,
    /// until none is left or a later generation of helpers is called.
    private func reduceAhead(_ shared: LookAhead<Value>, generation: Int, dimension: Int, columns: [DiameterIndex<Value>],
                             pivots: PivotTable, reduction: ReductionMatrix<Value>) {
        let scratch = UnsafeMutablePointer<Int>.allocate(capacity: 3 * scratchSlice)
        defer { scratch.deallocate() }
        var tools = reductionTools(scratch: scratch)
        var heap = coboundaryColumn()
        defer { heap.release() }
        while shared.generation.load(ordering: .relaxed) == generation {
            let limit = shared.finished.load(ordering: .acquiring) + shared.window
            guard let claimed = shared.claim(below: limit) else {
                if shared.next.load(ordering: .relaxed) >= columns.count { return }
                SpinWait.until {
                    shared.generation.load(ordering: .relaxed) != generation
                        || shared.next.load(ordering: .relaxed) < shared.finished.load(ordering: .relaxed) + shared.window
                }
                continue
            }
            reducePartially(columns[claimed], dimension: dimension, work: &shared.works[claimed % shared.window],
                            coboundary: &heap, tools: &tools, columns: columns, pivots: pivots, reduction: reduction)
            shared.markDone(claimed)
        }
    }

    /// A column's fresh start, reduced against the tables as they are, on the thread's
    /// `coboundary` buffer, which is cleared afterwards.
    private func reducePartially(_ column: DiameterIndex<Value>, dimension: Int, work: inout ColumnWork<Value>,
                                 coboundary: inout CoboundaryColumn<Value>, tools: inout ReductionTools<Value, Cofacets>,
                                 columns: [DiameterIndex<Value>], pivots: PivotTable, reduction: ReductionMatrix<Value>) {
        work.reset()
        swap(&work.coboundary, &coboundary)
        startColumn(DiameterEntry(diameter: column.diameter, index: column.index, coefficient: 1), dimension: dimension,
                    work: &work, tools: &tools, pivots: pivots)
        reduceColumn(dimension: dimension, work: &work, tools: &tools, columns: columns, pivots: pivots, reduction: reduction,
                     deferLong: true)
        work.noteBudget()
        work.pushedBefore = work.coboundary.pushed
        swap(&work.coboundary, &coboundary)
        coboundary.removeAll(keepingAtMost: bufferShare)
    }

    /// Budget entries a thread's coboundary buffer keeps between columns: with `--max-memory`
    /// the threads' buffers, kept at their largest, could hold the room the column at hand
    /// needs; without, they are kept whatever their size.
    private var bufferShare: Int { heapBudget.entries / (4 * threads) }

    /// Makes a column whose pivot an earlier column took after its worker stopped ready to
    /// continue: its coboundary (emptied) is rebuilt from the simplex and V, or, after an
    /// emergent shortcut (which assumed the pivot free), the column starts afresh.
    private func resume(_ simplex: DiameterEntry<Value>, dimension: Int, work: inout ColumnWork<Value>,
                        tools: inout ReductionTools<Value, Cofacets>, pivots: PivotTable) {
        if work.emergent {
            work.reset()
            startColumn(simplex, dimension: dimension, work: &work, tools: &tools, pivots: pivots)
            return
        }
        work.simplex = simplex
        let added = work.added.heap
        pushCoboundary(simplex, dimension: dimension, into: &work.coboundary, cofacets: &tools.cofacets)
        for entry in added {
            pushCoboundary(entry, dimension: dimension, into: &work.coboundary, cofacets: &tools.cofacets)
        }
        work.pivot = pivot(of: &work.coboundary, simplex: simplex, added: added, dimension: dimension, cofacets: &tools.cofacets)
    }
}
