import Testing
@testable import TDAKit

/// Rank correlations against scipy 1.17, special functions against scipy.special.
struct StatisticsTests {
    struct Case: Decodable { var x: [Double], y: [Double], kendall: Double, spearman: Double, ranks: [Double] }
    struct Beta: Decodable { var x: Double, a: Double, b: Double, value: Double }
    struct Student: Decodable { var t: Double, df: Double, p: Double }
    struct Fixture: Decodable { var cases: [Case], betainc: [Beta], student: [Student] }

    @Test func rankCorrelationsMatchScipy() throws {
        let f = try Fixtures.decode(Fixture.self, "regression/correlation.json")
        for c in f.cases {
            #expect(RankCorrelation.averageRanks(c.x) == c.ranks)
            // 1e-12: the same formula, summed in a different order.
            #expect(abs(RankCorrelation.kendallTau(c.x, c.y) - c.kendall) < 1e-12)
            #expect(abs(RankCorrelation.spearmanRho(c.x, c.y) - c.spearman) < 1e-12)
        }
        #expect(RankCorrelation.kendallTau([1, 1, 1], [1, 2, 3]).isNaN)
    }

    @Test func incompleteBetaAndStudentTMatchScipy() throws {
        let f = try Fixtures.decode(Fixture.self, "regression/correlation.json")
        for b in f.betainc {
            let value = SpecialFunctions.regularizedIncompleteBeta(b.x, a: b.a, b: b.b)
            #expect(abs(value - b.value) <= 1e-12 * b.value, "I_\(b.x)(\(b.a), \(b.b))")
        }
        for s in f.student {
            let p = SpecialFunctions.studentTTwoSidedP(s.t, degreesOfFreedom: s.df)
            #expect(abs(p - s.p) <= 1e-11 * s.p, "t=\(s.t) df=\(s.df)")
        }
    }

    @Test func summaryStatisticsFollowNumpy() {
        #expect(Statistics.populationStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) == 2)
        #expect(Statistics.median([3, 1, 2, 10]) == 2.5)
        #expect(Statistics.median([3, 1, 2]) == 2)
        #expect(Statistics.mean([]) == 0)
    }
}
