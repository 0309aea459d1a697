/// Neighbour lists of the threshold graph, compressed (CSR): the edges d(i, j) ≤ threshold,
/// each list sorted by neighbour index (Ripser's `sparse_distance_matrix`).
final class NeighborLists<Value: RipsScalar>: @unchecked Sendable {
    let count: Int
    /// Neighbours of vertex i are at start[i] ..< start[i + 1].
    let start: UnsafeMutablePointer<Int>
    let neighbor: UnsafeMutablePointer<Int>
    let diameter: UnsafeMutablePointer<Value>
    let edgeCount: Int

    init(distances: DistanceTable<Value>, threshold: Value) {
        let n = distances.count
        count = n
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
        for position in 0..<vertexCount { cursor[position] = graph.start[vertices[position] + 1] - 1 }
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
    mutating func next() -> DiameterEntry<Value> {
        cursor[0] -= 1
        let diameter = max(simplex.diameter, foundDiameter)
        let index = indexAbove + binomial(found, k + 1) + indexBelow
        let coefficient = k & 1 == 1 ? modulus - simplex.coefficient : simplex.coefficient
        return DiameterEntry(diameter: diameter, index: index, coefficient: coefficient)
    }
}
