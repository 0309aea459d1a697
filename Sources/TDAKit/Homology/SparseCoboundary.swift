/// Neighbour lists of the threshold graph, compressed (CSR): the edges d(i, j) ≤ threshold,
/// each list sorted by neighbour index (Ripser's `sparse_distance_matrix`).
final class NeighborLists<Value: RipsScalar>: @unchecked Sendable {
    let count: Int
    /// Neighbours of vertex i are at start[i] ..< start[i + 1].
    let start: UnsafeMutablePointer<Int>
    let neighbor: UnsafeMutablePointer<Int>
    let diameter: UnsafeMutablePointer<Value>
    let edgeCount: Int
    /// Sparse Rips only (`SparseRipsGraph`): each vertex's insertion radius λ and the factor
    /// ε(1 − ε)/2; a simplex of diameter f exists only while f · factor ≤ λ of all its vertices.
    let radius: [Double]?
    let blockerFactor: Double
    /// The table a threshold graph came from: O(1) edge lookups for the apparent pairs.
    private let table: DistanceTable<Value>?

    init(distances: DistanceTable<Value>, threshold: Value) {
        let n = distances.count
        count = n
        radius = nil
        blockerFactor = 0
        table = distances
        start = .allocate(capacity: n + 1)
        var total = 0
        for i in 0..<n {
            start[i] = total
            for j in 0..<n where j != i && distances(i, j) <= threshold { total += 1 }
        }
        start[n] = total
        edgeCount = total / 2
        neighbor = .allocate(capacity: max(total, 1))
        diameter = .allocate(capacity: max(total, 1))
        var slot = 0
        for i in 0..<n {
            for j in 0..<n where j != i {
                let d = distances(i, j)
                if d <= threshold {
                    neighbor[slot] = j
                    diameter[slot] = d
                    slot += 1
                }
            }
        }
    }

    /// The graph of explicit edges (i ≠ j, each once) on `count` vertices, with the blockers
    /// of a sparse Rips complex when `radius` is given.
    init(count n: Int, edges: [SparseEdge], radius: [Double]? = nil, blockerFactor: Double = 0) {
        count = n
        self.radius = radius
        self.blockerFactor = blockerFactor
        table = nil
        edgeCount = edges.count
        start = .allocate(capacity: n + 1)
        start.initialize(repeating: 0, count: n + 1)
        for edge in edges {
            start[edge.u + 1] += 1
            start[edge.v + 1] += 1
        }
        for i in 0..<n { start[i + 1] += start[i] }
        let total = 2 * edges.count
        neighbor = .allocate(capacity: max(total, 1))
        diameter = .allocate(capacity: max(total, 1))
        var fill = (0..<n).map { start[$0] }
        for edge in edges {
            for (a, b) in [(edge.u, edge.v), (edge.v, edge.u)] {
                neighbor[fill[a]] = b
                diameter[fill[a]] = Value(edge.diameter)
                fill[a] += 1
            }
        }
        for i in 0..<n {
            let list = (start[i]..<start[i + 1]).map { (neighbor[$0], diameter[$0]) }.sorted { $0.0 < $1.0 }
            for (offset, entry) in list.enumerated() {
                neighbor[start[i] + offset] = entry.0
                diameter[start[i] + offset] = entry.1
            }
        }
    }

    /// d(v, w) for an edge of the graph: from the table, else by binary search in v's list.
    func diameter(_ v: Int, _ w: Int) -> Value {
        if let table { return table(v, w) }
        var low = start[v], high = start[v + 1]
        while low < high {
            let middle = (low + high) / 2
            if neighbor[middle] < w { low = middle + 1 } else { high = middle }
        }
        return low < start[v + 1] && neighbor[low] == w ? diameter[low] : .infinity
    }

    /// Each edge once, indexed C(i, 2) + j for i > j, as `EdgeList`.
    func edges() -> [DiameterIndex<Value>] {
        var edges: [DiameterIndex<Value>] = []
        edges.reserveCapacity(edgeCount)
        for i in 0..<count {
            for slot in start[i]..<start[i + 1] where neighbor[slot] < i {
                edges.append(DiameterIndex(index: i * (i - 1) / 2 + neighbor[slot], diameter: diameter[slot]))
            }
        }
        return edges
    }

    deinit {
        start.deallocate()
        neighbor.deallocate()
        diameter.deallocate()
    }
}

/// Cofacets of a simplex in the Rips complex under a threshold: the common neighbours of its
/// vertices, found by walking their sorted neighbour lists downwards in step (Ripser's
/// sparse `simplex_coboundary_enumerator`). Every cofacet it yields is under the threshold.
struct SparseCoboundary<Value: RipsScalar>: CoboundaryEnumerator {
    private let graph: NeighborLists<Value>
    private let binomial: BinomialTable
    private let modulus: Int32
    /// Scratch: simplex vertices in increasing order, then one cursor per vertex.
    private let vertices: UnsafeMutablePointer<Int>
    private let cursor: UnsafeMutablePointer<Int>
    private var vertexCount = 0
    private var indexBelow = 0, indexAbove = 0, k = 0
    private var simplex = DiameterEntry<Value>(diameter: 0, index: 0, coefficient: 1)
    private var found = 0
    private var foundDiameter: Value = 0
    private(set) var vertexSum = 0
    /// The smallest insertion radius among the simplex's vertices (sparse Rips blockers).
    private var smallestRadius = Double.infinity

    /// `scratch` holds at least 2 (maxDimension + 2) integers, owned by the caller.
    init(graph: NeighborLists<Value>, binomial: BinomialTable, modulus: Int32, scratch: UnsafeMutablePointer<Int>, maxVertices: Int) {
        self.graph = graph
        self.binomial = binomial
        self.modulus = modulus
        vertices = scratch
        cursor = scratch + maxVertices
    }

    @inline(__always)
    mutating func start(_ simplex: DiameterEntry<Value>, dimension: Int) {
        self.simplex = simplex
        indexBelow = simplex.index
        indexAbove = 0
        k = dimension + 1
        vertexCount = dimension + 1
        binomial.vertices(of: simplex.index, dimension: dimension, into: vertices)
        // Largest-first from the table; reverse to increasing order.
        var low = 0, high = dimension
        while low < high {
            (vertices[low], vertices[high]) = (vertices[high], vertices[low])
            low += 1
            high -= 1
        }
        vertexSum = 0
        for position in 0..<vertexCount {
            cursor[position] = graph.start[vertices[position] + 1] - 1
            vertexSum &+= vertices[position]
        }
        if let radius = graph.radius {
            smallestRadius = .infinity
            for position in 0..<vertexCount { smallestRadius = min(smallestRadius, radius[vertices[position]]) }
        }
    }

    @inline(__always)
    mutating func hasNext(allCofacets: Bool) -> Bool {
        let first = graph.start[vertices[0]]
        outer: while cursor[0] >= first {
            found = graph.neighbor[cursor[0]]
            foundDiameter = graph.diameter[cursor[0]]
            for position in 1..<vertexCount {
                let end = graph.start[vertices[position]]
                if cursor[position] < end { return false }
                while graph.neighbor[cursor[position]] > found {
                    cursor[position] -= 1
                    if cursor[position] < end { return false }
                }
                if graph.neighbor[cursor[position]] != found {
                    cursor[0] -= 1
                    continue outer
                }
                foundDiameter = max(foundDiameter, graph.diameter[cursor[position]])
            }
            if let radius = graph.radius,
               Double(max(simplex.diameter, foundDiameter)) * graph.blockerFactor > min(smallestRadius, radius[found]) {
                // Blocked (gudhi's expansion_with_blockers): a vertex left before it could be born.
                cursor[0] -= 1
                continue outer
            }
            while k > 0 && vertices[k - 1] > found {
                if !allCofacets { return false }
                indexBelow -= binomial(vertices[k - 1], k)
                indexAbove += binomial(vertices[k - 1], k + 1)
                k -= 1
            }
            return true
        }
        return false
    }

    @inline(__always)
    func edgeDiameter(_ v: Int, _ w: Int) -> Value { graph.diameter(v, w) }

    @inline(__always)
    func nextVertex() -> Int { found }

    @inline(__always)
    mutating func skip() { cursor[0] -= 1 }

    @inline(__always)
    mutating func next() -> DiameterEntry<Value> {
        cursor[0] -= 1
        let diameter = max(simplex.diameter, foundDiameter)
        let index = indexAbove + binomial(found, k + 1) + indexBelow
        let coefficient = k & 1 == 1 ? modulus - simplex.coefficient : simplex.coefficient
        return DiameterEntry(diameter: diameter, index: index, coefficient: coefficient)
    }
}
