import Testing
@testable import TDAKit

@Suite("Mapper covers, clusterers and nerve")
struct CoverAndClustererTests {
    /// A deterministic pseudo-random column of `n` values in [0, 1).
    func column(_ n: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<n).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    @Test func uniformCoverCoversEveryPointInOrder() throws {
        let lens = Matrix(rows: 500, cols: 1, storage: column(500, seed: 3))
        let elements = try UniformCover(intervals: 7, overlap: 0.3).elements(lens: lens)
        #expect(elements.count == 7)
        #expect(Set(elements.flatMap { $0 }).count == 500)
        for e in elements { #expect(e == e.sorted()) }
        // Neighbouring intervals overlap, others do not (overlap 0.3 < 0.5).
        for k in 0..<6 { #expect(!Set(elements[k]).isDisjoint(with: elements[k + 1])) }
        #expect(Set(elements[0]).isDisjoint(with: elements[2]))
    }

    /// The product cover holds a point exactly when each coordinate is in that dimension's
    /// interval; cubes are numbered with the last dimension fastest, empty ones dropped.
    @Test func productCoverIsTheProductOfTheIntervals() throws {
        let xs = column(300, seed: 5), ys = column(300, seed: 9)
        let lens = Matrix(rowArrays: zip(xs, ys).map { [$0, $1] })
        let cover = try UniformCover(intervals: 3, overlap: 0.2)
        let ix = cover.intervals(lo: xs.min()!, hi: xs.max()!), iy = cover.intervals(lo: ys.min()!, hi: ys.max()!)
        var expected: [[Int]] = []
        for a in 0..<3 { for b in 0..<3 {
            let members = (0..<300).filter { ix[a].contains(xs[$0]) && iy[b].contains(ys[$0]) }
            if !members.isEmpty { expected.append(members) }
        } }
        #expect(try cover.elements(lens: lens) == expected)
    }

    @Test func balancedCoverEqualisesCounts() throws {
        // A very skewed lens: uniform intervals would put almost everything in the first one.
        let lens = Matrix(rows: 400, cols: 1, storage: column(400, seed: 11).map { $0 * $0 * $0 * $0 })
        let elements = try BalancedCover(uniform: UniformCover(intervals: 4, overlap: 0)).elements(lens: lens)
        #expect(elements.map(\.count).allSatisfy { abs($0 - 100) <= 1 })
        let uniform = try UniformCover(intervals: 4, overlap: 0).elements(lens: lens)
        #expect(uniform[0].count > 200)
    }

    @Test func badCoversThrow() {
        #expect(throws: MapperError.badOverlap(1)) { try UniformCover(intervals: 3, overlap: 1) }
        #expect(throws: MapperError.badOverlap(-0.5)) { try UniformCover(intervals: 3, overlap: -0.5) }
        #expect(throws: MapperError.badIntervals(0)) { try UniformCover(intervals: 0, overlap: 0.1) }
        #expect(throws: MapperError.constantLens(dimension: 0)) {
            try UniformCover(intervals: 3, overlap: 0.1).elements(lens: Matrix(rows: 3, cols: 1, repeating: 2))
        }
        #expect(throws: MapperError.nonFinite(what: "lens value", row: 1)) {
            try UniformCover(intervals: 3, overlap: 0.1).elements(lens: Matrix(rows: 3, cols: 1, storage: [0, .nan, 1]))
        }
        #expect(throws: MapperError.badEps(0)) { try DBSCAN(eps: 0, minSamples: 3) }
    }

    @Test func singleLinkageSplitsAtTheGap() {
        // Two tight groups far apart, interleaved in index order.
        let values: [Double] = [0, 10, 0.1, 10.1, 0.2, 10.2, 0.3]
        let space = MetricSpace.points(Matrix(rows: 7, cols: 1, storage: values), .euclidean)
        #expect(SingleLinkage().labels(space: space, members: Array(0..<7)) == [0, 1, 0, 1, 0, 1, 0])
        // Evenly spaced points have no gap: one cluster.
        let even = MetricSpace.points(Matrix(rows: 6, cols: 1, storage: [0, 1, 2, 3, 4, 5]), .euclidean)
        #expect(SingleLinkage().labels(space: even, members: Array(0..<6)) == [0, 0, 0, 0, 0, 0])
        #expect(OneCluster().labels(space: space, members: [1, 4]) == [0, 0])
    }

    /// Kneedle on a known curve: x − ŷ is 0, .143, .286, .429, .571, .603, .413, 0.
    @Test func epsKneeRule() throws {
        #expect(EpsKnee.knee([1, 1, 1, 1, 1, 2, 5, 10]) == 5)
        #expect(EpsKnee.knee([3, 3, 3]) == 0)
        // Points 0, 1, 2, … 9 and 100: every 2-distance (self counted) is 1 but the outlier's.
        let x = Matrix(rows: 11, cols: 1, storage: (0..<10).map(Double.init) + [100])
        #expect(try EpsKnee.eps(space: .points(x, .euclidean), minSamples: 2) == 1)
    }

    /// Every listed simplex is a set of nodes sharing enough points, and every such triangle
    /// of the fixture graph is listed (brute force over all node triples).
    @Test func higherSimplicesAreTheCechNerve() throws {
        let f = try loadGraphFixture("relu_c")
        let graph = try Mapper(cover: UniformCover(intervals: f.intervals, overlap: f.overlap),
                               clusterer: DBSCAN(eps: f.eps, minSamples: f.minSamples),
                               nerve: Nerve(minIntersection: 1, maxSimplexDimension: 3))
            .graph(space: f.space, lens: Matrix(rowArrays: f.lens))
        let members = graph.nodes.map(\.members)
        var triangles: [[Int]] = []
        for a in members.indices { for b in (a + 1)..<members.count { for c in stride(from: b + 1, to: members.count, by: 1) {
            if !sortedIntersection(sortedIntersection(members[a], members[b]), members[c]).isEmpty { triangles.append([a, b, c]) }
        } } }
        #expect(!triangles.isEmpty)
        #expect(graph.simplices.filter { $0.count == 3 } == triangles)
        for s in graph.simplices {
            #expect(s == s.sorted() && s.count <= 4)
            #expect(!s.dropFirst().reduce(members[s[0]]) { sortedIntersection($0, members[$1]) }.isEmpty)
        }
    }

    @Test func resultDoesNotDependOnThreads() throws {
        let f = try loadGraphFixture("relu_b")
        func run(_ threads: Int) throws -> [[Int]] {
            try Mapper(cover: UniformCover(intervals: f.intervals, overlap: f.overlap),
                       clusterer: DBSCAN(eps: f.eps, minSamples: f.minSamples), threads: threads)
                .graph(space: f.space, lens: Matrix(rowArrays: f.lens)).nodes.map(\.members)
        }
        #expect(try run(1) == run(3))
    }
}
