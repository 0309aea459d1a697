extension RipsReducer {
    /// H0 by Kruskal's algorithm (union–find, shared with Mapper's single linkage) on the edges sorted by the filtration order: an edge that
    /// joins two components kills the younger one (all vertices are born at 0, so the bar is
    /// [0, d), dropped when d = 0); an edge inside a component is a 1-cocycle candidate and
    /// becomes a column for H1 unless it is the facet of an apparent pair
    /// (Ripser's `compute_dim_0_pairs`). One bar [0, ∞) per final component. Reports
    /// `RipsPhase.edges` every 4096 edges.
    func computeDimensionZeroPairs(simplices edges: inout [DiameterIndex<Value>], columns: inout [DiameterIndex<Value>]) {
        var listed = self.edges()
        progress?(.edges, 0, listed.count)
        if zip(listed, listed.dropFirst()).contains(where: { $0.index >= $1.index }) { listed.sort { $0.index < $1.index } }
        // Every edge is decoded and checked at once beforehand, in index order (see
        // `edgeKeys`), then ordered; only the union–find goes edge by edge.
        let keys = edgeKeys(listed)
        // The list is the sort's other buffer, not a third array beside its source and target,
        // which make the run's peak (mlp-images-3000: 369 → 315 MB).
        edges = sortedByDiameter(consume keys, scratch: consume listed)
        var components = UnionFind(count: vertexCount)
        // Up to H1 the edges are not needed afterwards, so the columns are gathered in their
        // place, not in a second array grown by doublings (copies and page faults of up to
        // 72 MB on mlp-images-3000, in a pass no other thread shares).
        let keepsEdges = maxDimension >= 2
        var kept = 0
        columns.removeAll()
        for position in edges.indices {
            if position & 0xFFF == 0 { progress?(.edges, position, edges.count) }
            let facts = EdgeFacts(packed: edges[position].index)
            let edge = DiameterIndex(index: facts.index, diameter: edges[position].diameter)
            if keepsEdges { edges[position] = edge }
            if components.union(facts.u, facts.v) {
                if edge.diameter > 0 { bars[0].append((0, edge.diameter)) }
            } else if maxDimension > 0 && !facts.isApparent {
                if keepsEdges { columns.append(edge) } else { edges[kept] = edge }
                kept += 1
            }
        }
        progress?(.edges, edges.count, edges.count)
        if !keepsEdges {
            edges.removeLast(edges.count - kept)
            swap(&columns, &edges)
        }
        columns.reverse()
        for vertex in 0..<vertexCount where components.find(vertex) == vertex {
            bars[0].append((0, Value.infinity))
        }
    }
}
