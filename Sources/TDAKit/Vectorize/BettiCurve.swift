/// `betti`: the Betti curve x ↦ #{points with b ≤ x < d} sampled on a `SampleGrid`, as
/// gudhi.representations.BettiCurve with a resolution (a bar counts from its birth, inclusive,
/// to its death, exclusive). Parameters: `resolution` (100), `sample_range`, `keep_endpoints`.
public struct BettiCurve: Vectorization {
    public static let name = "betti"
    public static let summary = "Betti numbers on a grid (gudhi BettiCurve)"

    public var grid: SampleGrid
    let samples: [Double]

    public init(parameters: inout VectorizationParameters) throws {
        grid = try SampleGrid(parameters: &parameters)
        samples = grid.points
    }

    init(grid: SampleGrid) {
        self.grid = grid
        samples = grid.points
    }

    public var needsFit: Bool { grid.needsFit }

    public var valueNames: [String] { grid.valueNames }

    public func fitted(to diagrams: [[PersistencePair]]) -> BettiCurve { BettiCurve(grid: grid.fitted(to: diagrams)) }

    public func vectorize(_ points: [PersistencePair], into values: inout [Double]) {
        for x in samples {
            values.append(Double(points.reduce(0) { $0 + ($1.birth <= x && x < $1.death ? 1 : 0) }))
        }
    }
}
