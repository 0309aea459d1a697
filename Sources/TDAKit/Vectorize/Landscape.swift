/// `landscape`: persistence landscapes λ₁ ≥ … ≥ λ_k (Bubenik 2015) sampled on a `SampleGrid`, as
/// gudhi.representations.Landscape: λⱼ(x) = √2 · (j-th largest of max(0, (d − b)/2 − |x − (b + d)/2|)),
/// zero when fewer than j points; values ordered landscape by landscape. Parameters:
/// `num_landscapes` (5), `resolution` (100), `sample_range`, `keep_endpoints`.
public struct Landscape: Vectorization {
    public static let name = "landscape"
    public static let summary = "persistence landscapes λ1..λk sampled on a grid (gudhi Landscape)"

    public var numLandscapes: Int
    public var grid: SampleGrid
    let samples: [Double]

    public init(parameters: inout VectorizationParameters) throws {
        numLandscapes = try parameters.int("num_landscapes", default: 5, minimum: 1)
        grid = try SampleGrid(parameters: &parameters)
        samples = grid.points
    }

    init(numLandscapes: Int, grid: SampleGrid) {
        self.numLandscapes = numLandscapes
        self.grid = grid
        samples = grid.points
    }

    public var needsFit: Bool { grid.needsFit }

    public var valueNames: [String] {
        (1...numLandscapes).flatMap { k in grid.valueNames.map { "l\(k)_\($0)" } }
    }

    public func fitted(to diagrams: [[PersistencePair]]) -> Landscape {
        Landscape(numLandscapes: numLandscapes, grid: grid.fitted(to: diagrams))
    }

    public func vectorize(_ points: [PersistencePair], into values: inout [Double]) {
        let start = values.count
        values += [Double](repeating: 0, count: numLandscapes * samples.count)
        var tents = [Double](repeating: 0, count: numLandscapes)
        for (i, x) in samples.enumerated() {
            // Keep the k largest tent heights at x in descending order (insertion into a short list).
            for j in 0..<numLandscapes { tents[j] = 0 }
            for p in points {
                let h = (p.death - p.birth) / 2 - abs(x - (p.birth + p.death) / 2)
                guard h > tents[numLandscapes - 1] else { continue }
                var j = numLandscapes - 1
                while j > 0 && tents[j - 1] < h { tents[j] = tents[j - 1]; j -= 1 }
                tents[j] = h
            }
            for j in 0..<numLandscapes { values[start + j * samples.count + i] = (2.0).squareRoot() * tents[j] }
        }
    }
}
