/// A point of a graph's persistence diagram and the vertices whose function values are its
/// coordinates (`deathVertex` nil for an essential class), for gradients through the filtration.
public struct GraphPersistencePoint: Sendable, Equatable {
    public var birth: Double
    public var death: Double
    public var birthVertex: Int
    public var deathVertex: Int?

    public init(birth: Double, death: Double, birthVertex: Int, deathVertex: Int?) {
        self.birth = birth
        self.death = death
        self.birthVertex = birthVertex
        self.deathVertex = deathVertex
    }
}

/// The four extended persistence diagrams of a graph, each point written (min, max).
public struct ExtendedDiagrams: Sendable, Equatable {
    public var ord0: [GraphPersistencePoint] = []
    public var rel1: [GraphPersistencePoint] = []
    public var ext0: [GraphPersistencePoint] = []
    public var ext1: [GraphPersistencePoint] = []

    /// The diagrams by their record names, in the protocol's order.
    public var named: [(String, [GraphPersistencePoint])] { [("ord0", ord0), ("rel1", rel1), ("ext0", ext0), ("ext1", ext1)] }
}

/// Persistence of the lower-star filtration of a vertex function on a graph (an edge enters at
/// the larger value of its ends), as gudhi's `SimplexTree` computes it.
///
/// Points of zero persistence are dropped, as gudhi drops them (`persistence()` and
/// `extended_persistence()` keep only |death − birth| > 0).
public enum GraphPersistence {
    /// Ordinary persistence: H0 with one essential class per component (death ∞), H1 with one
    /// essential class per independent cycle, born when its last edge enters. Read off the
    /// union–find pairing that TOGL's layer uses (`VertexPairing`): a merged vertex's point,
    /// unless of zero persistence, and each component's oldest vertex and each cycle-closing
    /// edge as essential classes.
    public static func ordinary(_ graph: Graph, _ f: [Double]) -> [[GraphPersistencePoint]] {
        let pairing = VertexPairing(graph, f)
        var diagrams: [[GraphPersistencePoint]] = [[], []]
        for v in 0..<graph.vertexCount {
            if pairing.roots.contains(v) {
                diagrams[0].append(GraphPersistencePoint(birth: f[v], death: .infinity, birthVertex: v, deathVertex: nil))
            } else if f[v] != f[pairing.deathVertex[v]] {
                diagrams[0].append(GraphPersistencePoint(birth: f[v], death: f[pairing.deathVertex[v]], birthVertex: v, deathVertex: pairing.deathVertex[v]))
            }
        }
        for cycle in pairing.cycles {
            diagrams[1].append(GraphPersistencePoint(birth: f[cycle.birthVertex], death: .infinity, birthVertex: cycle.birthVertex, deathVertex: nil))
        }
        return diagrams
    }

    /// Extended persistence (Cohen-Steiner, Edelsbrunner, Harer 2009) of the cone on the graph,
    /// as gudhi's `extend_filtration` builds it: the apex first, then the lower star of f
    /// ascending, then the cone on every simplex in descending order of its lowest value.
    /// Pairs within the ascending part are Ord0, within the descending part Rel1, and across
    /// the parts Ext0 (born by a vertex) or Ext1 (born by an edge). gudhi reports Rel1 and Ext1
    /// points with birth > death; here every point is (min, max), its vertices in that order.
    public static func extended(_ graph: Graph, _ f: [Double]) -> ExtendedDiagrams {
        let n = graph.vertexCount, m = graph.edges.count
        let apex = 2 * (n + m)
        var simplices = lowerStar(graph, f, part: 1)
        for v in 0..<n { simplices.append(FilteredSimplex(part: 2, key: -f[v], dimension: 1, faces: [v, apex], valueVertex: v)) }
        for (k, (a, b)) in graph.edges.enumerated() {
            let low = f[a] <= f[b] ? a : b
            simplices.append(FilteredSimplex(part: 2, key: -f[low], dimension: 2, faces: [n + k, n + m + a, n + m + b], valueVertex: low))
        }
        simplices.append(FilteredSimplex(part: 0, key: 0, dimension: 0, faces: [], valueVertex: -1))
        var diagrams = ExtendedDiagrams()
        for (b, d) in BoundaryReduction.pairs(simplices).pairs {
            let (vb, vd) = (simplices[b].valueVertex, simplices[d].valueVertex)
            guard f[vb] != f[vd] else { continue }
            let point = f[vb] < f[vd]
                ? GraphPersistencePoint(birth: f[vb], death: f[vd], birthVertex: vb, deathVertex: vd)
                : GraphPersistencePoint(birth: f[vd], death: f[vb], birthVertex: vd, deathVertex: vb)
            switch (simplices[b].part, simplices[d].part, simplices[b].dimension) {
            case (1, 1, _): diagrams.ord0.append(point)
            case (2, 2, _): diagrams.rel1.append(point)
            case (_, _, 0): diagrams.ext0.append(point)
            default: diagrams.ext1.append(point)
            }
        }
        return diagrams
    }

    /// Vertices then edges, an edge at the larger value of its ends (ties: the later vertex).
    private static func lowerStar(_ graph: Graph, _ f: [Double], part: Int) -> [FilteredSimplex] {
        var simplices = (0..<graph.vertexCount).map { FilteredSimplex(part: part, key: f[$0], dimension: 0, faces: [], valueVertex: $0) }
        for (a, b) in graph.edges {
            let high = f[a] > f[b] ? a : b
            simplices.append(FilteredSimplex(part: part, key: f[high], dimension: 1, faces: [a, b], valueVertex: high))
        }
        return simplices
    }
}
