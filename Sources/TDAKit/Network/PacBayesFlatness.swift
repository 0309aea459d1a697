/// `sharpness`: the magnitude-aware PAC-Bayes flatness of Jiang et al. 2020
/// (`pacbayes.mag.flatness`), 1/α² for the largest noise scale α that the trained weights
/// tolerate. Larger is sharper.
extension GeneralizationMeasures {
    /// ε of the noise variance α²w² + ε² (Jiang et al.'s magnitude ε = 1e-3), so that
    /// weights at 0 are perturbed too.
    static let magnitudeEpsilon = 1e-3
    /// How far the mean perturbed training loss may rise above the unperturbed one: Jiang et
    /// al.'s deviation 0.1. The reference code bounds the change of training accuracy by it; we
    /// bound the rise of the cross-entropy, which is continuous in α.
    static let lossDeviation = 0.1
    /// α is searched in [0, 2] (as the reference code) by 13 bisections, to within 2⁻¹² ≈ 2.4e-4:
    /// far finer than the Monte Carlo error of the averaged loss, and two steps fewer than the
    /// reference code's at most 15 keep `nn-train measures` under 3 s for a small CNN.
    static let largestScale = 2.0, bisections = 13
    /// The loss is taken on the first 1000 training samples at most: the search runs up to
    /// 13 × `samples` forward passes, and 1000 samples keep those to about 2 s for a small CNN.
    static let sharpnessSampleLimit = 1000
    /// Keeps the weight noise of `sharpness` apart from the input noise of `noise_drop`.
    static let weightNoiseStream: UInt64 = 0x73_6861_7270

    /// 1/α², α the largest scale in [0, 2] such that perturbing every trainable parameter w by
    /// u ~ N(0, α²w² + ε²) raises the mean cross-entropy on the training set (its first 1000
    /// samples) by at most 0.1, averaged over `samples` draws of u. The draws are fixed before the
    /// search (xoshiro256** from `seed`, one generator per draw) and scaled by each α tried, so
    /// the averaged loss is a smooth function of α and the bisection compares like with like
    /// (the reference code draws new noise at every step). Deterministic for a seed, whatever
    /// `threads`. The network's weights are restored.
    public static func sharpness(_ network: Network, _ train: Dataset, samples: Int, seed: UInt64, threads: Int) -> Double {
        let data = train.count > sharpnessSampleLimit ? train.subset(Array(0..<sharpnessSampleLimit)) : train
        let loss = { crossEntropy(evaluationOutputs(network, data.features, threads: threads), labels: data.labels) }
        var seeds = Xoshiro256StarStar(seed: seed ^ weightNoiseStream)
        let draws = (0..<max(samples, 1)).map { _ in seeds.next() }
        // The mean loss may exceed the clean one by 0.1: the draws' losses may sum to this.
        let budget = Double(draws.count) * (loss() + lossDeviation)
        let alpha = largestTolerated(upTo: largestScale, bisections: bisections) { alpha in
            var total = 0.0
            for draw in draws {
                var rng = Xoshiro256StarStar(seed: draw)
                total += withParameters(of: network, replacedBy: { perturbed($0, scale: alpha, rng: &rng) }, loss)
                // Cross-entropy is never negative, so a sum over budget stays over it: the
                // remaining draws cannot change the answer (a third of the passes, on a CNN).
                guard total <= budget else { return false }
            }
            return true
        }
        return 1 / (alpha * alpha)
    }

    /// w + u, u ~ N(0, α²w² + ε²) for each value (Jiang et al.'s magnitude-aware variance),
    /// drawn in order from `rng`.
    static func perturbed(_ weights: [Float], scale alpha: Double, rng: inout Xoshiro256StarStar) -> [Float] {
        weights.map { w in
            let sd = (alpha * alpha * Double(w) * Double(w) + magnitudeEpsilon * magnitudeEpsilon).squareRoot()
            return w + Float(sd * NetworkRandom.normal(&rng))
        }
    }

    /// The largest α in [0, upper] that `tolerates`, for a property that holds up to some α and
    /// not beyond, by bisection: the lower end of the final bracket, which was tolerated, while
    /// its upper end, upper/2^bisections above, was not (or is `upper`). When no α tried is
    /// tolerated, the smallest one tried (upper/2^bisections) is returned instead of 0, so that
    /// 1/α² stays finite: the minimum is sharper than the search resolves.
    public static func largestTolerated(upTo upper: Double, bisections: Int, _ tolerates: (Double) -> Bool) -> Double {
        var (low, high) = (0.0, upper)
        for _ in 0..<bisections {
            let middle = (low + high) / 2
            if tolerates(middle) { low = middle } else { high = middle }
        }
        return low > 0 ? low : high
    }
}
