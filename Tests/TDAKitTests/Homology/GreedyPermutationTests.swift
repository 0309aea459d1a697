import Testing
@testable import TDAKit

/// One ripser.py `ripser(points, maxdim=1, n_perm=N)` run, recorded by
/// scripts/references/nperm_fixtures.py.
struct GreedyCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let n_perm: Int
    let points: [[Double]]
    let idx_perm: [Int]
    let r_cover: Double
    let diagrams: [[[Double?]]]

    var description: String { name }
    var cloud: Matrix<Double> { Matrix(rowArrays: points) }
    var expected: [[PersistencePair]] {
        diagrams.map { bars in bars.map { PersistencePair(birth: $0[0] ?? .nan, death: $0[1] ?? .infinity) } }
    }

    static func all() throws -> [GreedyCase] {
        struct File: Decodable { let source: String; let cases: [GreedyCase] }
        return try Fixtures.decode(File.self, "homology/nperm.json").cases
    }
}

/// Farthest-point subsampling (`--n-perm`) against ripser.py's `n_perm`.
@Suite struct GreedyPermutationTests {
    /// The same points in the same order. The radius: ripser.py's distances come from
    /// scikit-learn's |x|² + |y|² − 2x·y in float64, ours from the plain coordinate loop, so
    /// they differ by rounding (~1e-15 here); 1e-9 relative leaves room without hiding a wrong
    /// point, whose radius would differ in the first digits. The diagrams: the subsample's
    /// float32 filtration, within one float32 rounding step doubled, as the golden Rips tests.
    @Test(arguments: try GreedyCase.all())
    func matchesRipserNPerm(_ fixture: GreedyCase) throws {
        let rows = try RipsMetrics.named("euclidean").rows(fixture.cloud)
        let permutation = GreedyPermutation(rows, keep: fixture.n_perm)
        #expect(permutation.indices == fixture.idx_perm)
        #expect(abs(permutation.coverRadius - fixture.r_cover) <= 1e-9 * max(fixture.r_cover, 1e-300))
        let subsample = fixture.cloud.rows(at: permutation.indices)
        let result = try RipsPersistence.compute(points: subsample, options: RipsOptions(maxDimension: 1))
        expectBarsClose(result.diagram.dimensions, fixture.expected, relative: 2.4e-7, fixture.name)
    }

    /// A distance matrix and the cloud it came from give the same order and radius.
    @Test func distanceMatrixAgreesWithCloud() throws {
        let cloud = try #require(try GreedyCase.all().first).cloud
        let matrix = try RipsMetrics.distances(cloud, metric: "euclidean")
        let fromMatrix = GreedyPermutation(matrix, keep: 30)
        let fromRows = GreedyPermutation(try RipsMetrics.named("euclidean").rows(cloud), keep: 30)
        #expect(fromMatrix == fromRows)
        // The radius is the largest distance to the nearest chosen point.
        let radius = (0..<cloud.rows).map { i in fromMatrix.indices.map { matrix[i, $0] }.min() ?? 0 }.max()
        #expect(radius == fromMatrix.coverRadius)
    }

    /// Rows split across threads give the same order; ties go to the first point (numpy's argmax).
    @Test func threadsAndTies() throws {
        var rng = SplitMix(7)
        let cloud = Matrix(rows: 30_000, cols: 3, storage: (0..<90_000).map { _ in Double.random(in: 0..<1, using: &rng) })
        for metric in ["euclidean", "abs-correlation"] {
            let rows = try RipsMetrics.named(metric).rows(cloud)
            #expect(GreedyPermutation(rows, keep: 25, threads: 1) == GreedyPermutation(rows, keep: 25, threads: 2))
        }
        // Four corners of a square from (0,0): (1,1) is farthest; then (1,0) and (0,1) tie at 1.
        let square = Matrix(rowArrays: [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]])
        let order = GreedyPermutation(try RipsMetrics.named("euclidean").rows(square), keep: 4)
        #expect(order.indices == [0, 2, 1, 3] && order.coverRadius == 0)
        #expect(GreedyPermutation(try RipsMetrics.named("euclidean").rows(square), keep: 9).indices == [0, 1, 2, 3, 4])
    }
}
