/// How `perslay-vec reduce` turns the vectors of one group into one vector.
public enum GroupReduction: Sendable, Equatable {
    /// The coordinate-wise mean.
    case mean
    /// Ballester et al.'s bootstrap: `resamples` draws of n vectors with replacement from the n of
    /// the group, the mean of each draw, then the mean of those means.
    case bootstrap(resamples: Int)

    /// Parses `mean`, `bootstrap` (100 resamples) or `bootstrap:R`.
    public init?(_ text: String) {
        if text == "mean" { self = .mean; return }
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.first == "bootstrap" else { return nil }
        if parts.count == 1 { self = .bootstrap(resamples: 100); return }
        guard let r = Int(parts[1]), r > 0 else { return nil }
        self = .bootstrap(resamples: r)
    }

    /// Reduces equal-length `vectors` (at least one). A bootstrap draws its indices from `generator`
    /// in the order resample by resample, member by member: `generator.nextInt(below: n)`.
    public func reduce(_ vectors: [[Double]], generator: inout Xoshiro256StarStar) -> [Double] {
        let n = vectors.count, width = vectors.first?.count ?? 0
        switch self {
        case .mean:
            return Self.mean(of: vectors.indices, in: vectors, width: width)
        case let .bootstrap(resamples):
            var total = [Double](repeating: 0, count: width)
            var draw = [Int](repeating: 0, count: n)
            for _ in 0..<resamples {
                for i in 0..<n { draw[i] = generator.nextInt(below: n) }
                let means = Self.mean(of: draw, in: vectors, width: width)
                for j in 0..<width { total[j] += means[j] }
            }
            return total.map { $0 / Double(resamples) }
        }
    }

    static func mean<Indices: Collection<Int>>(of indices: Indices, in vectors: [[Double]], width: Int) -> [Double] {
        var sum = [Double](repeating: 0, count: width)
        for i in indices {
            for j in 0..<width { sum[j] += vectors[i][j] }
        }
        return sum.map { $0 / Double(indices.count) }
    }
}
