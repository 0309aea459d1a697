extension RipsReducer {
    /// Reduces the coboundary matrix of the `dimension`-simplices in `columns` (ordered by
    /// decreasing diameter) over Z/p, recording one bar per column: [diameter, pivot
    /// diameter) when the column ends with a pivot, [diameter, ∞) when it reduces to zero
    /// (Ripser's `compute_pairs`). Coboundaries are enumerated, never stored; only the
    /// combination of columns added (the V matrix) is kept for later reuse.
    func computePairs(columns: [DiameterIndex<Value>], pivots: inout PivotTable, dimension: Int) {
        var cofacets = cofacetEnumerator(slot: 0)
        var apparent = apparentPairs()
        var reduction = ReductionMatrix<Value>()
        var added = WorkingColumn<Value>()
        var coboundary = WorkingColumn<Value>()

        for (position, column) in columns.enumerated() {
            let simplex = DiameterEntry(diameter: column.diameter, index: column.index, coefficient: 1)
            reduction.appendColumn()
            added.removeAll()
            coboundary.removeAll()
            var pivot = initialPivot(of: simplex, dimension: dimension, cofacets: &cofacets, apparent: &apparent,
                                     pivots: pivots, coboundary: &coboundary)
            while true {
                guard let current = pivot else {
                    bars[dimension].append((simplex.diameter, Value.infinity))
                    recordCocycle(simplex, added: added, dimension: dimension)
                    break
                }
                if let owner = pivots.lookup(current.index) {
                    // Cancel the pivot with the column that owns it: factor = −c / c_owner.
                    let factor = field.negate(field.reduce(current.coefficient * field.inverse(owner.coefficient)))
                    let other = columns[owner.column]
                    addCoboundary(DiameterEntry(diameter: other.diameter, index: other.index, coefficient: factor),
                                  dimension: dimension, cofacets: &cofacets, added: &added, coboundary: &coboundary)
                    for stored in reduction.range(of: owner.column) {
                        var entry = reduction.entries[stored]
                        entry.coefficient = field.reduce(entry.coefficient * factor)
                        addCoboundary(entry, dimension: dimension, cofacets: &cofacets, added: &added, coboundary: &coboundary)
                    }
                    pivot = coboundary.pivot(field)
                } else if var facet = apparent.apparentFacet(current, dimension: dimension + 1) {
                    // The pivot is the cofacet of an apparent pair: its facet's coboundary clears it.
                    facet.coefficient = field.negate(facet.coefficient)
                    addCoboundary(facet, dimension: dimension, cofacets: &cofacets, added: &added, coboundary: &coboundary)
                    pivot = coboundary.pivot(field)
                } else {
                    if current.diameter > simplex.diameter {
                        bars[dimension].append((simplex.diameter, current.diameter))
                        recordCocycle(simplex, added: added, dimension: dimension)
                    }
                    pivots.insert(current.index, column: position, coefficient: current.coefficient)
                    while let entry = added.popPivot(field) { reduction.append(entry) }
                    break
                }
            }
        }
    }

    /// Returns an emergent pair at once (zero persistence, found by the zero-cofacet scan), or
    /// pushes the coboundary of `simplex` under the threshold and returns its pivot.
    @inline(__always)
    private func initialPivot(of simplex: DiameterEntry<Value>, dimension: Int, cofacets: inout Cofacets,
                              apparent: inout ApparentPairs<Value, Cofacets>, pivots: PivotTable,
                              coboundary: inout WorkingColumn<Value>) -> DiameterEntry<Value>? {
        if let emergent = apparent.emergentCofacet(simplex, dimension: dimension, pivots: pivots) { return emergent }
        cofacets.start(simplex, dimension: dimension)
        while cofacets.hasNext(allCofacets: true) {
            let cofacet = cofacets.next()
            if cofacet.diameter <= threshold { coboundary.push(cofacet) }
        }
        return coboundary.pivot(field)
    }

    /// Adds `simplex` (with its coefficient) to the working combination and its coboundary
    /// to the working column.
    @inline(__always)
    private func addCoboundary(_ simplex: DiameterEntry<Value>, dimension: Int, cofacets: inout Cofacets,
                               added: inout WorkingColumn<Value>, coboundary: inout WorkingColumn<Value>) {
        added.push(simplex)
        cofacets.start(simplex, dimension: dimension)
        while cofacets.hasNext(allCofacets: true) {
            let cofacet = cofacets.next()
            if cofacet.diameter <= threshold { coboundary.push(cofacet) }
        }
    }
}
