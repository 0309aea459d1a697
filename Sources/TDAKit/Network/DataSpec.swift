/// Where a model's data came from, recorded in the model file so that `nn-activations` can
/// rebuild the same training inputs: a built-in generator with its options and seed, split into
/// train and test by a seeded permutation; a shipped real data set split the same way; or files.
public struct DataSpec: Codable, Sendable, Equatable {
    /// A `SyntheticData` or `ShippedData` name, or `file`.
    public var dataset: String
    public var dimensions = 2
    public var noise = 0.1
    public var classes = 3
    /// Seed of the generator and of the train/test permutation.
    public var seed: UInt64 = 0
    public var trainSize = 800
    public var testSize = 1000
    /// Fraction of training labels replaced by another class.
    public var labelNoise = 0.0
    /// Standard deviation of Gaussian noise added to the training inputs.
    public var inputNoise = 0.0
    /// The data files, when `dataset` is `file`.
    public var files: [String]?
    /// The class names in index order, when the data named its classes (`meta.classes`).
    public var classNames: [String]?
    /// The sample shape of a shipped data set when not flat (`[1, 8, 8]` for a CNN on digits).
    public var shape: [Int]?
    /// The diagram channels of diagram-record data (`--diagram-channels`).
    public var channels: [String]?

    public init(dataset: String) { self.dataset = dataset }

    public var generator: SyntheticData? { SyntheticData(rawValue: dataset) }

    public var shipped: ShippedData? { ShippedData(rawValue: dataset) }

    /// The train and test sets of a built-in data set (nil for file data), before label and
    /// input noise: the same spec always gives the same samples. A shipped set is permuted with
    /// the seed, its first `trainSize` samples train and the next `testSize` test.
    public func cleanSplit() -> (train: Dataset, test: Dataset)? {
        if let shipped {
            var rng = Xoshiro256StarStar(seed: seed)
            let all = shipped.dataset(shape: shape.flatMap(TensorShape.init(dimensions:)))
            let order = NetworkRandom.permutation(all.count, &rng)
            return (all.subset(Array(order.prefix(trainSize))), all.subset(Array(order.dropFirst(trainSize).prefix(testSize))))
        }
        guard let generator else { return nil }
        var rng = Xoshiro256StarStar(seed: seed)
        var options = SyntheticData.Options()
        options.count = trainSize + testSize
        options.dimensions = dimensions
        options.noise = noise
        options.classes = classes
        let all = generator.generate(options, rng: &rng)
        let order = NetworkRandom.permutation(all.count, &rng)
        return (all.subset(Array(order.prefix(trainSize))), all.subset(Array(order.dropFirst(trainSize))))
    }

    /// Applies label and input noise to a training set, with their own seeded generator.
    public func noisyTraining(_ train: Dataset) -> Dataset {
        var rng = Xoshiro256StarStar(seed: seed ^ 0x6E6F_6973_7921)
        return train.withLabelNoise(labelNoise, rng: &rng).withInputNoise(inputNoise, rng: &rng)
    }

    /// Fields for a model record's `meta`.
    public var meta: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [("dataset", .string(dataset))]
        if generator != nil {
            fields += [("dimensions", .number(Double(dimensions))), ("noise", .number(noise)), ("data_seed", .number(Double(seed)))]
            if generator == .spirals || generator == .blobs || generator == .images { fields.append(("classes", .number(Double(classes)))) }
        } else if shipped != nil {
            fields.append(("data_seed", .number(Double(seed))))
        }
        fields += [("train_size", .number(Double(trainSize))), ("test_size", .number(Double(testSize))),
                   ("label_noise", .number(labelNoise)), ("input_noise", .number(inputNoise))]
        if let classNames { fields.append(("classes", .array(classNames.map(JSONValue.string)))) }
        if let channels { fields.append(("channels", .array(channels.map(JSONValue.string)))) }
        return fields
    }
}
