import Foundation
import Testing
@testable import TDAKit

/// The measures of `nn-train measures` on a network small enough to compute by hand, the
/// Davies–Bouldin index and percentiles against scikit-learn and numpy, and the sharpness search.
@Suite struct GeneralizationMeasuresTests {
    /// dense:2,relu,dense:2 on 2 inputs with W1 = [[1, −1], [0.5, 2]], b1 = [0, −1],
    /// W2 = [[1, 0], [−1, 1]], b2 = [0.5, 0] (PyTorch's out × in layout).
    static func tinyNetwork(w1: [Float] = [1, -1, 0.5, 2], b1: [Float] = [0, -1], w2: [Float] = [1, 0, -1, 1],
                            b2: [Float] = [0.5, 0]) throws -> Network {
        let network = try Network(architecture: "dense:2,relu,dense:2", input: TensorShape(features: 2))
        for (slot, values) in zip(network.namedParameters, [w1, b1, w2, b2]) { slot.parameter.value = values }
        return network
    }

    /// Five samples. Hidden (after relu) and logits, by hand:
    /// (1,0) → pre [1, −0.5] → h [1, 0]   → z [1.5, −1], label 0: margin  2.5, right
    /// (0,1) → pre [−1, 1]   → h [0, 1]   → z [0.5, 1],  label 1: margin  0.5, right
    /// (1,1) → pre [0, 1.5]  → h [0, 1.5] → z [0.5, 1.5], label 0: margin −1,  wrong
    /// (2,0) → pre [2, 0]    → h [2, 0]   → z [2.5, −2], label 0: margin  4.5, right
    /// (0,0) → pre [0, −1]   → h [0, 0]   → z [0.5, 0],  label 1: margin −0.5, wrong
    static let tinyData = Dataset(features: Matrix(rowArrays: [[1, 0], [0, 1], [1, 1], [2, 0], [0, 0]]),
                                  labels: [0, 1, 0, 0, 1], shape: TensorShape(features: 2), classes: 2)
    static let tinyMargins = [2.5, 0.5, -1, 4.5, -0.5]

    @Test func fitMeasuresOfTheTinyNetworkAreTheHandValues() throws {
        let network = try Self.tinyNetwork(), data = Self.tinyData
        let outputs = GeneralizationMeasures.evaluationOutputs(network, data.features, threads: 1)
        #expect(GeneralizationMeasures.margins(outputs, labels: data.labels) == Self.tinyMargins)
        #expect(GeneralizationMeasures.accuracy(outputs, labels: data.labels) == 0.6)
        // Two classes: cross-entropy = log(1 + e^(−margin)). 1e-6: the loss sums Float exponentials.
        let loss = Self.tinyMargins.map { log1p(exp(-$0)) }.reduce(0, +) / 5
        #expect(abs(GeneralizationMeasures.crossEntropy(outputs, labels: data.labels) - loss) < 1e-6)
        // Sorted margins −1, −0.5, 0.5, 2.5, 4.5; rank h = 0.1·4 = 0.4: −1 + 0.4·0.5 = −0.8
        // (1e-15: 0.4 and 0.2 are not exact in binary).
        #expect(abs(Statistics.percentile(Self.tinyMargins, 10) - -0.8) < 1e-15)
    }

    @Test func normsOfTheTinyNetworkAreTheHandValues() throws {
        let network = try Self.tinyNetwork()
        // Weights only: 1 + 1 + 0.25 + 4 = 6.25 and 1 + 0 + 1 + 1 = 3.
        #expect(GeneralizationMeasures.weightNorm(network) == 9.25.squareRoot())
        #expect(abs(GeneralizationMeasures.logProductOfFrobeniusNorms(network) - (log(6.25) + log(3))) < 1e-15)
        // Squared parameters on an input of ones: h = [1 + 1 + 0, 0.25 + 4 + 1] = [2, 5.25] (relu
        // keeps both), z = [1·2 + 0·5.25 + 0.25, 1·2 + 1·5.25 + 0] = [2.25, 7.25]; the sum is 9.5.
        #expect(GeneralizationMeasures.pathNorm(network) == 9.5.squareRoot())
        // w0 differs by 3 in W1[0][0] and by 4 in W2[1][1] (5 in all), and in both biases,
        // which do not count.
        let initial = try Self.tinyNetwork(w1: [-2, -1, 0.5, 2], b1: [7, 7], w2: [1, 0, -1, -3], b2: [9, 9])
        #expect(GeneralizationMeasures.distanceToInitialization(network, from: initial) == 5)
        #expect(GeneralizationMeasures.distanceToInitialization(network, from: network) == 0)
        // pathNorm restores the weights it squared.
        #expect(network.namedParameters.map(\.parameter.value) == [[1, -1, 0.5, 2], [0, -1], [1, 0, -1, 1], [0.5, 0]])
    }

    @Test func daviesBouldinOfTheTinyPenultimateLayerIsTheHandValue() throws {
        let network = try Self.tinyNetwork(), data = Self.tinyData
        let hidden = GeneralizationMeasures.penultimate(network, data.features, threads: 1)
        #expect(hidden.rowArrays == [[1, 0], [0, 1], [0, 1.5], [2, 0], [0, 0]])
        // Class 0: (1,0), (0,1.5), (2,0), centroid (1, 0.5), S0 = (0.5 + √2 + √1.25)/3.
        // Class 1: (0,1), (0,0), centroid (0, 0.5), S1 = 0.5. Centroids 1 apart: DB = S0 + S1.
        let expected = (0.5 + 2.0.squareRoot() + 1.25.squareRoot()) / 3 + 0.5
        let value = try #require(GeneralizationMeasures.daviesBouldin(hidden, labels: data.labels))
        #expect(abs(value - expected) < 1e-15)
    }

    struct DaviesBouldinCase: Decodable { var name: String, points: [[Float]], labels: [Int], score: Double }
    struct DaviesBouldinFixture: Decodable { var cases: [DaviesBouldinCase] }

    @Test func daviesBouldinMatchesScikitLearn() throws {
        let fixture = try Fixtures.decode(DaviesBouldinFixture.self, "network/davies_bouldin.json")
        #expect(fixture.cases.count == 4)
        for c in fixture.cases {
            let value = try #require(GeneralizationMeasures.daviesBouldin(Matrix(rowArrays: c.points), labels: c.labels))
            // 1e-12 relative: the same float32 points, but sklearn's distances come from the Gram
            // form √(‖x‖² − 2x·c + ‖c‖²) and its means sum pairwise, ours directly; they differ
            // in the last bits only.
            #expect(abs(value - c.score) <= 1e-12 * c.score, "\(c.name): \(value) vs \(c.score)")
        }
    }

    @Test func daviesBouldinEdgeCasesFollowScikitLearn() {
        let points = Matrix<Float>(rowArrays: [[0, 0], [1, 1], [2, 2], [3, 3]])
        // sklearn raises for fewer than 2 or more than n − 1 labels.
        #expect(GeneralizationMeasures.daviesBouldin(points, labels: [1, 1, 1, 1]) == nil)
        #expect(GeneralizationMeasures.daviesBouldin(points, labels: [0, 1, 2, 3]) == nil)
        // Every cluster a single repeated point: all scatters 0, the score is 0.
        let repeated = Matrix<Float>(rowArrays: [[0, 0], [0, 0], [5, 5], [5, 5]])
        #expect(GeneralizationMeasures.daviesBouldin(repeated, labels: [0, 0, 1, 1]) == 0)
        // All centroids at one place: 0 too.
        let centred = Matrix<Float>(rowArrays: [[1, 0], [-1, 0], [0, 1], [0, -1]])
        #expect(GeneralizationMeasures.daviesBouldin(centred, labels: [0, 0, 1, 1]) == 0)
    }

    struct PercentileCase: Decodable { var values: [Double], q: [Double], percentiles: [Double] }
    struct PercentileFixture: Decodable { var cases: [PercentileCase] }

    @Test func percentileMatchesNumpyBitForBit() throws {
        let fixture = try Fixtures.decode(PercentileFixture.self, "network/percentile.json")
        for c in fixture.cases {
            for (q, expected) in zip(c.q, c.percentiles) {
                #expect(Statistics.percentile(c.values, q) == expected, "n=\(c.values.count) q=\(q)")
            }
        }
        #expect(Statistics.percentile([], 10).isNaN)
    }

    @Test func noiseDropIsExactlyZeroWithoutNoise() throws {
        let (network, data) = try Self.trainedMoons()
        let clean = GeneralizationMeasures.accuracy(GeneralizationMeasures.evaluationOutputs(network, data.features, threads: 1), labels: data.labels)
        #expect(GeneralizationMeasures.noiseDrop(network, data, accuracy: clean, sigma: 0, seed: 3, threads: 1) == 0)
        let drop = GeneralizationMeasures.noiseDrop(network, data, accuracy: clean, sigma: 0.5, seed: 3, threads: 1)
        #expect(drop == GeneralizationMeasures.noiseDrop(network, data, accuracy: clean, sigma: 0.5, seed: 3, threads: 2))
        #expect(drop > 0)
    }

    /// A small MLP trained on moons from `Initialization.seeded`, and its training set.
    static func trainedMoons(epochs: Int = 15) throws -> (Network, Dataset) {
        var spec = DataSpec(dataset: "moons")
        spec.trainSize = 200
        spec.testSize = 0
        spec.seed = 1
        let data = try #require(spec.cleanSplit()).train
        var config = TrainingConfig(architecture: "dense:16,relu,dense:2")
        config.epochs = epochs
        config.seed = 5
        let start = try Initialization.seeded(architecture: config.architecture, input: data.shape, seed: config.seed)
        var rng = start.rng
        try Trainer(network: start.network, config: config).fit(data, test: nil, rng: &rng)
        return (start.network, data)
    }

    @Test func distanceToInitializationIsZeroBeforeTrainingAndPositiveAfter() throws {
        let (trained, data) = try Self.trainedMoons()
        let initial = try Initialization.seeded(architecture: trained.architecture, input: data.shape, seed: 5).network
        #expect(GeneralizationMeasures.distanceToInitialization(trained, from: initial) > 0)
        let (untrained, _) = try Self.trainedMoons(epochs: 0)
        #expect(GeneralizationMeasures.distanceToInitialization(untrained, from: initial) == 0)
    }
}

/// The bisection of `sharpness`, tested exactly on a known property, and the measure itself.
@Suite struct SharpnessTests {
    @Test(arguments: [0.3, 1.234567, 0.0004])
    func bisectionFindsTheLargestToleratedScale(limit: Double) {
        let step = 2 / Double(1 << 15)
        var tried: [Double] = []
        let alpha = GeneralizationMeasures.largestTolerated(upTo: 2, bisections: 15) { tried.append($0); return $0 <= limit }
        #expect(tried.count == 15)
        #expect(alpha <= limit && alpha + step > limit)
    }

    @Test func bisectionStaysFiniteWhenNothingIsTolerated() {
        #expect(GeneralizationMeasures.largestTolerated(upTo: 2, bisections: 15) { _ in false } == 2 / Double(1 << 15))
        #expect(GeneralizationMeasures.largestTolerated(upTo: 2, bisections: 15) { _ in true } == 2 - 2 / Double(1 << 15))
    }

    @Test func sharpnessIsDeterministicAndRestoresTheWeights() throws {
        let (network, data) = try GeneralizationMeasuresTests.trainedMoons()
        let weights = network.namedParameters.map(\.parameter.value)
        let a = GeneralizationMeasures.sharpness(network, data, samples: 3, seed: 9, threads: 1)
        #expect(network.namedParameters.map(\.parameter.value) == weights)
        #expect(GeneralizationMeasures.sharpness(network, data, samples: 3, seed: 9, threads: 2) == a)
        #expect(GeneralizationMeasures.sharpness(network, data, samples: 3, seed: 9, threads: 1) == a)
        #expect(a.isFinite && a > 0.25)
    }

    /// Recomputes, without the early exit, the mean loss rise of the same draws at the α found and
    /// one bisection step above it: within the 0.1 bound at α, beyond it above.
    @Test func sharpnessScaleMeetsTheLossBoundAndTheNextStepDoesNot() throws {
        let (network, data) = try GeneralizationMeasuresTests.trainedMoons()
        let (samples, seed): (Int, UInt64) = (4, 21)
        let value = GeneralizationMeasures.sharpness(network, data, samples: samples, seed: seed, threads: 1)
        // α is a multiple of the bisection step; undo the rounding of 1/α².
        let step = GeneralizationMeasures.largestScale / Double(1 << GeneralizationMeasures.bisections)
        let alpha = (1 / value.squareRoot() / step).rounded() * step
        var seeds = Xoshiro256StarStar(seed: seed ^ GeneralizationMeasures.weightNoiseStream)
        let draws = (0..<samples).map { _ in seeds.next() }
        let loss = { GeneralizationMeasures.crossEntropy(GeneralizationMeasures.evaluationOutputs(network, data.features, threads: 1), labels: data.labels) }
        let clean = loss()
        func totalLoss(_ scale: Double) -> Double {
            draws.map { draw in
                var rng = Xoshiro256StarStar(seed: draw)
                return GeneralizationMeasures.withParameters(of: network, replacedBy: { GeneralizationMeasures.perturbed($0, scale: scale, rng: &rng) }, loss)
            }.reduce(0, +)
        }
        let budget = Double(samples) * (clean + 0.1)
        #expect(alpha > 0 && alpha < 2)
        #expect(totalLoss(alpha) <= budget)
        #expect(totalLoss(alpha + step) > budget)
    }
}
