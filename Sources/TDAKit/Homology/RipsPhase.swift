/// A long phase of a Rips computation, as progress reports name it, in the order they run.
public enum RipsPhase: Hashable, Sendable {
    /// The distances between the points of a cloud: pairs of the n(n−1)/2 computed.
    case distances
    /// Edge collapse (`--collapse`): edges under the threshold visited.
    case collapse
    /// Listing and sorting the edges, pairing H0 by union–find and keeping the H1 columns:
    /// edges under the threshold processed.
    case edges
    /// Enumerating the d-simplices (d ≥ 2) and assembling the columns to reduce: facets,
    /// the (d−1)-simplices, processed.
    case simplices(dimension: Int)
    /// Reducing the columns of Hd: columns reduced.
    case columns(dimension: Int)

    /// The label of its progress bar or lines.
    public var label: String {
        switch self {
        case .distances: return "distances"
        case .collapse: return "edge collapse"
        case .edges: return "edges"
        case .simplices(let d): return "\(d)-simplices"
        case .columns(let d): return "H\(d) columns"
        }
    }
}

/// Receives (phase, units done, units in the phase) as a Rips computation advances; called from
/// one thread at a time, not always the caller's (see `ProgressCounter`).
public typealias RipsProgress = (_ phase: RipsPhase, _ done: Int, _ total: Int) -> Void
