/// Generalization measures of a trained classifier, from its weights, its initial weights and its
/// training set only (never test data): the baselines of Jiang et al. 2020, "Fantastic
/// generalization measures and where to find them" (ICLR), which the PGDL competition (Jiang et
/// al., NeurIPS 2020) asked predictors of the generalization gap to beat. Where a definition
/// leaves a choice, the reference code of Dziugaite et al. 2020 (robust-generalization-measures,
/// `measures.py`) decides, unless said otherwise. `nn-train measures` writes `values` as a vector.
public enum GeneralizationMeasures {
    /// The measures, in the order of `values`.
    public static let names = ["train_loss", "train_acc", "margin_p10", "weight_norm", "log_prod_fro",
                               "path_norm", "dist_init", "sharpness", "noise_drop", "davies_bouldin"]

    /// The tunable and random parts. The values do not depend on `threads`.
    public struct Settings: Sendable {
        /// σ of the input noise of `noise_drop`.
        public var noiseSigma = 0.1
        /// Monte Carlo draws of weight noise per noise scale of `sharpness`.
        public var samples = 5
        /// Seed of the weight noise of `sharpness` and the input noise of `noise_drop`.
        public var seed: UInt64 = 0
        public var threads = 1

        public init() {}
    }

    /// Every measure of `network` trained from the weights of `initial` (the same architecture) on
    /// `train`, in `names` order. Throws when the data does not fit the network, or when the
    /// Davies–Bouldin index is undefined (fewer than 2, or more than n − 1, classes in the n samples).
    public static func values(network: Network, initial: Network, train: Dataset, settings: Settings) throws(MeasureError) -> [Double] {
        try check(network, train)
        let outputs = evaluationOutputs(network, train.features, threads: settings.threads)
        let trainAccuracy = accuracy(outputs, labels: train.labels)
        let representation = penultimate(network, train.features, threads: settings.threads)
        guard let separation = daviesBouldin(representation, labels: train.labels) else {
            throw .classCount(Set(train.labels).count, samples: train.count)
        }
        return [crossEntropy(outputs, labels: train.labels), trainAccuracy,
                Statistics.percentile(margins(outputs, labels: train.labels), 10),
                weightNorm(network), logProductOfFrobeniusNorms(network), pathNorm(network),
                distanceToInitialization(network, from: initial),
                sharpness(network, train, samples: settings.samples, seed: settings.seed, threads: settings.threads),
                noiseDrop(network, train, accuracy: trainAccuracy, sigma: settings.noiseSigma, seed: settings.seed, threads: settings.threads),
                separation]
    }

    static func check(_ network: Network, _ train: Dataset) throws(MeasureError) {
        guard train.count > 0 else { throw .noSamples }
        guard train.shape.count == network.inputShape.count else {
            throw .inputMismatch(expected: network.inputShape.description, got: train.shape.description)
        }
        let outputs = network.outputShape.count
        guard let largest = train.labels.max(), largest < outputs else { throw .classMismatch(outputs: outputs, classes: train.classes) }
    }

    // MARK: Fit to the training set

    /// Mean cross-entropy (PyTorch's `CrossEntropyLoss`) of logits `outputs` against `labels`,
    /// whatever loss the model was trained with.
    public static func crossEntropy(_ outputs: Matrix<Float>, labels: [Int]) -> Double {
        Loss.crossEntropy.evaluate(outputs, labels: labels).loss
    }

    /// The fraction of rows whose largest output is at the label.
    public static func accuracy(_ outputs: Matrix<Float>, labels: [Int]) -> Double {
        Double(zip(predictedClasses(outputs), labels).filter { $0 == $1 }.count) / Double(max(labels.count, 1))
    }

    /// Per sample, the logit of the true class minus the largest other logit: negative when the
    /// sample is misclassified. `margin_p10` is their 10th percentile over all training samples
    /// (numpy's linear interpolation; the reference code takes the ⌊m/10⌋-th smallest), the
    /// output margin γ of Jiang et al.'s margin-normalised measures.
    public static func margins(_ outputs: Matrix<Float>, labels: [Int]) -> [Double] {
        (0..<outputs.rows).map { i in
            var other = -Float.infinity
            for j in 0..<outputs.cols where j != labels[i] { other = max(other, outputs[i, j]) }
            return Double(outputs[i, labels[i]]) - Double(other)
        }
    }

    // MARK: Norms of the weights

    /// The weight tensors W_l of the dense and conv layers, which Jiang et al.'s norm measures
    /// sum over: biases and batch norm are left out, as in the reference code.
    static func layerWeights(_ network: Network) -> [[Float]] {
        network.layers.filter(\.isWeighted).compactMap { $0.parameters.first { $0.name == "weight" }?.value }
    }

    static func squaredNorm(_ values: [Float]) -> Double {
        values.reduce(0) { $0 + Double($1) * Double($1) }
    }

    /// ‖w‖₂ over every dense and conv weight (biases excluded): Jiang et al.'s `l2`.
    public static func weightNorm(_ network: Network) -> Double {
        layerWeights(network).map(squaredNorm).reduce(0, +).squareRoot()
    }

    /// Σ_l log ‖W_l‖_F², Jiang et al.'s `log.prod.of.fro` (the log of the product of squared
    /// Frobenius norms, which bounds the network's Lipschitz constant up to depth factors).
    public static func logProductOfFrobeniusNorms(_ network: Network) -> Double {
        layerWeights(network).map { logValue(squaredNorm($0)) }.reduce(0, +)
    }

    /// ‖w − w₀‖₂ over every dense and conv weight (biases excluded), w₀ the weights of `initial`:
    /// Jiang et al.'s `l2.dist`, the distance travelled from initialisation.
    public static func distanceToInitialization(_ network: Network, from initial: Network) -> Double {
        zip(layerWeights(network), layerWeights(initial)).map { w, w0 in
            zip(w, w0).reduce(0) { sum, pair in
                let d = Double(pair.0) - Double(pair.1)
                return sum + d * d
            }
        }.reduce(0, +).squareRoot()
    }

    /// The square root of Jiang et al.'s `path.norm` Σ_i f_{w²}(1)[i]: every trainable parameter
    /// (weights and biases, batch norm's scale and shift) squared, the network applied in
    /// evaluation mode (no dropout) to one input of all ones, its outputs summed. For a ReLU
    /// network that sum is Σ over input–output paths of the product of the squared weights on the
    /// path (bias paths included), so its root is the ℓ2 path norm of Neyshabur et al. 2015 on
    /// the scale of the weights, as `weight_norm`. Batch norm's running statistics are not
    /// squared (they are buffers, not parameters, to PyTorch); a negative sum, which only batch
    /// norm can give, counts as 0.
    public static func pathNorm(_ network: Network) -> Double {
        let ones = Matrix<Float>(rows: 1, cols: network.inputShape.count, repeating: 1)
        let output = withParameters(of: network, replacedBy: { $0.map { $0 * $0 } }) {
            network.forward(ones, mode: ForwardMode(training: false))
        }
        return max(0, output.storage.reduce(0) { $0 + Double($1) }).squareRoot()
    }

    // MARK: Robustness to input noise

    /// The training accuracy `accuracy` (which `values` has already computed) minus the training
    /// accuracy when N(0, σ²) noise (xoshiro256** from `seed`, one draw per input value) is added
    /// to every input: how far the training samples sit from the decision boundary in input
    /// space. Exactly 0 for σ = 0.
    public static func noiseDrop(_ network: Network, _ train: Dataset, accuracy clean: Double, sigma: Double, seed: UInt64, threads: Int) -> Double {
        var rng = Xoshiro256StarStar(seed: seed ^ inputNoiseStream)
        let noisy = train.withInputNoise(sigma, rng: &rng)
        return clean - accuracy(evaluationOutputs(network, noisy.features, threads: threads), labels: train.labels)
    }

    /// Keeps the input noise of `noise_drop` apart from the weight noise of `sharpness`.
    static let inputNoiseStream: UInt64 = 0x64_726F_7021

    // MARK: Forward passes

    /// The input of the last dense layer (of the last conv layer when there is none; the data
    /// itself when that is the first layer) in evaluation mode: the representation the classifier
    /// separates, which `davies_bouldin` clusters by the true labels.
    public static func penultimate(_ network: Network, _ x: Matrix<Float>, threads: Int) -> Matrix<Float> {
        let last = classifierLayer(network), width = penultimateWidth(network)
        guard last > 0 else { return x }
        return inBatches(x, cols: width) { network.layerOutputs($0, indices: [last - 1], threads: threads)[last - 1] ?? Matrix(rows: 0, cols: width) }
    }

    /// The number of values of `penultimate` per sample.
    public static func penultimateWidth(_ network: Network) -> Int {
        network.layers.isEmpty ? network.inputShape.count : network.layers[classifierLayer(network)].inputShape.count
    }

    /// The index of the last dense layer, else of the last conv layer, else 0.
    static func classifierLayer(_ network: Network) -> Int {
        network.layers.lastIndex { $0.kind == "dense" } ?? network.layers.lastIndex(where: \.isWeighted) ?? 0
    }

    /// Evaluation-mode outputs (logits) of every row of `x`.
    public static func evaluationOutputs(_ network: Network, _ x: Matrix<Float>, threads: Int) -> Matrix<Float> {
        inBatches(x, cols: network.outputShape.count) { network.forward($0, mode: ForwardMode(training: false, threads: threads)) }
    }

    /// `pass` applied to `x` 64 rows at a time, the results stacked: a small CNN's unfolded
    /// inputs and products then stay in cache (perf: `nn-train measures` on a 16×16 CNN took
    /// 3.0 s in batches of 64 rows, 3.4 s of 256, 4.4 s of 1024). A row's outputs do not depend
    /// on the rows beside it, so the values are the same whatever the batch.
    static func inBatches(_ x: Matrix<Float>, cols: Int, _ pass: (Matrix<Float>) -> Matrix<Float>) -> Matrix<Float> {
        let batch = 64
        guard x.rows > batch else { return pass(x) }
        var storage = [Float]()
        storage.reserveCapacity(x.rows * cols)
        for start in stride(from: 0, to: x.rows, by: batch) {
            storage += pass(x.rows(at: Array(start..<min(start + batch, x.rows)))).storage
        }
        return Matrix(rows: x.rows, cols: cols, storage: storage)
    }

    /// `body`'s result with each trainable parameter's values replaced by `replace(values)`,
    /// restored afterwards (running statistics are left alone).
    static func withParameters<T>(of network: Network, replacedBy replace: ([Float]) -> [Float], _ body: () -> T) -> T {
        let parameters = network.trainableParameters
        let saved = parameters.map(\.value)
        defer { for (p, values) in zip(parameters, saved) { p.value = values } }
        for p in parameters { p.value = replace(p.value) }
        return body()
    }
}

/// Why measures could not be computed for a model and its data.
public enum MeasureError: Error, CustomStringConvertible, Equatable {
    case noSamples
    case inputMismatch(expected: String, got: String)
    case classMismatch(outputs: Int, classes: Int)
    case classCount(Int, samples: Int)

    public var description: String {
        switch self {
        case .noSamples: return "the training data is empty"
        case let .inputMismatch(expected, got): return "the network expects inputs of shape \(expected) but the data has \(got)"
        case let .classMismatch(outputs, classes): return "the network has \(outputs) outputs but the data has \(classes) classes"
        case let .classCount(classes, samples):
            return "davies_bouldin needs 2 to n − 1 classes among the n training samples; found \(classes) in \(samples)"
        }
    }
}

extension MeasureError: ToolFailure {
    public var status: ExitStatus { .dataError }
}
