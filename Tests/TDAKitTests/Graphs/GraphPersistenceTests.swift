import Testing
@testable import TDAKit

/// Small cases worked by hand, and the edge cases the atlas does not reach.
@Suite struct GraphPersistenceTests {
    func pairs(_ points: [GraphPersistencePoint]) -> [[Double]] { points.map { [$0.birth, $0.death] }.sorted { $0.lexicographicallyPrecedes($1) } }

    /// The house (square 0-1-2-3, roof 4 on 2–3), f = [0, 1, 3, 2, 4]: gudhi gives Ext0 (0, 4)
    /// and Ext1 (4, 2), (3, 0), written (2, 4), (0, 3).
    @Test func house() {
        let graph = Graph(vertexCount: 5, links: [(0, 1), (1, 2), (2, 3), (3, 0), (2, 4), (3, 4)])
        let extended = GraphPersistence.extended(graph, [0, 1, 3, 2, 4])
        #expect(extended.ord0.isEmpty && extended.rel1.isEmpty)
        #expect(pairs(extended.ext0) == [[0, 4]])
        #expect(pairs(extended.ext1) == [[0, 3], [2, 4]])
        #expect(extended.ext1.contains { $0.birthVertex == 0 && $0.deathVertex == 2 })
    }

    /// A disconnected graph: each component has its own Ext0 point and H0 essential class; an
    /// isolated vertex has none in the extended diagrams (zero persistence).
    @Test func componentsAreSeparate() {
        let graph = Graph(vertexCount: 5, links: [(0, 1), (2, 3)])
        let f: [Double] = [1, 5, 2, 3, 7]
        let extended = GraphPersistence.extended(graph, f)
        #expect(pairs(extended.ext0) == [[1, 5], [2, 3]])
        #expect(extended.ord0.isEmpty && extended.rel1.isEmpty && extended.ext1.isEmpty)
        let ordinary = GraphPersistence.ordinary(graph, f)
        #expect(pairs(ordinary[0]) == [[1, .infinity], [2, .infinity], [7, .infinity]])
        #expect(ordinary[1].isEmpty)
    }

    /// A V shape 0 – 2 – 1 with f = [0, 1, 2]: the younger minimum dies at the join (Ord0) and
    /// the two maxima of the superlevel sweep give nothing relative; the path's ends give Ext0.
    @Test func ord0AndRel1() {
        let v = Graph(vertexCount: 3, links: [(0, 2), (1, 2)])
        let up = GraphPersistence.extended(v, [0, 1, 2])
        #expect(pairs(up.ord0) == [[1, 2]])
        #expect(pairs(up.ext0) == [[0, 2]])
        // Upside down, the same shape has a relative class instead: Rel1 is Ord0 of −f.
        let down = GraphPersistence.extended(v, [0, -1, -2])
        #expect(down.ord0.isEmpty)
        #expect(pairs(down.rel1) == [[-2, -1]])
        #expect(pairs(down.ext0) == [[-2, 0]])
    }

    @Test func emptyAndConstant() {
        let empty = GraphPersistence.extended(Graph(vertexCount: 0, links: []), [])
        #expect(empty == ExtendedDiagrams())
        #expect(GraphPersistence.ordinary(Graph(vertexCount: 0, links: []), []).allSatisfy { $0.isEmpty })
        // All values equal: every extended point has zero persistence, as gudhi drops them.
        let triangle = Graph(vertexCount: 3, links: [(0, 1), (1, 2), (0, 2)])
        #expect(GraphPersistence.extended(triangle, [1, 1, 1]) == ExtendedDiagrams())
        #expect(GraphPersistence.ordinary(triangle, [1, 1, 1]).map(\.count) == [1, 1])
    }

    /// Counting check on random graphs: Ext1 has one point per independent cycle unless its
    /// persistence is zero, and H1's essential classes are exactly the independent cycles.
    @Test func cycleCounts() {
        var random = SplitMix(5)
        for _ in 0..<50 {
            let n = 3 + Int.random(in: 0..<20, using: &random)
            let links = (0..<(2 * n)).map { _ in (Int.random(in: 0..<n, using: &random), Int.random(in: 0..<n, using: &random)) }
            let graph = Graph(vertexCount: n, links: links)
            let f = (0..<n).map { _ in Double.random(in: 0..<1, using: &random) }
            var parent = Array(0..<n)
            func root(_ v: Int) -> Int { var v = v; while parent[v] != v { v = parent[v] }; return v }
            var components = n
            for (a, b) in graph.edges where root(a) != root(b) { parent[root(a)] = root(b); components -= 1 }
            let cycles = graph.edges.count - n + components
            #expect(GraphPersistence.ordinary(graph, f)[1].count == cycles)
            #expect(GraphPersistence.extended(graph, f).ext1.count == cycles)
            #expect(GraphPersistence.extended(graph, f).ext0.count == components - (0..<n).filter { v in !graph.edges.contains { $0.0 == v || $0.1 == v } }.count)
        }
    }
}
