import Testing
@testable import TDAKit

/// `--pca` against scikit-learn's PCA (fixture from scripts/references/plot_fixtures.py).
@Suite struct PrincipalComponentsTests {
    struct Golden: Decodable {
        let source: String
        let points: [[Double]]
        let components: [[Double]]
        let explained_variance_ratio: [Double]
        let projection: [[Double]]
    }

    /// Power iteration stops when a step moves the unit vector by < 1e-12 (L1); with the fixture's
    /// eigenvalue gaps that leaves loadings within ~1e-10 of LAPACK's, so 1e-8 is a safe bound,
    /// and projections (|x| < 10) within 1e-7.
    @Test func matchesScikitLearnIncludingSigns() throws {
        let golden = try Fixtures.decode(Golden.self, "plot/pca.json")
        #expect(golden.source.contains("scikit-learn"))
        let pca = PrincipalComponents(Matrix(rowArrays: golden.points))
        for (mine, theirs) in zip(pca.components, golden.components) {
            #expect(zip(mine, theirs).allSatisfy { abs($0 - $1) < 1e-8 }, "\(mine) vs \(theirs)")
        }
        #expect(zip(pca.explainedRatio, golden.explained_variance_ratio).allSatisfy { abs($0 - $1) < 1e-10 })
        for (i, row) in golden.projection.enumerated() {
            #expect(abs(pca.projection[i, 0] - row[0]) < 1e-7 && abs(pca.projection[i, 1] - row[1]) < 1e-7)
        }
    }
}
