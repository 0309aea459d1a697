import Testing
@testable import TDAKit

@Suite("Neuron sampling")
struct NeuronSamplingTests {
    @Test("wins go to the largest |activation|, first index on ties")
    func wins() {
        // 4 inputs × 5 neurons; winners 2, 0, 2, 1 (tie between 1 and 3 → 1).
        let a = Matrix<Float>(rowArrays: [[0.1, -0.2, 3, 0, 1], [-5, 1, 2, 3, 4], [0, 0, -9, 1, 1], [0, 2, 1, -2, 0]])
        var wins = [Int](repeating: 0, count: 5)
        NeuronSampling.countWins(a, into: &wins)
        #expect(wins == [1, 1, 2, 0, 0])
    }

    @Test("probabilities follow the rule: wins/(N+1), losers share 1/(N+1)")
    func probabilities() {
        let p = NeuronSampling.importanceProbabilities(wins: [1, 1, 2, 0, 0], inputs: 4)
        #expect(p == [0.2, 0.2, 0.4, 0.1, 0.1])
        #expect(abs(p.reduce(0, +) - 1) < 1e-15)
        // Every neuron won: the rule sums to N/(N+1), so it is renormalised.
        #expect(NeuronSampling.importanceProbabilities(wins: [1, 3], inputs: 4) == [0.25, 0.75])
    }

    @Test("draws are distinct, deterministic for a seed, and never pick a zero-probability index")
    func draws() {
        let p = [0.3, 0, 0.2, 0.1, 0, 0.4]
        var a = SplitMix(9), b = SplitMix(9)
        for _ in 0..<200 {
            let x = NeuronSampling.draw(probabilities: p, count: 4, rng: &a)
            #expect(x == NeuronSampling.draw(probabilities: p, count: 4, rng: &b))
            #expect(Set(x).count == 4 && !x.contains(1) && !x.contains(4))
        }
    }

    @Test("single draws hit each neuron with its rule probability")
    func frequencies() {
        let wins = [5, 0, 2, 0, 0, 3, 0]   // 10 inputs, 4 never-winners sharing 1/11
        let p = NeuronSampling.importanceProbabilities(wins: wins, inputs: 10)
        var rng = SplitMix(2024)
        let trials = 40_000
        var hits = [Int](repeating: 0, count: wins.count)
        for _ in 0..<trials { hits[NeuronSampling.draw(probabilities: p, count: 1, rng: &rng)[0]] += 1 }
        for (i, h) in hits.enumerated() {
            // Binomial standard deviation √(p(1−p)/trials) ≤ 0.0025; allow 4 of them.
            let sd = (p[i] * (1 - p[i]) / Double(trials)).squareRoot()
            #expect(abs(Double(h) / Double(trials) - p[i]) < 4 * sd + 1e-9, "neuron \(i)")
        }
    }

    @Test("pairs drawn without replacement match numpy's sequential rule")
    func pairs() {
        // For two draws the first pick is i with p_i; given i the second is j with p_j/(1−p_i)
        // (numpy's legacy choice: each round maps fresh uniforms through the renormalised CDF).
        let p = [0.5, 0.3, 0.2]
        var rng = SplitMix(7)
        var counts = [[Int]](repeating: [0, 0, 0], count: 3)
        let trials = 30_000
        for _ in 0..<trials {
            let d = NeuronSampling.draw(probabilities: p, count: 2, rng: &rng)
            counts[d[0]][d[1]] += 1
        }
        for i in 0..<3 {
            for j in 0..<3 where i != j {
                let want = p[i] * p[j] / (1 - p[i])
                let sd = (want * (1 - want) / Double(trials)).squareRoot()
                #expect(abs(Double(counts[i][j]) / Double(trials) - want) < 4 * sd, "(\(i),\(j))")
            }
        }
    }
}
