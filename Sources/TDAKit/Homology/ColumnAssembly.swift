extension RipsReducer {
    /// Lists the `dimension`-simplices under the threshold (each once, from the facet that
    /// omits its top vertex) and keeps as columns those that are neither pivots of the
    /// previous dimension (clearing: Chen & Kerber, "Persistent homology computation with a
    /// twist", 2011) nor in an apparent pair (Ripser's `assemble_columns_to_reduce`).
    /// With several threads, contiguous ranges of the facets go to the workers and their lists
    /// are joined in range order, so the result is the serial one. Reports the facets done as
    /// `RipsPhase.simplices`.
    func assembleColumns(simplices: inout [DiameterIndex<Value>], columns: inout [DiameterIndex<Value>],
                         pivots: PivotTable, dimension: Int) {
        let parts = threads > 1 && simplices.count >= 1024 ? 8 * threads : 1
        let facets = simplices, shared = UnsafeSendable(self)
        let counter = ProgressCounter(.simplices(dimension: dimension), total: facets.count, progress: progress)
        let lists = parallelMap(parts, threads: threads) { part in
            shared.value.assemble(facets[part * facets.count / parts..<(part + 1) * facets.count / parts],
                                  pivots: pivots, dimension: dimension, counter: counter)
        }
        counter?.finish()
        simplices = lists.count == 1 ? lists[0].next : lists.flatMap(\.next)
        columns = lists.count == 1 ? lists[0].columns : lists.flatMap(\.columns)
        columns.sort { $0.reducedBefore($1) }
    }

    /// The cofacets of one range of facets: all of them (when a next dimension needs them)
    /// and the columns among them. Works on its own scratch, so ranges may run at once; counts
    /// the facets done into `counter` 4096 at a time.
    private func assemble(_ facets: ArraySlice<DiameterIndex<Value>>, pivots: PivotTable, dimension: Int,
                          counter: ProgressCounter?) -> (next: [DiameterIndex<Value>], columns: [DiameterIndex<Value>]) {
        let own = UnsafeMutablePointer<Int>.allocate(capacity: 4 * scratchSlice)
        defer { own.deallocate() }
        var tools = reductionTools(scratch: own)
        // The cofacet's vertices, largest first: the added vertex, above all, then the facet's.
        let vertices = own + 3 * scratchSlice
        var next: [DiameterIndex<Value>] = []
        var columns: [DiameterIndex<Value>] = []
        for (offset, simplex) in facets.enumerated() {
            if offset & 0xFFF == 0xFFF { counter?.add(0x1000) }
            binomial.vertices(of: simplex.index, dimension: dimension - 1, into: vertices + 1)
            tools.cofacets.start(DiameterEntry(diameter: simplex.diameter, index: simplex.index, coefficient: 1),
                                 dimension: dimension - 1)
            while tools.cofacets.hasNext(allCofacets: false) {
                vertices[0] = tools.cofacets.nextVertex()
                let cofacet = tools.cofacets.next()
                guard cofacet.diameter <= threshold else { continue }
                if dimension < maxDimension { next.append(DiameterIndex(index: cofacet.index, diameter: cofacet.diameter)) }
                if !pivots.contains(cofacet.index) && !tools.apparent.isApparent(cofacet, dimension: dimension, vertices: vertices) {
                    columns.append(DiameterIndex(index: cofacet.index, diameter: cofacet.diameter))
                }
            }
        }
        counter?.add(facets.count & 0xFFF)
        return (next, columns)
    }
}
