import Testing
@testable import TDAKit

/// TOGL's vertex pairing: the published examples, and gudhi's diagrams (atlas fixture) as the
/// multisets of its nonzero points.
@Suite("Vertex pairing (TOGL)")
struct VertexPairingTests {
    /// (birth, death) values of the dimension-0 points, and of the cycle points.
    func values(_ graph: Graph, _ f: [Double]) -> (dim0: [[Double]], dim1: [[Double]]) {
        let p = VertexPairing(graph, f)
        return ((0..<graph.vertexCount).map { [f[$0], f[p.deathVertex[$0]]] }, p.cycles.map { [f[$0.birthVertex], f[$0.deathVertex]] })
    }

    @Test("TOGL's example: zero-persistence points kept, roots die at the last edge")
    func toglExample() {
        let graph = Graph(vertexCount: 5, links: [(0, 3), (2, 3), (3, 4), (4, 1)])
        let (dim0, dim1) = values(graph, [1, 1, 2, 3, 4])
        #expect(dim0.sorted { $0.lexicographicallyPrecedes($1) } == [[1, 4], [1, 4], [2, 3], [3, 3], [4, 4]])
        #expect(dim1.isEmpty)
    }

    @Test("the house graph: one point per cycle-closing edge, dying at the last edge")
    func house() {
        let graph = Graph(vertexCount: 5, links: [(0, 1), (1, 2), (2, 3), (3, 0), (2, 4), (3, 4)])
        let p = VertexPairing(graph, [0, 1, 3, 2, 4])
        #expect(values(graph, [0, 1, 3, 2, 4]).dim1 == [[3, 4], [4, 4]])
        #expect(p.cycles.map(\.edge) == [3, 5])
    }

    @Test("ties: the lower vertex's component is older; a graph without edges pairs each vertex with itself")
    func ties() {
        let p = VertexPairing(Graph(vertexCount: 2, links: [(0, 1)]), [2, 2])
        #expect(p.deathVertex == [1, 1])
        #expect(VertexPairing(Graph(vertexCount: 3, links: []), [3, 1, 2]).deathVertex == [0, 1, 2])
    }

    @Test("nonzero points equal gudhi's H0 and H1 on every atlas graph under 4 vertex functions")
    func atlasAgainstGudhi() throws {
        #expect(GraphFixtures.atlas.count > 1000)
        var compared = 0
        for fixture in GraphFixtures.atlas {
            let graph = fixture.graph
            for name in GraphFixtures.functions {
                let expected = try #require(fixture.diagrams[name])
                let f = fixture.function(name), p = VertexPairing(graph, f)
                let roots = Set((0..<graph.vertexCount).filter { isOldest($0, graph, f) })
                #expect(p.roots == roots)
                let finite = (0..<graph.vertexCount).filter { !roots.contains($0) }.map { (f[$0], f[p.deathVertex[$0]]) }
                #expect(sameDiagram(finite, points(expected[2]), tolerance: 1e-9), "graph \(fixture.g) \(name)")
                #expect(sameValues(roots.map { f[$0] }, expected[0], tolerance: 1e-9), "graph \(fixture.g) \(name) roots")
                #expect(sameValues(p.cycles.map { f[$0.birthVertex] }, expected[1], tolerance: 1e-9), "graph \(fixture.g) \(name) cycles")
                compared += 1
            }
        }
        #expect(compared > 4000)
    }

    /// True when `v` comes first, by (value, index), among the vertices of its component.
    func isOldest(_ v: Int, _ graph: Graph, _ f: [Double]) -> Bool {
        var seen: Set = [v], stack = [v]
        while let u = stack.popLast() {
            for (a, b) in graph.edges where a == u || b == u {
                let w = a == u ? b : a
                if seen.insert(w).inserted { stack.append(w) }
            }
        }
        return seen.allSatisfy { f[$0] > f[v] || (f[$0] == f[v] && $0 >= v) }
    }
}
