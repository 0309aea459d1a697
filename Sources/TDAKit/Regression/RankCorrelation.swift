/// Rank correlations between two samples of equal length, as scipy.stats.
public enum RankCorrelation {
    /// Kendall's τ-b, as `scipy.stats.kendalltau` (its default variant): (C − D) / √((n₀ − n₁)(n₀ − n₂))
    /// with C, D the concordant and discordant pairs, n₀ = n(n − 1)/2 and n₁, n₂ the pairs tied in
    /// x and in y. NaN when either sample is constant or has fewer than 2 values, as scipy.
    /// O(n²) pair count: the samples here are held-out folds of at most a few thousand records.
    public static func kendallTau(_ x: [Double], _ y: [Double]) -> Double {
        let n = min(x.count, y.count)
        var concordant = 0, discordant = 0, tiedX = 0, tiedY = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                if dx == 0 { tiedX += 1 }
                if dy == 0 { tiedY += 1 }
                if dx != 0 && dy != 0 {
                    if (dx > 0) == (dy > 0) { concordant += 1 } else { discordant += 1 }
                }
            }
        }
        let pairs = n * (n - 1) / 2
        let denominator = (Double(pairs - tiedX) * Double(pairs - tiedY)).squareRoot()
        guard denominator > 0 else { return .nan }
        return Double(concordant - discordant) / denominator
    }

    /// Spearman's ρ: Pearson's correlation of the average ranks (ties share the mean of their
    /// ranks), as `scipy.stats.spearmanr`. NaN when either sample is constant.
    public static func spearmanRho(_ x: [Double], _ y: [Double]) -> Double {
        pearson(averageRanks(x), averageRanks(y))
    }

    /// Ranks 1…n, ties replaced by the mean of the ranks they span (`scipy.stats.rankdata`'s "average").
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// Pearson's correlation coefficient; NaN when either sample has zero variance.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let mx = Statistics.mean(x), my = Statistics.mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return sxy / (sxx * syy).squareRoot()
    }
}
