import Testing
@testable import TDAKit

/// Ordinary and extended persistence against gudhi on every graph of networkx's atlas and on
/// the shipped MUTAG set.
@Suite struct GraphPersistenceGoldenTests {
    /// Whole-number functions (degree, ties) must match exactly: the fixture rounds gudhi's
    /// values to 10 digits, which undoes the rounding of its rescaling to [-2,-1] ∪ [1,2] and
    /// back. Heat kernel signatures are ours against numpy's eigh, and gudhi rescales them, so
    /// they agree to 1e-9 (values are in (0, 1]; the eigensolvers agree to ~1e-15, the fixture's
    /// 10 digits to 5e-11).
    static func tolerance(_ function: String) -> Double { function.hasPrefix("hks") ? 1e-9 : 0 }

    @Test func fixtureHasTheWholeAtlas() {
        #expect(GraphFixtures.atlas.count == 1253)
        #expect(GraphFixtures.atlas.last?.n == 7)
    }

    @Test(arguments: GraphFixtures.functions)
    func atlasMatchesGudhi(_ function: String) throws {
        let failures = GraphFixtures.atlas.filter { atlas in
            guard let expected = atlas.diagrams[function] else { return true }
            return !GraphFixtures.matches(atlas.graph, atlas.function(function), expected, tolerance: Self.tolerance(function))
        }
        #expect(failures.isEmpty, "atlas graphs whose diagrams differ under \(function): \(failures.prefix(20).map(\.g))")
    }

    /// The shipped MUTAG set, under PersLay's filtration and the degree.
    @Test(arguments: ["degree", "hks:10"])
    func mutagMatchesGudhi(_ function: String) throws {
        let shipped = GraphSet.mutag.graphs
        try #require(GraphFixtures.mutag.count == 188 && shipped.count == 188)
        for (fixture, graph) in zip(GraphFixtures.mutag, shipped) {
            #expect(graph.id == "MUTAG/\(fixture.g)" && graph.graph.vertexCount == fixture.n)
            let f = try #require(VertexFiltration(function)).values(graph.graph)
            let expected = try #require(fixture.diagrams[function])
            #expect(GraphFixtures.matches(graph.graph, f, expected, tolerance: Self.tolerance(function)), "MUTAG/\(fixture.g)")
        }
    }

    /// Every point's coordinates are the function's values at its two vertices (what gradients
    /// through the filtration use), in the same order.
    @Test(arguments: GraphFixtures.functions)
    func pairsNameTheVerticesOfEachPoint(_ function: String) {
        for atlas in GraphFixtures.atlas {
            let f = atlas.function(function)
            let all = GraphPersistence.extended(atlas.graph, f).named.flatMap(\.1) + GraphPersistence.ordinary(atlas.graph, f).joined()
            let bad = all.filter { p in
                f[p.birthVertex] != p.birth || (p.deathVertex.map { f[$0] != p.death } ?? p.death.isFinite)
            }
            #expect(bad.isEmpty, "graph \(atlas.g)")
        }
    }
}
