import Testing
@testable import TDAKit

/// Diagram distances against gudhi 3.13 (bottleneck with e=0, wasserstein on POT's exact emd,
/// sliced Wasserstein of gudhi.representations) on all pairs of eight diagrams, including an
/// empty one, duplicates, a diagonal point and rounded coordinates with tied costs.
struct DiagramDistanceTests {
    struct Pair: Decodable {
        var a: Int, b: Int
        var bottleneck: Double, sliced10: Double, sliced3: Double
        var wasserstein_1_inf: Double, wasserstein_2_inf: Double, wasserstein_1_2: Double
        var wasserstein_2_2: Double, wasserstein_3_1: Double
    }
    struct Fixture: Decodable { var diagrams: [[[Double]]], pairs: [Pair] }

    static let fixture = Result { try Fixtures.decode(Fixture.self, "vectorize/distances.json") }

    /// 1e-9 relative plus 1e-12 absolute (zero distances).
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * abs(b) + 1e-12 }

    @Test func matchesGudhi() throws {
        let f = try Self.fixture.get()
        let diagrams = f.diagrams.map { $0.map { PersistencePair(birth: $0[0], death: $0[1]) } }
        let metrics: [(DiagramMetric, KeyPath<Pair, Double>)] = [
            (.bottleneck, \.bottleneck), (.sliced(directions: 10), \.sliced10), (.sliced(directions: 3), \.sliced3),
            (.wasserstein(p: 1, internalP: .infinity), \.wasserstein_1_inf),
            (.wasserstein(p: 2, internalP: .infinity), \.wasserstein_2_inf),
            (.wasserstein(p: 1, internalP: 2), \.wasserstein_1_2), (.wasserstein(p: 2, internalP: 2), \.wasserstein_2_2),
            (.wasserstein(p: 3, internalP: 1), \.wasserstein_3_1),
        ]
        for (metric, key) in metrics {
            for pair in f.pairs {
                let d = metric.distance(diagrams[pair.a], diagrams[pair.b])
                let reverse = metric.distance(diagrams[pair.b], diagrams[pair.a])
                #expect(close(d, pair[keyPath: key]), "\(metric) \(pair.a)-\(pair.b): \(d) vs \(pair[keyPath: key])")
                #expect(close(reverse, pair[keyPath: key]), "\(metric) \(pair.b)-\(pair.a)")
            }
            let matrix = metric.pairwise(diagrams, threads: 2)
            for pair in f.pairs where pair.a != pair.b {
                #expect(close(matrix[pair.a, pair.b], pair[keyPath: key]) && matrix[pair.a, pair.b] == matrix[pair.b, pair.a])
            }
        }
    }

    @Test func assignmentFindsTheOptimumOfSmallProblems() {
        var g = Xoshiro256StarStar(seed: 8)
        for size in 1...6 {
            let cost = Matrix(rows: size, cols: size, storage: (0..<(size * size)).map { _ in Double(g.nextInt(below: 10)) })
            var best = Double.infinity
            var permutation = Array(0..<size)
            func search(_ k: Int) {
                if k == size { best = min(best, (0..<size).reduce(0) { $0 + cost[$1, permutation[$1]] }); return }
                for i in k..<size { permutation.swapAt(k, i); search(k + 1); permutation.swapAt(k, i) }
            }
            search(0)
            let solution = LinearAssignment.solve(cost)
            #expect(solution.total == best)
            #expect(Set(solution.rowToColumn) == Set(0..<size))
        }
    }
}

extension DiagramDistanceTests {
    static func randomDiagram(_ g: inout Xoshiro256StarStar, _ count: Int) -> [PersistencePair] {
        (0..<count).map { _ in
            let b = g.nextDouble()
            return PersistencePair(birth: b, death: b + g.nextDouble())
        }
    }

    /// Metric axioms on random diagrams, and the ordering of the p-Wasserstein distances
    /// (W∞ = bottleneck ≤ W_q ≤ W_p for p ≤ q with the same ground norm).
    @Test func metricPropertiesHold() {
        var g = Xoshiro256StarStar(seed: 21)
        let diagrams = (0..<5).map { Self.randomDiagram(&g, 3 + $0 * 2) }
        for metric in [DiagramMetric.bottleneck, .wasserstein(p: 1, internalP: .infinity), .wasserstein(p: 2, internalP: 2)] {
            for a in diagrams {
                #expect(metric.distance(a, a) == 0)
                for b in diagrams {
                    for c in diagrams {
                        #expect(metric.distance(a, c) <= metric.distance(a, b) + metric.distance(b, c) + 1e-12)
                    }
                }
            }
        }
        for (a, b) in zip(diagrams, diagrams.dropFirst()) {
            let w1 = DiagramMetric.wasserstein(p: 1, internalP: .infinity).distance(a, b)
            let w2 = DiagramMetric.wasserstein(p: 2, internalP: .infinity).distance(a, b)
            #expect(DiagramMetric.bottleneck.distance(a, b) <= w2 + 1e-12 && w2 <= w1 + 1e-12)
        }
    }
}
