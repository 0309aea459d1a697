/// Clusters the points of one cover element.
///
/// Labels follow scikit-learn: `-1` is noise, clusters are numbered `0, 1, …`. Mapper makes one
/// node per cluster label, named `cube<i>_cluster<label>` as KeplerMapper does.
public protocol Clusterer: Sendable {
    /// One label per entry of `members` (global row indices into `space`, ascending).
    func labels(space: MetricSpace, members: [Int]) -> [Int]

    /// Cover elements with fewer points are skipped, as KeplerMapper's `min_cluster_samples`
    /// (DBSCAN's `min_samples`, otherwise 2).
    var minimumPoints: Int { get }
}

/// The clusterers by command-line name (`--cluster`).
public enum ClustererRegistry {
    /// Names and one-line descriptions, for help, completions and the man page.
    public static let entries: [(name: String, summary: String)] = [
        ("dbscan", "DBSCAN with scikit-learn's core/border rules (--eps, --min-samples, --metric)"),
        ("single-linkage", "single linkage cut at the first empty bin of the edge-length histogram"),
        ("one", "every cover element is one cluster"),
    ]

    public static var names: [String] { entries.map(\.name) }

    /// The clusterer named `name`; DBSCAN uses `eps` and `minSamples`.
    public static func make(_ name: String, eps: Double, minSamples: Int) throws -> any Clusterer {
        switch name {
        case "dbscan": return try DBSCAN(eps: eps, minSamples: minSamples)
        case "single-linkage": return SingleLinkage()
        case "one": return OneCluster()
        default: throw MapperError.unknownName(kind: "clusterer", name: name, known: names)
        }
    }
}

/// Puts every point of a cover element in one cluster (the classic "connected components of
/// the cover" Mapper).
public struct OneCluster: Clusterer {
    public init() {}
    public var minimumPoints: Int { 1 }
    public func labels(space: MetricSpace, members: [Int]) -> [Int] { [Int](repeating: 0, count: members.count) }
}
