/// Labelled samples for classification: one row of `features` per sample, in `shape` order.
public struct Dataset: Sendable, Equatable {
    public var features: Matrix<Float>
    public var labels: [Int]
    public var shape: TensorShape
    public var classes: Int
    /// The class names in index order, when the data named its classes.
    public var classNames: [String]?

    public init(features: Matrix<Float>, labels: [Int], shape: TensorShape, classes: Int, classNames: [String]? = nil) {
        self.features = features
        self.labels = labels
        self.shape = shape
        self.classes = classes
        self.classNames = classNames
    }

    public var count: Int { labels.count }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        Dataset(features: features.rows(at: indices), labels: indices.map { labels[$0] }, shape: shape, classes: classes, classNames: classNames)
    }

    /// Splits off the last `fraction` of a seeded permutation: (first part, held-out part).
    public func split<G: RandomNumberGenerator>(holdout fraction: Double, rng: inout G) -> (Dataset, Dataset) {
        let order = NetworkRandom.permutation(count, &rng)
        let held = Int((Double(count) * fraction).rounded())
        return (subset(Array(order.dropLast(held))), subset(Array(order.suffix(held))))
    }

    /// Replaces the labels of a `fraction` of the samples (chosen by the generator) with a
    /// different class drawn uniformly: the usual way zoo studies widen generalisation gaps.
    public func withLabelNoise<G: RandomNumberGenerator>(_ fraction: Double, rng: inout G) -> Dataset {
        guard fraction > 0, classes > 1 else { return self }
        var noisy = self
        let flipped = NetworkRandom.permutation(count, &rng).prefix(Int((Double(count) * fraction).rounded()))
        for i in flipped {
            let shift = 1 + NetworkRandom.index(classes - 1, &rng)
            noisy.labels[i] = (labels[i] + shift) % classes
        }
        return noisy
    }

    /// Adds Gaussian noise of standard deviation `sigma` to every feature (of graphs, to the
    /// node features only: the edges and node count stay as they are).
    public func withInputNoise<G: RandomNumberGenerator>(_ sigma: Double, rng: inout G) -> Dataset {
        guard sigma > 0 else { return self }
        var noisy = self
        let width = shape.isGraph ? shape.nodeFeatures.count : features.cols
        for r in 0..<features.rows {
            for k in 0..<width { noisy.features.storage[r * features.cols + k] += Float(sigma * NetworkRandom.normal(&rng)) }
        }
        return noisy
    }
}
