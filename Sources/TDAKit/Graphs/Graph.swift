/// A simple undirected graph on vertices `0..<vertexCount`: the 1-skeleton whose vertex
/// filtrations and persistence the `ph-graph` tool computes.
///
/// Links are kept as gudhi's `SimplexTree` keeps them: a self-loop `[v, v]` is the vertex alone
/// (`insert([v, v])` inserts just `[v]`), and a repeated link is one edge.
public struct Graph: Sendable, Equatable {
    public let vertexCount: Int
    /// Distinct edges `(a, b)` with `a < b`, sorted.
    public let edges: [(Int, Int)]

    /// Builds the graph from links given as index pairs, all already checked to be in range.
    public init(vertexCount: Int, links: [(Int, Int)]) {
        self.vertexCount = vertexCount
        var keys = Set<Edge>()
        var edges: [(Int, Int)] = []
        for (a, b) in links where a != b {
            let (u, v) = (min(a, b), max(a, b))
            if keys.insert(Edge(u: u, v: v)).inserted { edges.append((u, v)) }
        }
        self.edges = edges.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    /// The number of distinct neighbours of each vertex (self-loops and repeats not counted).
    public var degrees: [Int] {
        var degree = [Int](repeating: 0, count: vertexCount)
        for (a, b) in edges {
            degree[a] += 1
            degree[b] += 1
        }
        return degree
    }

    /// The most vertices a graph may have: the persistence arrays grow with it (a record's count
    /// past it is a data error, not an allocation that fails).
    public static let maxVertexCount = 10_000_000

    private struct Edge: Hashable {
        var u: Int
        var v: Int
    }

    public static func == (lhs: Graph, rhs: Graph) -> Bool {
        lhs.vertexCount == rhs.vertexCount && lhs.edges.elementsEqual(rhs.edges) { $0 == $1 }
    }
}
