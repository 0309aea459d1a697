/// `--eps auto`: DBSCAN's eps from the knee of the sorted k-distance curve (Ester et al. 1996,
/// as used for Mapper by Purvine et al.).
///
/// The rule, exactly: k = `minSamples`; each query point's k-distance is the distance to its
/// k-th nearest point counting itself (the last column of scikit-learn's
/// `NearestNeighbors(n_neighbors=k).kneighbors(X)`); queries are every ⌈n/5000⌉-th point, their
/// neighbours searched among all n. With the k-distances sorted ascending as y₀ … y_{m−1} and
/// both axes scaled to [0, 1] (x_i = i/(m−1), ŷ_i = (y_i − y₀)/(y_{m−1} − y₀)), the knee is the
/// first index maximising x_i − ŷ_i (Kneedle, Satopää et al. 2011, without smoothing), and eps
/// is y at the knee. A flat curve gives eps = y₀.
public enum EpsKnee {
    public static let maxQueries = 5000

    /// The eps for `space`, whose values must be finite (`MetricSpace.checkFinite`).
    public static func eps(space: MetricSpace, minSamples: Int, threads: Int? = nil) throws -> Double {
        let n = space.count, k = min(max(minSamples, 1), n)
        let step = (n + maxQueries - 1) / maxQueries
        let queries = Array(stride(from: 0, to: n, by: step))
        let rows = DistanceRows(space)
        let kDistances = parallelMap(queries.count, threads: threads) { q in
            kSmallest(rows.row(queries[q]), k).last ?? 0
        }.sorted()
        let eps = kDistances[knee(kDistances)]
        guard eps > 0 else { throw MapperError.badEps(eps) }
        return eps
    }

    /// Index of the knee of an ascending curve (see above).
    static func knee(_ y: [Double]) -> Int {
        guard let first = y.first, let last = y.last, last > first, y.count > 2 else { return 0 }
        var best = 0, bestGap = -Double.infinity
        for (i, v) in y.enumerated() {
            let gap = Double(i) / Double(y.count - 1) - (v - first) / (last - first)
            if gap > bestGap { best = i; bestGap = gap }
        }
        return best
    }
}
