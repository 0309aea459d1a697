/// Built-in seeded data sets, by their command-line names.
///
/// Low-dimensional sets follow scikit-learn's generators in two dimensions (`make_moons`,
/// `make_circles` with factor 0.8, `make_blobs` with centres in [−10, 10]) and extend to
/// `dimensions` > 2: moons and blobs pad with noise-only coordinates, circles use spheres,
/// xor labels by the parity of the positive coordinates, spirals twist in the first two
/// coordinates. `images` is the procedural 16×16 set of `ShapeImages`.
public enum SyntheticData: String, CaseIterable, Sendable {
    case moons, circles, spirals, blobs, xor, images

    /// Options of a generated set.
    public struct Options: Sendable, Equatable {
        public var count = 1000
        public var dimensions = 2
        public var noise = 0.1
        /// Classes for spirals, blobs and images (moons, circles, xor have 2).
        public var classes = 3
        public init() {}
    }

    /// Number of classes the set has with these options.
    public func classCount(_ options: Options) -> Int {
        switch self {
        case .moons, .circles, .xor: return 2
        case .spirals, .blobs: return options.classes
        case .images: return min(options.classes, ShapeImages.Motif.allCases.count)
        }
    }

    /// Draws the set; the same generator state gives the same data.
    public func generate<G: RandomNumberGenerator>(_ options: Options, rng: inout G) -> Dataset {
        if self == .images { return ShapeImages.generate(count: options.count, classes: classCount(options), noise: options.noise, rng: &rng) }
        let d = max(options.dimensions, 2), classes = classCount(options)
        var rows = [Float](), labels = [Int]()
        rows.reserveCapacity(options.count * d)
        var centres = [[Double]]()
        if self == .blobs {
            centres = (0..<classes).map { _ in (0..<d).map { _ in NetworkRandom.uniform(-10, 10, &rng) } }
        }
        for i in 0..<options.count {
            // Classes take turns (sklearn splits moons and circles into halves the same way).
            let label = i * classes / options.count
            var x = [Double](repeating: 0, count: d)
            switch self {
            case .moons:
                let t = Double.pi * NetworkRandom.unit(&rng)
                x[0] = label == 0 ? cosValue(t) : 1 - cosValue(t)
                x[1] = label == 0 ? sinValue(t) : 0.5 - sinValue(t)
            case .circles:
                let direction = (0..<d).map { _ in NetworkRandom.normal(&rng) }
                let norm = direction.reduce(0) { $0 + $1 * $1 }.squareRoot()
                let radius = label == 0 ? 1 : 0.8
                for j in 0..<d { x[j] = radius * direction[j] / max(norm, 1e-12) }
            case .spirals:
                let r = NetworkRandom.unit(&rng)
                let angle = 4 * r + 2 * Double.pi * Double(label) / Double(classes)
                x[0] = r * cosValue(angle)
                x[1] = r * sinValue(angle)
            case .blobs:
                x = centres[label]
            case .xor:
                for j in 0..<d { x[j] = NetworkRandom.uniform(-1, 1, &rng) }
            case .images:
                break
            }
            var y = label
            if self == .xor { y = x.filter { $0 > 0 }.count % 2 }
            let sigma = self == .blobs ? max(options.noise, 0) * 10 : options.noise
            for j in 0..<d { rows.append(Float(x[j] + sigma * NetworkRandom.normal(&rng))) }
            labels.append(y)
        }
        return Dataset(features: Matrix(rows: options.count, cols: d, storage: rows), labels: labels,
                       shape: TensorShape(features: d), classes: classes)
    }
}
