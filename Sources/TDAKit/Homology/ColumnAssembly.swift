extension RipsReducer {
    /// Lists the `dimension`-simplices under the threshold (each once, from the facet that
    /// omits its top vertex) and keeps as columns those that are neither pivots of the
    /// previous dimension (clearing: Chen & Kerber, "Persistent homology computation with a
    /// twist", 2011) nor in an apparent pair (Ripser's `assemble_columns_to_reduce`).
    func assembleColumns(simplices: inout [DiameterIndex<Value>], columns: inout [DiameterIndex<Value>],
                         pivots: PivotTable, dimension: Int) {
        var cofacets = cofacetEnumerator(slot: 0)
        var apparent = apparentPairs()
        var next: [DiameterIndex<Value>] = []
        columns.removeAll()
        for simplex in simplices {
            cofacets.start(DiameterEntry(diameter: simplex.diameter, index: simplex.index, coefficient: 1),
                           dimension: dimension - 1)
            while cofacets.hasNext(allCofacets: false) {
                let cofacet = cofacets.next()
                guard cofacet.diameter <= threshold else { continue }
                if dimension < maxDimension { next.append(DiameterIndex(index: cofacet.index, diameter: cofacet.diameter)) }
                if !pivots.contains(cofacet.index) && !apparent.isApparent(cofacet, dimension: dimension) {
                    columns.append(DiameterIndex(index: cofacet.index, diameter: cofacet.diameter))
                }
            }
        }
        simplices = next
        columns.sort { $0.reducedBefore($1) }
    }
}
