/// Neuron sampling for large layers, after Ballester et al. (2024) and their code
/// (`SampleActivationsByImportance`): for each input the neuron with the largest |activation|
/// (first one on ties, as `np.argmax`) wins; a neuron's probability is wins/(inputs + 1); the
/// neurons that never win share the remaining 1/(inputs + 1) equally; `N` neurons are drawn
/// without replacement as `numpy.random.choice(replace=False, p=…)` does.
public enum NeuronSampling {
    public enum Method: String, CaseIterable, Sendable { case importance, uniform }

    /// Adds one win per row of `activations` (rows = inputs, columns = neurons) to `wins`.
    /// Callable batch by batch, so only the counts of a huge layer stay in memory.
    public static func countWins(_ activations: Matrix<Float>, into wins: inout [Int]) {
        for i in 0..<activations.rows {
            let row = activations.storage[(i * activations.cols)..<((i + 1) * activations.cols)]
            var best = row.startIndex
            for j in row.indices where abs(row[j]) > abs(row[best]) { best = j }
            wins[best - row.startIndex] += 1
        }
    }

    /// The sampling probability of each neuron from its win counts over `inputs` inputs.
    ///
    /// When every neuron won at least once the rule's probabilities sum to inputs/(inputs+1),
    /// which numpy would reject; we then use wins/inputs (the rule renormalised, the only case it
    /// leaves open).
    public static func importanceProbabilities(wins: [Int], inputs: Int) -> [Double] {
        let losers = wins.filter { $0 == 0 }.count
        guard losers > 0 else { return wins.map { Double($0) / Double(max(inputs, 1)) } }
        let denominator = Double(inputs + 1)
        return wins.map { $0 > 0 ? Double($0) / denominator : 1 / (Double(losers) * denominator) }
    }

    /// `count` distinct indices drawn with probabilities `p`, by numpy's legacy `choice` algorithm:
    /// draw as many uniforms as indices are missing, map each through the CDF of the not yet chosen
    /// indices, keep the new ones in order of first appearance, repeat.
    public static func draw<G: RandomNumberGenerator>(probabilities p: [Double], count: Int, rng: inout G) -> [Int] {
        var weights = p
        var chosen = [Int]()
        var taken = Set<Int>()
        while chosen.count < count {
            for i in chosen { weights[i] = 0 }
            var cdf = [Double](repeating: 0, count: weights.count)
            var running = 0.0
            for (i, w) in weights.enumerated() { running += w; cdf[i] = running }
            guard running > 0 else { break }
            let uniforms = (0..<(count - chosen.count)).map { _ in NetworkRandom.unit(&rng) }
            for u in uniforms {
                let index = upperBound(cdf, u * running)
                if index < weights.count, weights[index] > 0, taken.insert(index).inserted { chosen.append(index) }
            }
        }
        return chosen
    }

    /// `count` of `0..<neurons` uniformly without replacement (the uniform baseline).
    public static func drawUniform<G: RandomNumberGenerator>(neurons: Int, count: Int, rng: inout G) -> [Int] {
        draw(probabilities: [Double](repeating: 1, count: neurons), count: count, rng: &rng)
    }

    /// First index whose value exceeds `x` (`searchsorted(side='right')`).
    private static func upperBound(_ sorted: [Double], _ x: Double) -> Int {
        var (low, high) = (0, sorted.count)
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= x { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
