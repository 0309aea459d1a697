import Foundation
import Testing
@testable import TDAKit

/// One gudhi sparse-Rips run recorded by scripts/references/approx_fixtures.py.
struct ApproxCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let epsilon: Double
    let points: [[Double]]
    /// Finite bars of H0 and H1, gudhi's float64 values.
    let diagrams: [[[Double]]]
    /// Infinite bars per dimension.
    let infinite: [Int]

    var description: String { name }
}

struct ApproxFixtureFile: Decodable {
    let source: String
    let cases: [ApproxCase]
}

struct ApproxRipsTests {
    static func cases() throws -> [ApproxCase] { try Fixtures.decode(ApproxFixtureFile.self, "homology/approx.json").cases }

    /// Same bars as gudhi. Tolerance 2.4e-7 relative, as the ripser.py golden tests: every
    /// filtration value is gudhi's float64 edge value (d or 2(d − λ/ε)) rounded once to float32
    /// (≤ 6e-8 relative), plus the last bits of the distance itself.
    @Test(arguments: try cases())
    func matchesGudhi(_ fixture: ApproxCase) throws {
        let result = try RipsPersistence.computeApproximate(points: Matrix(rowArrays: fixture.points), epsilon: fixture.epsilon)
        let finite = result.diagram.dimensions.map { $0.filter { $0.death.isFinite } }
        let expected = fixture.diagrams.map { $0.map { PersistencePair(birth: $0[0], death: $0[1]) } }
        expectBarsClose(finite, expected, relative: 2.4e-7, fixture.name)
        #expect(result.diagram.dimensions.map { $0.filter { !$0.death.isFinite }.count } == fixture.infinite, "\(fixture.name)")
    }

    /// gudhi documents a (1, 1/(1 − ε)) multiplicative interleaving: on a log scale the
    /// approximate and exact diagrams are within log(1/(1 − ε)) in bottleneck distance (plus
    /// float32 rounding). Bars born at 0 (H0) are compared by death alone for the same reason.
    @Test(arguments: [0.2, 0.5, 0.8])
    func interleavedWithExact(_ epsilon: Double) throws {
        var rng = SplitMix(41)
        let points = Matrix(rows: 80, cols: 3, storage: (0..<240).map { _ in Double.random(in: -1...1, using: &rng) })
        let options = RipsOptions(maxDimension: 1, threshold: .infinity)
        let exact = try RipsPersistence.compute(points: points, options: options)
        let approximate = try RipsPersistence.computeApproximate(points: points, epsilon: epsilon)
        let bound = log(1 / (1 - epsilon)) + 1e-6
        for dimension in 0...1 {
            let logScaled = { (bars: [PersistencePair]) in
                bars.filter { $0.death.isFinite }.map { PersistencePair(birth: log(max($0.birth, 1e-300)), death: log($0.death)) }
            }
            let a = logScaled(approximate.diagram.dimensions[dimension]), b = logScaled(exact.diagram.dimensions[dimension])
            if dimension == 0 {
                // All births are 0 (log −∞): match the sorted deaths one to one instead.
                let x = a.map(\.death).sorted(), y = b.map(\.death).sorted()
                #expect(x.count == y.count)
                for (u, v) in zip(x, y) { #expect(abs(u - v) <= bound, "H0 death, ε = \(epsilon)") }
            } else {
                #expect(BottleneckDistance.distance(a, b) <= bound, "H1, ε = \(epsilon)")
            }
        }
    }

    @Test func refusesEpsilonOutsideTheOpenInterval() {
        let points = Matrix(rowArrays: [[0.0], [1.0], [3.0]])
        for epsilon in [0.0, 1.0, -1.0, .nan] {
            #expect(throws: RipsError.self) { try RipsPersistence.computeApproximate(points: points, epsilon: epsilon) }
        }
    }

    @Test func sameForAnyThreadCount() throws {
        var rng = SplitMix(7)
        let points = Matrix(rows: 300, cols: 3, storage: (0..<900).map { _ in Double.random(in: 0...1, using: &rng) })
        var one = RipsOptions(maxDimension: 2), two = one
        one.threads = 1
        two.threads = 2
        two.reductionWindow = 3
        #expect(try RipsPersistence.computeApproximate(points: points, epsilon: 0.5, options: one).diagram
            == RipsPersistence.computeApproximate(points: points, epsilon: 0.5, options: two).diagram)
    }
}
