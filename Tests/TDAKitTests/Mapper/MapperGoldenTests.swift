import Testing
@testable import TDAKit

/// A KeplerMapper + scikit-learn DBSCAN graph written by scripts/references/mapper_fixtures.py.
struct GraphFixture: Decodable {
    let source: String
    let name: String
    let points: [[Double]]
    let lens: [[Double]]
    let intervals: Int
    let overlap: Double
    let eps: Double
    let minSamples: Int
    let minIntersection: Int
    let nodes: [String: [Int]]
    let links: [[String]]
    let labels: [Int]?

    var space: MetricSpace { .points(Matrix(rowArrays: points), .euclidean) }
}

let graphFixtureNames = ["circles", "blobs", "relu_a", "relu_b", "relu_c", "relu_pca2", "boundary",
                         "boundary_tight", "gap", "single", "nooverlap"]

func loadGraphFixture(_ name: String) throws -> GraphFixture {
    try Fixtures.decode(GraphFixture.self, "mapper/graph_\(name).json")
}

@Suite("Mapper golden graphs vs KeplerMapper + sklearn DBSCAN")
struct MapperGoldenTests {
    @Test(arguments: graphFixtureNames)
    func identicalNodesAndLinks(name: String) throws {
        let f = try loadGraphFixture(name)
        #expect(f.source.contains("kmapper"))
        let mapper = Mapper(cover: try UniformCover(intervals: f.intervals, overlap: f.overlap),
                            clusterer: try DBSCAN(eps: f.eps, minSamples: f.minSamples),
                            nerve: Nerve(minIntersection: f.minIntersection))
        let graph = try mapper.graph(space: f.space, lens: Matrix(rowArrays: f.lens))
        // Node ids and member sets exactly (no tolerance: cube membership follows KeplerMapper's
        // arithmetic step for step, and the fixtures keep pair distances away from eps).
        let ours = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0.members) })
        #expect(ours == f.nodes)
        // Links exactly, in KeplerMapper's order.
        let links = graph.links.map { [graph.nodes[$0.0].id, graph.nodes[$0.1].id] }
        #expect(links == f.links)
        // Node order is KeplerMapper's: by cube, then cluster label.
        let keys = graph.nodes.map { [$0.cube, $0.cluster] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }
}

/// DBSCAN labels written by scripts/references/mapper_fixtures.py.
struct DBSCANFixture: Decodable {
    struct Case: Decodable {
        let points: [[Double]]
        let eps: Double
        let minSamples: Int
        let metric: String
        let labels: [Int]
    }
    let source: String
    let cases: [Case]
}

@Suite("DBSCAN vs scikit-learn")
struct DBSCANGoldenTests {
    @Test func sameLabelsAsSklearn() throws {
        let f = try Fixtures.decode(DBSCANFixture.self, "mapper/dbscan.json")
        #expect(f.cases.count == 8)
        for c in f.cases {
            let metric = try #require(Metric(rawValue: c.metric))
            let dbscan = try DBSCAN(eps: c.eps, minSamples: c.minSamples)
            let labels = dbscan.labels(space: .points(Matrix(rowArrays: c.points), metric),
                                       members: Array(c.points.indices))
            // Exact: same core/border rule and same cluster numbering as sklearn.
            #expect(labels == c.labels, "eps \(c.eps) min_samples \(c.minSamples) \(c.metric)")
        }
    }

    @Test func precomputedDistancesGiveTheSameLabels() throws {
        let f = try Fixtures.decode(DBSCANFixture.self, "mapper/dbscan.json")
        let c = f.cases[0]
        let space = MetricSpace.points(Matrix(rowArrays: c.points), .euclidean)
        var d = Matrix<Double>(rows: space.count, cols: space.count)
        for i in 0..<space.count { for j in 0..<space.count { d[i, j] = space.distance(i, j) } }
        let dbscan = try DBSCAN(eps: c.eps, minSamples: c.minSamples)
        #expect(dbscan.labels(space: .distances(d), members: Array(0..<space.count)) == c.labels)
    }
}

/// KeplerMapper with `precomputed=True` and DBSCAN(metric="precomputed").
struct PrecomputedFixture: Decodable {
    let source: String
    let distances: [[Double]]
    let lens: [[Double]]
    let intervals: Int
    let overlap: Double
    let eps: Double
    let minSamples: Int
    let nodes: [String: [Int]]
    let links: [[String]]
}

@Suite("Mapper on a distance matrix vs KeplerMapper precomputed")
struct MapperPrecomputedTests {
    @Test func identicalNodesAndLinks() throws {
        let f = try Fixtures.decode(PrecomputedFixture.self, "mapper/graph_precomputed.json")
        let space = MetricSpace.distances(Matrix(rowArrays: f.distances))
        let graph = try Mapper(cover: UniformCover(intervals: f.intervals, overlap: f.overlap),
                               clusterer: DBSCAN(eps: f.eps, minSamples: f.minSamples))
            .graph(space: space, lens: Matrix(rowArrays: f.lens))
        #expect(Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0.members) }) == f.nodes)
        #expect(graph.links.map { [graph.nodes[$0.0].id, graph.nodes[$0.1].id] } == f.links)
        // The eccentricity lens of the distance matrix is KeplerMapper's lens (mean distance);
        // 1e-12 relative covers the summation order.
        let ours = try EccentricityLens().values(space).storage
        #expect(zip(ours, f.lens.map { $0[0] }).allSatisfy { abs($0 - $1) <= 1e-12 * $1 })
    }
}
