/// A lens (filter function): maps every point to one or more real values; Mapper covers the
/// lens image and clusters each cover element's preimage.
public protocol Lens: Sendable {
    /// Lens values, one row per point of `space`, one column per lens dimension.
    func values(_ space: MetricSpace) throws -> Matrix<Double>
}

/// The lenses by command-line name (`--lens NAME` or `--lens NAME:K`).
public enum LensRegistry {
    /// Names (with their parameter) and one-line descriptions, for help, completions and the
    /// man page.
    public static let entries: [(name: String, summary: String)] = [
        ("l2norm", "Euclidean norm of each point (TopoAct's lens; the default)"),
        ("coord:K", "coordinate K (0-based) of each point"),
        ("pca:K", "the first K = 1 or 2 principal components (largest loading positive, as scikit-learn)"),
        ("mean", "mean of each point's coordinates"),
        ("sum", "sum of each point's coordinates"),
        ("eccentricity", "mean distance to all points"),
        ("density", "Gaussian kernel density estimate (--bandwidth)"),
        ("knn-distance:K", "sum of distances to the K nearest points, the point itself included (KeplerMapper)"),
        ("precomputed", "the input's own lens values (a cloud record's `lens` field)"),
    ]

    /// Names without parameters, for completions.
    public static var names: [String] { entries.map { String($0.name.prefix { $0 != ":" }) } }

    /// The lens for `spec` (`name` or `name:K`); `precomputed` needs `given` values.
    public static func make(_ spec: String, bandwidth: Double = 1, given: Matrix<Double>? = nil) throws -> any Lens {
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts.first ?? ""
        func parameter(default value: Int? = nil) throws -> Int {
            if parts.count == 2, let k = Int(parts[1]), k >= 0 { return k }
            if parts.count == 1, let value { return value }
            throw MapperError.badParameter(kind: "lens", spec: spec, reason: "expected \(name):K with K a non-negative integer")
        }
        switch name {
        case "l2norm": return PointwiseLens.l2norm
        case "mean": return PointwiseLens.mean
        case "sum": return PointwiseLens.sum
        case "coord": return PointwiseLens.coordinate(try parameter())
        case "pca":
            let k = try parameter(default: 1)
            guard k == 1 || k == 2 else { throw MapperError.badParameter(kind: "lens", spec: spec, reason: "pca takes 1 or 2 components") }
            return PCALens(components: k)
        case "eccentricity": return EccentricityLens()
        case "density":
            guard bandwidth > 0, bandwidth.isFinite else {
                throw MapperError.badParameter(kind: "lens", spec: spec, reason: "bandwidth must be positive")
            }
            return DensityLens(bandwidth: bandwidth)
        case "knn-distance":
            let k = try parameter(default: 5)
            guard k >= 1 else { throw MapperError.badParameter(kind: "lens", spec: spec, reason: "K must be at least 1") }
            return KNNDistanceLens(neighbours: k)
        case "precomputed":
            guard let given else { throw MapperError.badParameter(kind: "lens", spec: spec, reason: "the input has no lens values") }
            return PrecomputedLens(values: given)
        default: throw MapperError.unknownName(kind: "lens", name: spec, known: names)
        }
    }
}

/// Lens values supplied with the input.
public struct PrecomputedLens: Lens {
    public let values: Matrix<Double>
    public init(values: Matrix<Double>) { self.values = values }
    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        guard values.rows == space.count else {
            throw MapperError.badParameter(kind: "lens", spec: "precomputed",
                                           reason: "\(values.rows) lens rows for \(space.count) points")
        }
        return values
    }
}
