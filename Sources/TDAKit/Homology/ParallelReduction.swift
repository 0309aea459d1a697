import Dispatch
import Synchronization

/// The next column of a chunk, claimed by the workers.
private final class ColumnCounter: Sendable {
    let next = Atomic<Int>(0)
}

extension RipsReducer {
    /// `computePairs` on `threads` workers with the same result as the serial loop, V matrix
    /// and cocycles included. Columns go in chunks of `chunk` (`RipsOptions.reductionChunk`), in order.
    /// First the workers reduce every column of the chunk against the pivots of the earlier
    /// chunks, read-only meanwhile; this takes the steps the serial loop takes, in the same
    /// order, and stops where the serial loop would next need a column of the same chunk or
    /// own a new pivot. Then one thread, in column order, finishes each column against the
    /// pivots found so far. A worker keeps only the combination of columns added (V) and the
    /// pivot, not the coboundary, which can reach gigabytes (bench/RESULTS-ph-rips.md); the few
    /// columns whose pivot an earlier column of the chunk turns out to own rebuild it from V.
    /// A column that grows long (`ColumnWork.isLong`) is left by its worker and finished in
    /// the serial pass by all threads at once (`reduceSplit`). A deterministic cousin of
    /// giotto-ph's lock-free reduction (Pérez, Hess, Hoffmann 2021), where a column may be
    /// reduced by a later one and cocycles depend on the schedule.
    func computePairsInChunks(columns: [DiameterIndex<Value>], pivots: inout PivotTable, dimension: Int) {
        let workers = threads
        var works = [ColumnWork<Value>](repeating: ColumnWork(coboundary: coboundaryColumn()), count: min(chunk, columns.count))
        let slice = 3 * scratchSlice
        let workerScratch = UnsafeMutablePointer<Int>.allocate(capacity: workers * slice)
        defer { workerScratch.deallocate() }
        var reduction = ReductionMatrix<Value>()
        var tools = reductionTools(scratch: scratch)
        var coboundary = coboundaryColumn()
        for start in stride(from: 0, to: columns.count, by: chunk) {
            let end = min(start + chunk, columns.count)
            works.withUnsafeMutableBufferPointer { buffer in
                withUnsafePointer(to: &pivots) { table in
                    withUnsafePointer(to: &reduction) { matrix in
                        let shared = UnsafeSendable((reducer: self, works: buffer, pivots: table, reduction: matrix,
                                                     columns: columns, scratch: workerScratch))
                        let counter = ColumnCounter()
                        DispatchQueue.concurrentPerform(iterations: workers) { worker in
                            let s = shared.value
                            var own = s.reducer.reductionTools(scratch: s.scratch + worker * slice)
                            var heap = s.reducer.coboundaryColumn()
                            while true {
                                let position = start + counter.next.wrappingAdd(1, ordering: .relaxed).oldValue
                                guard position < end else { break }
                                s.reducer.reducePartially(s.columns[position], dimension: dimension, work: &s.works[position - start],
                                                          coboundary: &heap, tools: &own, columns: s.columns,
                                                          pivots: s.pivots.pointee, reduction: s.reduction.pointee)
                            }
                            heap.release()
                        }
                    }
                }
            }
            for position in start..<end {
                let simplex = DiameterEntry(diameter: columns[position].diameter, index: columns[position].index, coefficient: 1)
                reduction.appendColumn()
                let slot = position - start
                if works[slot].deferred || works[slot].pivot.map({ pivots.contains($0.index) }) == true {
                    // A long column goes on split, its coboundary rebuilt by all threads.
                    if !works[slot].exceeded && works[slot].isLong(after: splitAfter) { works[slot].deferred = true }
                    swap(&works[slot].coboundary, &coboundary)
                    if !works[slot].deferred {
                        resume(simplex, dimension: dimension, work: &works[slot], tools: &tools, pivots: pivots)
                        reduceColumn(dimension: dimension, work: &works[slot], tools: &tools, columns: columns,
                                     pivots: pivots, reduction: reduction, deferLong: true)
                    }
                    if works[slot].deferred {
                        reduceSplit(simplex, dimension: dimension, work: &works[slot], tools: &tools, columns: columns,
                                    pivots: pivots, reduction: reduction)
                    }
                    swap(&works[slot].coboundary, &coboundary)
                    coboundary.removeAll()
                }
                works[slot].noteBudget()
                guard !works[slot].exceeded else {
                    memoryExceeded = true
                    return
                }
                finishColumn(position, simplex, dimension: dimension, work: &works[slot], pivots: &pivots,
                             reduction: &reduction)
            }
            progress?(.columns(dimension: dimension), end, columns.count)
        }
    }

    /// The workers' phase for one column: a fresh start reduced against the frozen tables, on
    /// the worker's `coboundary` buffer, which is cleared afterwards.
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
        coboundary.removeAll()
    }

    /// Makes a column whose pivot an earlier column of its chunk owns ready to continue: its
    /// coboundary (emptied) is rebuilt from the simplex and V, or, after an emergent shortcut
    /// (which assumed the pivot free), the column starts afresh.
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
