extension RipsReducer {
    /// H0 by Kruskal's algorithm (union–find, shared with Mapper's single linkage) on the edges sorted by the filtration order: an edge that
    /// joins two components kills the younger one (all vertices are born at 0, so the bar is
    /// [0, d), dropped when d = 0); an edge inside a component is a 1-cocycle candidate and
    /// becomes a column for H1 unless it is the facet of an apparent pair
    /// (Ripser's `compute_dim_0_pairs`). One bar [0, ∞) per final component. Reports
    /// `RipsPhase.edges` every 4096 edges.
    func computeDimensionZeroPairs(simplices edges: inout [DiameterIndex<Value>], columns: inout [DiameterIndex<Value>]) {
        edges = self.edges()
        progress?(.edges, 0, edges.count)
        edges = sortedByFiltration(edges)
        var components = UnionFind(count: vertexCount)
        var apparent = apparentPairs()
        // With several threads every edge is decoded and checked at once beforehand; else as
        // met, and only the edges that close a cycle are checked.
        let facts = threads > 1 ? edgeFacts(edges) : nil
        let endpoints = scratch
        columns.removeAll()
        for (position, edge) in edges.enumerated() {
            if position & 0xFFF == 0 { progress?(.edges, position, edges.count) }
            if let facts {
                endpoints[0] = Int(facts[position].u)
                endpoints[1] = Int(facts[position].v)
            } else {
                binomial.vertices(of: edge.index, dimension: 1, into: endpoints)
            }
            if components.union(endpoints[0], endpoints[1]) {
                if edge.diameter > 0 { bars[0].append((0, edge.diameter)) }
            } else if maxDimension > 0,
                      !(facts?[position].isApparent
                        ?? (apparent.apparentCofacet(of: DiameterEntry(diameter: edge.diameter, index: edge.index, coefficient: 1),
                                                     dimension: 1, vertices: endpoints) != nil)) {
                columns.append(edge)
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
