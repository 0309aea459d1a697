import Testing
@testable import TDAKit

@Suite struct GraphFamilyTests {
    /// Components of a graph, by union–find.
    func components(_ graph: Graph) -> Int {
        var parent = Array(0..<graph.vertexCount)
        func root(_ v: Int) -> Int { var v = v; while parent[v] != v { v = parent[v] }; return v }
        var count = graph.vertexCount
        for (a, b) in graph.edges where root(a) != root(b) { parent[root(a)] = root(b); count -= 1 }
        return count
    }

    /// TOGL's CYCLES: every vertex on exactly one cycle; class 0 one n-cycle, class 1
    /// ⌊(n − C)/C⌋ C-cycles and one more.
    @Test(arguments: [3, 4])
    func cycles(_ c: Int) throws {
        let graphs = try GraphFamily("cycles:cycle=\(c)").graphs(count: 200, seed: 1)
        for g in graphs {
            let n = g.graph.vertexCount
            #expect((10...19).contains(n) && g.graph.degrees.allSatisfy { $0 == 2 } && g.features?.cols == 3)
            #expect(components(g.graph) == (g.y == .number(1) ? (n - c) / c + 1 : 1))
        }
        let ones = graphs.filter { $0.y == .number(1) }.count
        #expect(ones > 70 && ones < 130)
    }

    /// TOGL's NECKLACES: both classes have two independent cycles; class 1 has two triangles
    /// (vertices of degree 4 at ⌊L/3⌋ and ⌊2L/3⌋ whose chains close on themselves).
    @Test func necklaces() throws {
        for g in try GraphFamily("necklaces").graphs(count: 100, seed: 2) {
            let n = g.graph.vertexCount, edges = g.graph.edges
            #expect(components(g.graph) == 1 && edges.count - n + 1 == 2)
            let chain = n - 4, p = (n - 4) / 3
            let triangle = edges.contains { $0 == (p, chain) } && edges.contains { $0 == (p, chain + 1) }
            #expect(triangle == (g.y == .number(1)))
        }
    }

    @Test func randomFamiliesAndSeeds() throws {
        let er = try GraphFamily("erdos-renyi:n=40:p=0.25").graphs(count: 20, seed: 3)
        let density = Double(er.map(\.graph.edges.count).reduce(0, +)) / (20 * 780)
        #expect(abs(density - 0.25) < 0.03)
        #expect(try GraphFamily("erdos-renyi:p=0").graphs(count: 1, seed: 0)[0].graph.edges.isEmpty)
        let geometric = try GraphFamily("geometric:n=50:r=0.2").graphs(count: 1, seed: 4)[0]
        let x = try #require(geometric.features)
        for (a, b) in geometric.graph.edges {
            let d = ((x[a, 0] - x[b, 0]) * (x[a, 0] - x[b, 0]) + (x[a, 1] - x[b, 1]) * (x[a, 1] - x[b, 1])).squareRoot()
            #expect(d <= 0.2)
        }
        let same = try GraphFamily("necklaces").graphs(count: 5, seed: 9).map(\.record)
        #expect(same == (try GraphFamily("necklaces").graphs(count: 5, seed: 9).map(\.record)))
        #expect(same != (try GraphFamily("necklaces").graphs(count: 5, seed: 10).map(\.record)))
        #expect(same.map(\.id) == (0..<5).map { "necklaces/\($0)" })
    }

    @Test(arguments: ["foo", "cycles:cycle=9", "cycles:cycle=3.5", "erdos-renyi:p=2", "erdos-renyi:q=1", "geometric:r=-1", "cycles:x", "necklaces:n=3"])
    func badSpecsAreUsageErrors(_ spec: String) {
        #expect { try GraphFamily(spec) } throws: { ($0 as? ToolError)?.status == .usage }
    }
}
