/// Descriptive statistics of a sample of doubles, with numpy's conventions.
public enum Statistics {
    /// The arithmetic mean; 0 for an empty sample (a vectorization of an empty diagram is all zeros).
    @inlinable
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The population standard deviation sqrt(Σ(x − x̄)² / n), as `numpy.std` with its default
    /// `ddof=0`; 0 for an empty sample. Two passes, so it stays exact for samples with a large mean.
    @inlinable
    public static func populationStandardDeviation(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let m = mean(values)
        var sum = 0.0
        for x in values { sum += (x - m) * (x - m) }
        return (sum / Double(values.count)).squareRoot()
    }

    /// The median (mean of the two middle values for an even count), as `numpy.median`;
    /// NaN for an empty sample.
    @inlinable
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The `q`-th percentile (0 ≤ q ≤ 100), as `numpy.percentile` with its default linear
    /// method: the order statistics at ⌊h⌋ and ⌊h⌋ + 1, h = (n − 1)·q/100, interpolated with
    /// numpy's two-sided `_lerp` (b − (b − a)(1 − t) once t ≥ 0.5), so the bits agree too;
    /// NaN for an empty sample.
    @inlinable
    public static func percentile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * (q / 100)
        let below = min(max(Int(h.rounded(.down)), 0), sorted.count - 1)
        let (a, b, t) = (sorted[below], sorted[min(below + 1, sorted.count - 1)], h - Double(below))
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
    }
}
