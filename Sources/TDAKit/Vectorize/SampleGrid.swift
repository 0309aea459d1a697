/// The evenly spaced sample points of the 1-D vectorizations (landscape, silhouette, betti,
/// entropy curve), with gudhi.representations' conventions (`_grid_from_sample_range`):
/// parameters `resolution`, `sample_range=lo,hi` (`nan` for an end fitted from the data: the
/// smallest birth, the largest death) and `keep_endpoints`. Without `keep_endpoints`, each fitted end
/// is dropped from a grid of resolution + (number of fitted ends) points, because the functions
/// vanish there.
public struct SampleGrid: Sendable, Equatable {
    public var resolution: Int
    public var low: Double
    public var high: Double
    public let lowFitted: Bool
    public let highFitted: Bool
    public var keepEndpoints: Bool

    public init(parameters: inout VectorizationParameters, defaultResolution: Int = 100) throws {
        resolution = try parameters.int("resolution", default: defaultResolution, minimum: 1)
        try parameters.checkLength(Double(resolution), asked: "resolution=\(resolution)")
        let range = try parameters.doubles("sample_range", count: 2, default: [.nan, .nan])
        keepEndpoints = try parameters.bool("keep_endpoints", default: false)
        (low, high) = (range[0], range[1])
        (lowFitted, highFitted) = (low.isNaN, high.isNaN)
        if !lowFitted && !highFitted && !(low <= high) {
            throw VectorizationError.emptyRange(vectorization: parameters.vectorization, parameter: "sample_range",
                                                low: low, high: high)
        }
    }

    /// True while an end is NaN (to be fitted from the data).
    public var needsFit: Bool { low.isNaN || high.isNaN }

    /// Replaces NaN ends with the data's smallest birth and largest death over all diagrams.
    /// With no points at all the ends stay NaN; every vectorization then gives zeros.
    public func fitted(to diagrams: [[PersistencePair]]) -> SampleGrid {
        var grid = self
        let points = diagrams.joined()
        if lowFitted, let m = points.map(\.birth).min() { grid.low = m }
        if highFitted, let m = points.map(\.death).max() { grid.high = m }
        return grid
    }

    /// The sample points: `resolution` values.
    public var points: [Double] {
        let trimLow = lowFitted && !keepEndpoints, trimHigh = highFitted && !keepEndpoints
        let count = resolution + (trimLow ? 1 : 0) + (trimHigh ? 1 : 0)
        var grid = linspace(low, high, count)
        if trimLow { grid.removeFirst() }
        if trimHigh { grid.removeLast() }
        return grid
    }

    public var valueNames: [String] { (0..<resolution).map { "x\($0)" } }
}

/// `count` evenly spaced values from `low` to `high` inclusive, computed as `numpy.linspace`:
/// low + i · step with step = (high − low)/(count − 1), and the last value exactly `high`.
func linspace(_ low: Double, _ high: Double, _ count: Int) -> [Double] {
    guard count > 1 else { return count == 1 ? [low] : [] }
    let step = (high - low) / Double(count - 1)
    return (0..<count).map { $0 == count - 1 ? high : low + Double($0) * step }
}
