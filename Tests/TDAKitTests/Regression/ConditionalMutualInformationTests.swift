import Testing
@testable import TDAKit

/// The PGDL score against a Python rewrite of the competition's scoring procedure
/// (scripts/references/regression_fixtures.py) on a full 3 × 2 × 2 grid with two seeds each.
struct ConditionalMutualInformationTests {
    struct Case: Decodable { var measure: [Double], gap: [Double], hparams: [String: [String]], score: Double }
    struct Fixture: Decodable { var cases: [Case] }

    @Test func matchesTheScoringProcedure() throws {
        for c in try Fixtures.decode(Fixture.self, "regression/cmi.json").cases {
            let hyperparameters = ["lr", "depth", "wd"].compactMap { c.hparams[$0] }
            let score = ConditionalMutualInformation.score(measure: c.measure, gap: c.gap, hyperparameters: hyperparameters)
            // 1e-9: the scoring program adds 1e-12 inside log₂, we use 0 · log 0 = 0.
            #expect(abs(score - c.score) <= 1e-9, "\(score) vs \(c.score)")
        }
    }

    @Test func aPerfectMeasureScoresOneAndAConstantOneZero() {
        let gap: [Double] = [0.1, 0.3, 0.2, 0.5, 0.4, 0.6]
        let labels = [["a", "a", "a", "b", "b", "b"], ["x", "y", "x", "y", "x", "y"]]
        #expect(abs(ConditionalMutualInformation.score(measure: gap, gap: gap, hyperparameters: labels) - 1) < 1e-12)
        let constant = [Double](repeating: 1, count: 6)
        #expect(ConditionalMutualInformation.score(measure: constant, gap: gap, hyperparameters: labels) == 0)
    }
}
