#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `entropy`: persistent entropy (Atienza et al. 2018) as gudhi.representations.Entropy.
/// `mode=scalar` (default): −Σ pᵢ log pᵢ with pᵢ = (dᵢ − bᵢ) / Σ(d − b).
/// `mode=vector`: the entropy summary function on gudhi's grid: with step s the grid spacing and
/// lo the (fitted) range start, each point adds −pᵢ log pᵢ to samples ⌈(bᵢ − lo)/s⌉ ..< ⌈(dᵢ − lo)/s⌉
/// (clipped to 0…resolution); `normalized=true` (default) divides by the curve's L¹ norm.
/// Terms with pᵢ = 0 add 0 and an all-zero curve stays zero (gudhi gives NaN for both).
/// Parameters: `mode`, `normalized`, `resolution` (100), `sample_range`, `keep_endpoints`.
public struct EntropyVectorization: Vectorization {
    public static let name = "entropy"
    public static let summary = "persistent entropy, scalar or summary curve (gudhi Entropy)"

    public var vectorMode: Bool
    public var normalized: Bool
    public var grid: SampleGrid

    public init(parameters: inout VectorizationParameters) throws {
        vectorMode = try parameters.choice("mode", ["scalar", "vector"], default: "scalar") == "vector"
        normalized = try parameters.bool("normalized", default: true)
        grid = try SampleGrid(parameters: &parameters)
    }

    public var needsFit: Bool { vectorMode && grid.needsFit }

    public var valueNames: [String] { vectorMode ? grid.valueNames : ["entropy"] }

    public func fitted(to diagrams: [[PersistencePair]]) -> EntropyVectorization {
        var copy = self
        copy.grid = grid.fitted(to: diagrams)
        return copy
    }

    public func vectorize(_ points: [PersistencePair], into values: inout [Double]) {
        guard vectorMode else {
            values.append(SummaryStatistics.persistentEntropy(points.map(\.lifetime)))
            return
        }
        let samples = grid.points
        let step = samples.count > 1 && grid.low != grid.high ? samples[1] - samples[0] : 0
        var curve = [Double](repeating: 0, count: grid.resolution)
        let total = points.reduce(0) { $0 + $1.lifetime }
        if step > 0 && total > 0 {
            for p in points where p.lifetime > 0 {
                let share = p.lifetime / total
                let first = index((p.birth - grid.low) / step), last = index((p.death - grid.low) / step)
                for i in first..<max(first, last) { curve[i] -= share * log(share) }
            }
        }
        let l1 = curve.reduce(0) { $0 + abs($1) }
        values += normalized && l1 > 0 ? curve.map { $0 / l1 } : curve
    }

    func index(_ position: Double) -> Int {
        Int(min(max(position.rounded(.up), 0), Double(grid.resolution)))
    }
}
