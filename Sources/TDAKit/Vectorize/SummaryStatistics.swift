#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `stats`: summary statistics of one diagram's finite points.
///
/// `set=full` (default): count; mean and population SD (numpy's `std`, ddof 0) of births, deaths,
/// lifetimes (d − b) and midlives ((b + d) / 2); persistent entropy −Σ pᵢ log pᵢ with
/// pᵢ = ℓᵢ / Σℓ (gudhi's `Entropy(mode="scalar")`, but 0 · log 0 = 0 where gudhi gives NaN).
/// `set=ballester`: [SD births, SD deaths, mean births, mean deaths], the features of Ballester
/// et al. (2024) for predicting the generalization gap.
/// `top=K` appends the K largest lifetimes, largest first, zero-padded.
/// `augment=square,log` appends x² and then log(1 + x) of every value above, in that order.
/// An empty diagram gives zeros for every value.
public struct SummaryStatistics: Vectorization {
    public static let name = "stats"
    public static let summary = "count, mean/SD of births, deaths, lifetimes, midlives; entropy; top-k lifetimes"

    public enum Augment: String, Sendable, CaseIterable { case square, log }

    public let ballesterSet: Bool
    public let topLifetimes: Int
    public let augments: [Augment]

    public init(ballesterSet: Bool = false, topLifetimes: Int = 0, augments: [Augment] = []) {
        self.ballesterSet = ballesterSet
        self.topLifetimes = topLifetimes
        self.augments = augments
    }

    public init(parameters: inout VectorizationParameters) throws {
        let set = try parameters.choice("set", ["full", "ballester"], default: "full")
        let top = try parameters.int("top", default: 0)
        let augments = try parameters.choices("augment", Augment.allCases.map(\.rawValue)).compactMap(Augment.init)
        self.init(ballesterSet: set == "ballester", topLifetimes: top, augments: augments)
    }

    var baseNames: [String] {
        let main = ballesterSet
            ? ["sd_birth", "sd_death", "mean_birth", "mean_death"]
            : ["count", "mean_birth", "sd_birth", "mean_death", "sd_death", "mean_lifetime", "sd_lifetime",
               "mean_midlife", "sd_midlife", "entropy"]
        return main + (0..<topLifetimes).map { "top\($0 + 1)_lifetime" }
    }

    public var valueNames: [String] {
        let base = baseNames
        return base + augments.flatMap { augment in base.map { "\(augment.rawValue)_\($0)" } }
    }

    public func vectorize(_ points: [PersistencePair], into values: inout [Double]) {
        let births = points.map(\.birth), deaths = points.map(\.death)
        let start = values.count
        if ballesterSet {
            values += [Statistics.populationStandardDeviation(births), Statistics.populationStandardDeviation(deaths),
                       Statistics.mean(births), Statistics.mean(deaths)]
        } else {
            let lifetimes = points.map(\.lifetime), midlives = points.map { ($0.birth + $0.death) / 2 }
            values.append(Double(points.count))
            for sample in [births, deaths, lifetimes, midlives] {
                values += [Statistics.mean(sample), Statistics.populationStandardDeviation(sample)]
            }
            values.append(Self.persistentEntropy(lifetimes))
        }
        if topLifetimes > 0 {  // the sort was 9% of a `stats` run when done for no top lifetimes
            let top = points.map(\.lifetime).sorted(by: >).prefix(topLifetimes)
            values += top + Array(repeating: 0, count: topLifetimes - top.count)
        }
        let base = Array(values[start...])
        for augment in augments {
            switch augment {
            case .square: values += base.map { $0 * $0 }
            case .log: values += base.map { log1p($0) }
            }
        }
    }

    /// −Σ pᵢ log pᵢ with pᵢ = ℓᵢ / Σℓ; 0 when the total lifetime is 0 (empty or diagonal-only diagram).
    public static func persistentEntropy(_ lifetimes: [Double]) -> Double {
        let total = lifetimes.reduce(0, +)
        guard total > 0 else { return 0 }
        var entropy = 0.0
        for lifetime in lifetimes where lifetime > 0 {
            let p = lifetime / total
            entropy -= p * log(p)
        }
        return entropy
    }
}
