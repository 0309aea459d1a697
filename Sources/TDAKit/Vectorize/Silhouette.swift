/// `silhouette`: the weighted mean of the landscape tents (Chazal et al. 2014) sampled on a
/// `SampleGrid`, as gudhi.representations.Silhouette: √2 · Σᵢ wᵢ max(0, (dᵢ − bᵢ)/2 − |x − mᵢ|) / Σᵢ wᵢ.
/// Parameters: `weight` (see `PointWeight`; `weight=power:power=q` is the classic power silhouette),
/// `resolution` (100), `sample_range`, `keep_endpoints`. Zero for an empty diagram.
public struct Silhouette: Vectorization {
    public static let name = "silhouette"
    public static let summary = "weighted mean of landscape tents on a grid (gudhi Silhouette)"

    public var weight: PointWeight
    public var grid: SampleGrid
    let samples: [Double]

    public init(parameters: inout VectorizationParameters) throws {
        weight = try PointWeight(parameters: &parameters)
        grid = try SampleGrid(parameters: &parameters)
        samples = grid.points
    }

    init(weight: PointWeight, grid: SampleGrid) {
        self.weight = weight
        self.grid = grid
        samples = grid.points
    }

    public var needsFit: Bool { grid.needsFit }

    public var valueNames: [String] { grid.valueNames }

    public func fitted(to diagrams: [[PersistencePair]]) -> Silhouette {
        Silhouette(weight: weight, grid: grid.fitted(to: diagrams))
    }

    public func vectorize(_ points: [PersistencePair], into values: inout [Double]) {
        let weights = points.map { weight($0) }
        let total = weights.reduce(0, +)
        for x in samples {
            var sum = 0.0
            for (p, w) in zip(points, weights) {
                sum += w / total * max(0, (p.death - p.birth) / 2 - abs(x - (p.birth + p.death) / 2))
            }
            values.append(sum * (2.0).squareRoot())
        }
    }
}
