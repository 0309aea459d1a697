import Testing
@testable import TDAKit

/// OLS and ridge against scikit-learn 1.9 (scripts/references/regression_fixtures.py).
struct LinearModelTests {
    struct Case: Decodable {
        var design: String
        var model: String
        var coefficients: [Double]
        var intercept: Double
        var predictions: [Double]
    }
    struct Scores: Decodable {
        var r2: Double, mae: Double, rmse: Double, kendall: Double, spearman: Double
    }
    struct TTest: Decodable {
        var folds: [Fold]
        var differences: [[Double]]
        var t: Double
        var p: Double
    }
    struct Fixture: Decodable {
        var x: [[Double]]
        var deficient: [[Double]]
        var y: [Double]
        var alphas: [String: Double]
        var cases: [Case]
        var folds: [Fold]
        var cv: [String: [Scores]]
        var ttest: TTest
    }

    static let fixture = Result { try Fixtures.decode(Fixture.self, "regression/linear.json") }

    func kind(_ name: String, _ f: Fixture) -> LinearModelKind {
        switch name {
        case "ols": return .ordinaryLeastSquares
        case "ridge": return .ridge(alpha: f.alphas["ridge"] ?? .nan, standardize: false)
        default: return .ridge(alpha: f.alphas["ridge_standardized"] ?? .nan, standardize: true)
        }
    }

    /// |a − b| ≤ tolerance · max(1, |b|): relative for large values, absolute near 0 (coefficients
    /// that are 0 in exact arithmetic come out as rounding noise in both libraries).
    func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-9) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test func coefficientsMatchScikitLearn() throws {
        let f = try Self.fixture.get()
        for c in f.cases {
            let x = Matrix(rowArrays: c.design == "full" ? f.x : f.deficient)
            let model = try kind(c.model, f).fit(x, f.y)
            #expect(close(model.coefficients, c.coefficients), "\(c.design) \(c.model)")
            #expect(close([model.intercept], [c.intercept]), "\(c.design) \(c.model)")
            #expect(close(model.predict(x), c.predictions), "\(c.design) \(c.model)")
            if c.design == "deficient" && c.model == "ols" { #expect(model.rank == 3) }
            if c.design == "full" { #expect(model.rank == 5) }
        }
    }

    @Test func residualsAreOrthogonalToFeatures() throws {
        let f = try Self.fixture.get()
        let x = Matrix(rowArrays: f.x)
        let model = try LinearModelKind.ordinaryLeastSquares.fit(x, f.y)
        let residuals = zip(f.y, model.predict(x)).map { $0 - $1 }
        #expect(abs(residuals.reduce(0, +)) < 1e-10)
        for j in 0..<x.cols {
            #expect(abs((0..<x.rows).reduce(0.0) { $0 + residuals[$1] * x[$1, j] }) < 1e-8)
        }
    }

    @Test func crossValidationScoresMatchScikitLearnOnTheSameFolds() throws {
        let f = try Self.fixture.get()
        let x = Matrix(rowArrays: f.x)
        for (name, expected) in f.cv {
            let report = try CrossValidationReport(kind: kind(name, f), x: x, y: f.y, folds: f.folds)
            #expect(close(report.folds.map(\.r2), expected.map(\.r2)), "\(name)")
            #expect(close(report.folds.map(\.meanAbsoluteError), expected.map(\.mae)), "\(name)")
            #expect(close(report.folds.map(\.rootMeanSquaredError), expected.map(\.rmse)), "\(name)")
            #expect(close(report.folds.map(\.kendallTau), expected.map(\.kendall), 1e-12), "\(name)")
            #expect(close(report.folds.map(\.spearmanRho), expected.map(\.spearman), 1e-12), "\(name)")
            #expect(abs(report.r2.mean - Statistics.mean(expected.map(\.r2))) < 1e-9)
        }
    }

    @Test func fiveByTwoTestMatchesTheFormulaAndScipy() throws {
        let f = try Self.fixture.get()
        let x = Matrix(rowArrays: f.x)
        let xb = Matrix(rowArrays: f.x.map { Array($0.prefix(2)) })
        let a = try CrossValidationReport(kind: .ordinaryLeastSquares, x: x, y: f.y, folds: f.ttest.folds)
        let b = try CrossValidationReport(kind: .ordinaryLeastSquares, x: xb, y: f.y, folds: f.ttest.folds)
        let differences = (0..<5).map { i in (0..<2).map { j in a.folds[2 * i + j].r2 - b.folds[2 * i + j].r2 } }
        #expect(close(differences.flatMap { $0 }, f.ttest.differences.flatMap { $0 }))
        let test = try FiveByTwoTTest(differences: differences)
        #expect(close([test.t], [f.ttest.t]))
        #expect(abs(test.p - f.ttest.p) <= 1e-9 * f.ttest.p)
        #expect(test.degreesOfFreedom == 5)
    }

    @Test func badInputsAreRejected() throws {
        let x = Matrix(rowArrays: [[1, 2], [3, 4], [5, 7]])
        #expect(throws: RegressionError.tooFewRecords(records: 2, features: 2)) {
            try LinearModelKind.ordinaryLeastSquares.fit(Matrix(rowArrays: [[1, 2], [3, 4]]), [1, 2])
        }
        #expect(throws: RegressionError.constantTarget) { try LinearModelKind.ordinaryLeastSquares.fit(x, [2, 2, 2]) }
        #expect(throws: RegressionError.nonFinite(row: 1, column: 0)) {
            try LinearModelKind.ordinaryLeastSquares.fit(Matrix(rowArrays: [[1, 2], [.nan, 4], [5, 7]]), [1, 2, 3])
        }
        #expect(throws: RegressionError.nonFiniteTarget(row: 2)) {
            try LinearModelKind.ordinaryLeastSquares.fit(x, [1, 2, .infinity])
        }
        #expect(throws: RegressionError.self) { try FiveByTwoTTest(differences: [[1, 2]]) }
    }
}
