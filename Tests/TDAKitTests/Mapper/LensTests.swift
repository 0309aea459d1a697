import Testing
@testable import TDAKit

/// Lens values from numpy / scikit-learn (scripts/references/mapper_fixtures.py).
struct LensFixture: Decodable {
    let source: String
    let points: [[Double]]
    let l2norm, mean, sum, coord2, pca1, pca2, knn5, eccentricity, density: [Double]
    let densityBandwidth: Double
    let wide: [Wide]

    struct Wide: Decodable {
        let points: [[Double]]
        let l2norm, sum, mean: [Double]
    }
}

@Suite("Mapper lenses vs numpy / scikit-learn")
struct LensTests {
    let fixture: LensFixture
    let space: MetricSpace

    init() throws {
        fixture = try Fixtures.decode(LensFixture.self, "mapper/lenses.json")
        space = .points(Matrix(rowArrays: fixture.points), .euclidean)
    }

    func lens(_ spec: String) throws -> [Double] {
        try LensRegistry.make(spec, bandwidth: fixture.densityBandwidth).values(space).storage
    }

    /// Relative agreement: summation order differs from numpy's pairwise sums, so values may
    /// differ in the last bits; 1e-12 of the scale is far below any cover width.
    func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-12) -> Bool {
        let scale = b.map(abs).max() ?? 1
        return a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(scale, 1) }
    }

    /// Bit for bit: these lenses add in numpy's pairwise order (`numpySum`).
    @Test func pointwiseLenses() throws {
        #expect(try lens("l2norm") == fixture.l2norm)
        #expect(try lens("mean") == fixture.mean)
        #expect(try lens("sum") == fixture.sum)
        #expect(try lens("coord:2") == fixture.coord2)
    }

    /// Rows of 9, 64, 129 and 300 values take every branch of numpy's pairwise summation.
    @Test func wideRowsMatchNumpyBitForBit() throws {
        #expect(fixture.wide.map { $0.points[0].count } == [9, 64, 129, 300])
        for w in fixture.wide {
            let space = MetricSpace.points(Matrix(rowArrays: w.points), .euclidean)
            #expect(try PointwiseLens.l2norm.values(space).storage == w.l2norm)
            #expect(try PointwiseLens.sum.values(space).storage == w.sum)
            #expect(try PointwiseLens.mean.values(space).storage == w.mean)
        }
    }

    @Test func distanceLenses() throws {
        #expect(close(try lens("knn-distance:5"), fixture.knn5))
        #expect(close(try lens("eccentricity"), fixture.eccentricity))
        #expect(close(try lens("density"), fixture.density))
    }

    /// PCA by power iteration converges to 1e-13 in direction; 1e-9 relative leaves room for
    /// LAPACK's SVD rounding on the sklearn side.
    @Test func pcaMatchesSklearnIncludingSign() throws {
        #expect(close(try lens("pca:1"), fixture.pca1, 1e-9))
        let two = try LensRegistry.make("pca:2").values(space)
        #expect(close((0..<two.rows).map { two[$0, 0] }, fixture.pca1, 1e-9))
        #expect(close((0..<two.rows).map { two[$0, 1] }, fixture.pca2, 1e-9))
    }

    @Test func badSpecsThrow() {
        #expect(throws: MapperError.self) { try LensRegistry.make("nope") }
        #expect(throws: MapperError.self) { try LensRegistry.make("pca:3") }
        #expect(throws: MapperError.self) { try LensRegistry.make("coord") }
        #expect(throws: MapperError.self) { try LensRegistry.make("coord:99").values(space) }
        #expect(throws: MapperError.self) { try LensRegistry.make("l2norm").values(.distances(Matrix(rows: 2, cols: 2))) }
        #expect(throws: MapperError.self) { try LensRegistry.make("density", bandwidth: 0) }
    }
}
