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
        edges = sortedByDiameter(edgeKeys(listed))
        listed = []
        var components = UnionFind(count: vertexCount)
        columns.removeAll()
        for position in edges.indices {
            if position & 0xFFF == 0 { progress?(.edges, position, edges.count) }
            let facts = EdgeFacts(packed: edges[position].index)
            edges[position].index = facts.index
            if components.union(facts.u, facts.v) {
                if edges[position].diameter > 0 { bars[0].append((0, edges[position].diameter)) }
            } else if maxDimension > 0 && !facts.isApparent {
                columns.append(edges[position])
            }
        }
        progress?(.edges, edges.count, edges.count)
        columns.reverse()
        for vertex in 0..<vertexCount where components.find(vertex) == vertex {
            bars[0].append((0, Value.infinity))
        }
        if maxDimension < 2 { edges = [] }
    }
}
