import Testing
@testable import TDAKit

/// Ordinary and extended persistence against gudhi on every graph of networkx's atlas.
@Suite struct GraphPersistenceGoldenTests {
    /// Whole-number functions (degree, ties) must match exactly: the fixture rounds gudhi's
    /// values to 10 digits, which undoes the rounding of its rescaling to [-2,-1] ∪ [1,2] and
    /// back. Heat kernel signatures are ours against numpy's eigh, and gudhi rescales them, so
    /// they agree to 1e-9 (values are in (0, 1]; the eigensolvers agree to ~1e-15, the fixture's
    /// 10 digits to 5e-11).
    static func tolerance(_ function: String) -> Double { function.hasPrefix("hks") ? 1e-9 : 0 }

    @Test func fixtureHasTheWholeAtlas() {
        #expect(AtlasFixtures.graphs.count == 1253)
        #expect(AtlasFixtures.graphs.last?.n == 7)
    }

    @Test(arguments: AtlasFixtures.functions)
    func extendedMatchesGudhi(_ function: String) throws {
        let tolerance = Self.tolerance(function)
        var failures: [Int] = []
        for atlas in AtlasFixtures.graphs {
            let expected = try #require(atlas.diagrams[function])
            let ours = GraphPersistence.extended(atlas.graph, atlas.function(function))
            let same = ours.named.enumerated().allSatisfy { k, named in
                sameDiagram(named.1.map { ($0.birth, $0.death) }, points(expected[2 + k]), tolerance: tolerance)
            }
            if !same { failures.append(atlas.g) }
        }
        #expect(failures.isEmpty, "atlas graphs whose extended diagrams differ under \(function): \(failures.prefix(20))")
    }

    @Test(arguments: AtlasFixtures.functions)
    func ordinaryMatchesGudhi(_ function: String) throws {
        let tolerance = Self.tolerance(function)
        var failures: [Int] = []
        for atlas in AtlasFixtures.graphs {
            let expected = try #require(atlas.diagrams[function])
            let ours = GraphPersistence.ordinary(atlas.graph, atlas.function(function))
            let finite = ours[0].filter { $0.death.isFinite }.map { ($0.birth, $0.death) }
            let same = sameDiagram(finite, points(expected[2]), tolerance: tolerance)
                && sameValues(ours[0].filter { !$0.death.isFinite }.map(\.birth), expected[0], tolerance: tolerance)
                && sameValues(ours[1].map(\.birth), expected[1], tolerance: tolerance)
                && ours[1].allSatisfy { !$0.death.isFinite && $0.deathVertex == nil }
            if !same { failures.append(atlas.g) }
        }
        #expect(failures.isEmpty, "atlas graphs whose ordinary diagrams differ under \(function): \(failures.prefix(20))")
    }

    /// Every point's coordinates are the function's values at its two vertices (what gradients
    /// through the filtration use), in the same order.
    @Test(arguments: AtlasFixtures.functions)
    func pairsNameTheVerticesOfEachPoint(_ function: String) {
        for atlas in AtlasFixtures.graphs {
            let f = atlas.function(function)
            let all = GraphPersistence.extended(atlas.graph, f).named.flatMap(\.1) + GraphPersistence.ordinary(atlas.graph, f).joined()
            let bad = all.filter { p in
                f[p.birthVertex] != p.birth || (p.deathVertex.map { f[$0] != p.death } ?? p.death.isFinite)
            }
            #expect(bad.isEmpty, "graph \(atlas.g)")
        }
    }
}
