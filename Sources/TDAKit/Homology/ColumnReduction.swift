/// One column under reduction: the combination of simplices added so far (a row of the V
/// matrix, lazily summed), its coboundary (the R column, lazily summed) and the current pivot.
struct ColumnWork<Value: RipsScalar> {
    /// The column's simplex: its coboundary and those of `added` make the column.
    var simplex = DiameterEntry<Value>(diameter: 0, index: 0, coefficient: 1)
    var added: WorkingColumn<Value>
    var coboundary: CoboundaryColumn<Value>
    /// The lowest nonzero entry so far; nil once the column is zero.
    var pivot: DiameterEntry<Value>?
    /// Whether `pivot` came from the emergent-pair shortcut, the coboundary not enumerated.
    var emergent = false
    /// Whether a working heap passed its budget (the reduction then stops).
    var exceeded = false
    /// Whether the column was left for all threads to finish (`SplitColumn`): it grew long.
    var deferred = false
    /// Pivots cancelled so far, and the simplices whose coboundaries the last one added.
    var steps = 0
    /// Cofacets pushed into a coboundary since dropped (a worker's, `reducePartially`).
    var pushedBefore = 0
    var addends: [DiameterEntry<Value>] = []

    init(coboundary: CoboundaryColumn<Value>) {
        added = WorkingColumn(budget: coboundary.near.budget)
        self.coboundary = coboundary
    }

    /// Adds a simplex to the combination (V), noting whether its heap outgrew the budget.
    @inline(__always)
    mutating func record(_ simplex: DiameterEntry<Value>) {
        added.push(simplex)
        added.checkBudget()
    }

    mutating func noteBudget() { exceeded = exceeded || added.exceeded || coboundary.exceeded }

    mutating func reset() {
        added.removeAll()
        coboundary.removeAll()
        pivot = nil
        emergent = false
        exceeded = false
        deferred = false
        steps = 0
        pushedBefore = 0
    }

    /// Whether the column is worth splitting over the threads: it pushed `pushes` cofacets
    /// (`RipsOptions.splitAfter`: a quarter million, a few milliseconds), and on average 2048
    /// a step (fewer when `pushes` is), so that a step's share outweighs the hand-off between
    /// threads (microseconds).
    func isLong(after pushes: Int) -> Bool {
        let pushed = pushedBefore + coboundary.pushed
        return pushed >= pushes && pushed >= steps * min(pushes, 2048)
    }
}

/// A coboundary enumerator and an apparent-pair checker on one scratch area: what one thread
/// needs to reduce columns.
struct ReductionTools<Value: RipsScalar, Cofacets: CoboundaryEnumerator> where Cofacets.Value == Value {
    var cofacets: Cofacets
    var apparent: ApparentPairs<Value, Cofacets>
}

extension RipsReducer {
    /// Reduces the coboundary matrix of the `dimension`-simplices in `columns` (ordered by
    /// decreasing diameter) over Z/p, recording one bar per column: [diameter, pivot
    /// diameter) when the column ends with a pivot, [diameter, ∞) when it reduces to zero
    /// (Ripser's `compute_pairs`). Coboundaries are enumerated, never stored; only the
    /// combination of columns added (the V matrix) is kept for later reuse.
    func computePairs(columns: [DiameterIndex<Value>], pivots: PivotTable, dimension: Int) {
        if threads > 1 && columns.count > 1 {
            computePairsAhead(columns: columns, pivots: pivots, dimension: dimension)
            return
        }
        var tools = reductionTools(scratch: scratch)
        let reduction = ReductionMatrix<Value>(columns: columns.count)
        var work = ColumnWork<Value>(coboundary: coboundaryColumn())
        for position in columns.indices {
            let simplex = DiameterEntry(diameter: columns[position].diameter, index: columns[position].index, coefficient: 1)
            work.reset()
            startColumn(simplex, dimension: dimension, work: &work, tools: &tools, pivots: pivots)
            reduceColumn(dimension: dimension, work: &work, tools: &tools, columns: columns, pivots: pivots, reduction: reduction)
            guard !work.exceeded else {
                memoryExceeded = true
                return
            }
            finishColumn(position, simplex, dimension: dimension, work: &work, pivots: pivots, reduction: reduction)
            if position & 0xFFF == 0 { progress?(.columns(dimension: dimension), position, columns.count) }
        }
        progress?(.columns(dimension: dimension), columns.count, columns.count)
    }

    /// Sets the column's first pivot: an emergent pair at once (zero persistence, found by the
    /// zero-cofacet scan), or the pivot of the coboundary of `simplex` under the threshold.
    @inline(__always)
    func startColumn(_ simplex: DiameterEntry<Value>, dimension: Int, work: inout ColumnWork<Value>,
                     tools: inout ReductionTools<Value, Cofacets>, pivots: PivotTable) {
        if let emergent = tools.apparent.emergentCofacet(simplex, dimension: dimension, pivots: pivots) {
            work.pivot = emergent
            work.emergent = true
            return
        }
        work.simplex = simplex
        pushCoboundary(simplex, dimension: dimension, into: &work.coboundary, cofacets: &tools.cofacets)
        work.pivot = pivot(of: &work.coboundary, simplex: simplex, added: [], dimension: dimension, cofacets: &tools.cofacets)
    }

    /// Cancels the column's pivot while a column of `pivots` owns it or it is the cofacet of an
    /// apparent pair; stops at zero, at a pivot nobody owns, or when a working heap passes its
    /// budget; with `deferLong`, also as soon as the column `isLong` (marked `deferred`). Reads
    /// `pivots` and `reduction` only, so workers may run it at once on different columns
    /// against the same tables. An emergent pivot (`startColumn`) stays: it was checked to be
    /// free and in no apparent pair, and its coboundary was not enumerated, so nothing could
    /// be added to it; while another thread fills `pivots`, its owner may have been published
    /// since, and the leader then starts the column afresh (`resume`).
    @inline(__always)
    func reduceColumn(dimension: Int, work: inout ColumnWork<Value>, tools: inout ReductionTools<Value, Cofacets>,
                      columns: [DiameterIndex<Value>], pivots: PivotTable, reduction: ReductionMatrix<Value>,
                      deferLong: Bool = false) {
        while let current = work.pivot, !work.exceeded, !work.emergent {
            if deferLong && work.isLong(after: splitAfter) {
                work.deferred = true
                return
            }
            guard cancellingAddends(of: current, dimension: dimension, into: &work.addends, apparent: &tools.apparent,
                                    columns: columns, pivots: pivots, reduction: reduction) else { return }
            for addend in work.addends { addCoboundary(addend, dimension: dimension, work: &work, cofacets: &tools.cofacets) }
            work.steps &+= 1
            let added = work.added.heap
            work.pivot = pivot(of: &work.coboundary, simplex: work.simplex, added: added, dimension: dimension,
                               cofacets: &tools.cofacets)
            work.noteBudget()
        }
    }

    /// The simplices, with their coefficients, whose coboundaries cancel `pivot`: the column
    /// that owns it and that column's V entries, times −c / c_owner; or the facet of the
    /// apparent pair whose cofacet it is. False when neither exists: the pivot stays.
    @inline(__always)
    func cancellingAddends(of pivot: DiameterEntry<Value>, dimension: Int, into addends: inout [DiameterEntry<Value>],
                           apparent: inout ApparentPairs<Value, Cofacets>, columns: [DiameterIndex<Value>],
                           pivots: PivotTable, reduction: ReductionMatrix<Value>) -> Bool {
        addends.removeAll(keepingCapacity: true)
        if let owner = pivots.lookup(pivot.index) {
            let factor = field.negate(field.reduce(pivot.coefficient * field.inverse(owner.coefficient)))
            let other = columns[owner.column]
            addends.append(DiameterEntry(diameter: other.diameter, index: other.index, coefficient: factor))
            for var entry in reduction.entries(of: owner.column) {
                entry.coefficient = field.reduce(entry.coefficient * factor)
                addends.append(entry)
            }
            return true
        }
        if var facet = apparent.apparentFacet(pivot, dimension: dimension + 1) {
            facet.coefficient = field.negate(facet.coefficient)
            addends.append(facet)
            return true
        }
        return false
    }

    /// Records the bar of a reduced column, its V column and its pivot, in that order: the
    /// pivot publishes the V column to threads reducing later columns (`computePairsAhead`).
    @inline(__always)
    func finishColumn(_ position: Int, _ simplex: DiameterEntry<Value>, dimension: Int, work: inout ColumnWork<Value>,
                      pivots: PivotTable, reduction: ReductionMatrix<Value>) {
        guard let pivot = work.pivot else {
            bars[dimension].append((simplex.diameter, coneDeath ?? Value.infinity))
            recordCocycle(simplex, added: work.added, dimension: dimension)
            return
        }
        if pivot.diameter > simplex.diameter {
            bars[dimension].append((simplex.diameter, pivot.diameter))
            recordCocycle(simplex, added: work.added, dimension: dimension)
        }
        reduction.store(position, from: &work.added, field: field)
        pivots.insert(pivot.index, column: position, coefficient: pivot.coefficient)
    }

    /// Adds `simplex` (with its coefficient) to the working combination and its coboundary
    /// to the working column.
    @inline(__always)
    private func addCoboundary(_ simplex: DiameterEntry<Value>, dimension: Int, work: inout ColumnWork<Value>,
                               cofacets: inout Cofacets) {
        work.record(simplex)
        pushCoboundary(simplex, dimension: dimension, into: &work.coboundary, cofacets: &cofacets)
    }

    /// The first nonzero entry of `column`, which sums the coboundaries of `simplex` (when
    /// given) and of `added`. When the entries before the column's frontier cancel, the
    /// frontier moves out and these coboundaries are pushed again, the column taking only the
    /// entries past where it was (`CoboundaryColumn`), until a pivot shows or nothing is left
    /// out. `part` and `mask` as in `pushCoboundary`.
    @inline(__always)
    func pivot(of column: inout CoboundaryColumn<Value>, simplex: DiameterEntry<Value>?, added: [DiameterEntry<Value>],
               dimension: Int, cofacets: inout Cofacets, part: Int = 0, mask: Int = 0) -> DiameterEntry<Value>? {
        while true {
            if let pivot = column.pivot(field) { return pivot }
            guard column.leavesOut else { return nil }
            refill(&column, simplex: simplex, added: added, dimension: dimension, cofacets: &cofacets, part: part, mask: mask)
        }
    }

    /// Moves the column's frontier out and pushes the coboundaries of `simplex` (when given)
    /// and of `added` again, of which the column takes the entries between the old frontier
    /// and the new one (`CoboundaryColumn.widenFrontier`).
    @inline(__always)
    func refill(_ column: inout CoboundaryColumn<Value>, simplex: DiameterEntry<Value>?, added: [DiameterEntry<Value>],
                dimension: Int, cofacets: inout Cofacets, part: Int, mask: Int) {
        column.widenFrontier()
        if let simplex {
            pushCoboundary(simplex, dimension: dimension, into: &column, cofacets: &cofacets, part: part, mask: mask)
        }
        for entry in added {
            pushCoboundary(entry, dimension: dimension, into: &column, cofacets: &cofacets, part: part, mask: mask)
        }
        column.endRefill()
    }

    /// Pushes the cofacets of `simplex` below `cofacetLimit`, times its coefficient: all of
    /// them, or, for a split column's part (`SplitColumn`), those in part `part` of mask + 1
    /// (`shareOf`), the others passed over without being computed.
    @inline(__always)
    func pushCoboundary(_ simplex: DiameterEntry<Value>, dimension: Int, into column: inout CoboundaryColumn<Value>,
                        cofacets: inout Cofacets, part: Int = 0, mask: Int = 0) {
        cofacets.start(simplex, dimension: dimension)
        column.prepareForPushes()
        // Two loops, not one with an unbounded window: the window test in the loop of every
        // column cost 6% of the trained-network run.
        if let (low, high) = column.takenDiameters {
            // Past a frontier: the enumerator passes over the cofacets the column would drop.
            while cofacets.hasNext(inShare: part, mask: mask, low: low, high: high) {
                let cofacet = cofacets.next()
                if cofacet.diameter < cofacetLimit { column.push(cofacet) }
            }
        } else {
            while cofacets.hasNext(inShare: part, mask: mask) {
                let cofacet = cofacets.next()
                if cofacet.diameter < cofacetLimit { column.push(cofacet) }
            }
        }
        column.checkSize()
    }
}
