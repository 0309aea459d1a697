/// The persistence pairing of a lower-star graph filtration as TOGL (Horn et al., 2022) uses it
/// in a network: every point named by the vertices whose values are its coordinates, so the
/// gradient of a birth or death is 1 at that vertex and 0 elsewhere.
///
/// Dimension 0 gives one point per vertex v, born at f(v): a vertex that Kruskal's union–find
/// merges into an older component (elder rule) dies at the higher end of the merging edge
/// (zero-persistence points are kept); a component's oldest vertex dies at the higher end of
/// the last edge. Dimension 1 gives one point per cycle-closing edge, born at its higher end and
/// dying, as in TOGL, at that same last edge: not extended persistence (`GraphPersistence`).
///
/// Ties follow a fixed order: an edge's higher end is its later vertex when both values are
/// equal (as `GraphPersistence.lowerStar`), edges of equal value enter in their order in
/// `Graph.edges`, and of two components born at the same value the one of the lower vertex is older.
public struct VertexPairing: Sendable, Equatable {
    /// For each vertex, the vertex whose value is the death of the point it was born with.
    public var deathVertex: [Int]
    /// The cycle-closing edges (indices into `Graph.edges`) in the order they enter, with
    /// their birth and death vertices.
    public var cycles: [Cycle]
    /// The oldest vertex of each component (the one born first, elder rule).
    public var roots: Set<Int>

    public struct Cycle: Sendable, Equatable {
        public var edge: Int
        public var birthVertex: Int
        public var deathVertex: Int
    }

    public init(_ graph: Graph, _ f: [Double]) {
        let n = graph.vertexCount
        let order = (0..<n).sorted { f[$0] < f[$1] || (f[$0] == f[$1] && $0 < $1) }
        var rank = [Int](repeating: 0, count: n)
        for (r, v) in order.enumerated() { rank[v] = r }
        let high = graph.edges.map { f[$0.0] > f[$0.1] ? $0.0 : $0.1 }
        let entering = graph.edges.indices.sorted { f[high[$0]] < f[high[$1]] || (f[high[$0]] == f[high[$1]] && $0 < $1) }
        let last = entering.last.map { high[$0] }
        // Union–find on ranks: the smaller root wins, so the older component survives.
        var components = UnionFind(count: n)
        deathVertex = Array(0..<n)
        var closing: [Int] = []
        for e in entering {
            let (a, b) = graph.edges[e]
            let ra = components.find(rank[a]), rb = components.find(rank[b])
            if ra == rb {
                closing.append(e)
            } else {
                deathVertex[order[max(ra, rb)]] = high[e]
                components.union(ra, rb)
            }
        }
        roots = Set((0..<n).filter { components.find($0) == $0 }.map { order[$0] })
        if let last { for v in roots { deathVertex[v] = last } }
        cycles = closing.map { Cycle(edge: $0, birthVertex: high[$0], deathVertex: last!) }
    }
}
