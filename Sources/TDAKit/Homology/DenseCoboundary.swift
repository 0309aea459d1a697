/// Cofacets of a simplex in the full Rips complex on a dense distance matrix: add each
/// vertex v = n−1, …, 0 not already in the simplex. The index of σ ∪ {v} is computed from
/// σ's index by moving the binomial terms of the vertices above v up one position
/// (Ripser's dense `simplex_coboundary_enumerator`).
struct DenseCoboundary<Value: RipsScalar>: CoboundaryEnumerator {
    private let distances: DistanceTable<Value>
    private let binomial: BinomialTable
    private let modulus: Int32
    private let vertices: UnsafeMutablePointer<Int>
    private var vertexCount = 0
    private var indexBelow = 0, indexAbove = 0, vertex = 0, k = 0
    private(set) var vertexSum = 0
    private var simplex = DiameterEntry<Value>(diameter: 0, index: 0, coefficient: 1)

    /// `vertices` is scratch space for at least maxDimension + 2 vertices, owned by the caller.
    init(distances: DistanceTable<Value>, binomial: BinomialTable, modulus: Int32, scratch vertices: UnsafeMutablePointer<Int>) {
        self.distances = distances
        self.binomial = binomial
        self.modulus = modulus
        self.vertices = vertices
    }

    @inline(__always)
    mutating func start(_ simplex: DiameterEntry<Value>, dimension: Int) {
        self.simplex = simplex
        indexBelow = simplex.index
        indexAbove = 0
        vertex = distances.count - 1
        k = dimension + 1
        vertexCount = dimension + 1
        binomial.vertices(of: simplex.index, dimension: dimension, into: vertices)
        vertexSum = 0
        for position in 0..<vertexCount { vertexSum &+= vertices[position] }
    }

    @inline(__always)
    mutating func hasNext(allCofacets: Bool) -> Bool {
        vertex >= k && (allCofacets || binomial(vertex, k) > indexBelow)
    }

    /// A SIMD scan down the rows of the simplex's vertices for the largest v whose distance to
    /// every vertex is at most the diameter (`RipsScalar.lastCommonNeighbor`). Most simplices
    /// have no such v, and the scan decides it 16 vertices a step instead of one (bench: the
    /// scalar enumeration was 89% of the time on 400 points in R³, maxdim 2).
    @inline(__always)
    mutating func zeroPivotCofacet(_ simplex: DiameterEntry<Value>, dimension: Int,
                                   vertices: UnsafePointer<Int>) -> (cofacet: DiameterEntry<Value>, vertex: Int)? {
        let v = Value.lastCommonNeighbor(distances.full, stride: distances.stride, vertices: vertices,
                                         count: dimension + 1, limit: simplex.diameter)
        return v < 0 ? nil : (cofacet(of: simplex, dimension: dimension, vertices: vertices, adding: v), v)
    }

    /// σ ∪ {v} with σ's diameter, its index and incidence sign.
    @inline(__always)
    private func cofacet(of simplex: DiameterEntry<Value>, dimension: Int, vertices: UnsafePointer<Int>,
                         adding v: Int) -> DiameterEntry<Value> {
        var index = 0, below = 0
        for position in 0...dimension {
            let w = vertices[position], rank = dimension - position
            if w > v { index += binomial(w, rank + 2) } else { index += binomial(w, rank + 1); below += 1 }
        }
        index += binomial(v, below + 1)
        let coefficient = below & 1 == 1 ? modulus - simplex.coefficient : simplex.coefficient
        return DiameterEntry(diameter: simplex.diameter, index: index, coefficient: coefficient)
    }

    @inline(__always)
    func edgeDiameter(_ v: Int, _ w: Int) -> Value { distances(v, w) }

    /// Steps past the simplex's own vertices to the vertex the next cofacet adds.
    @inline(__always)
    private mutating func settle() {
        while binomial(vertex, k) <= indexBelow {
            indexBelow -= binomial(vertex, k)
            indexAbove += binomial(vertex, k + 1)
            vertex -= 1
            k -= 1
        }
    }

    @inline(__always)
    mutating func nextVertex() -> Int {
        settle()
        return vertex
    }

    @inline(__always)
    mutating func skip() {
        settle()
        vertex -= 1
    }

    /// How far `vertex` lies above the run of the share at or below it, in vertices: under
    /// 2^`shareRunBits` when it is in the share (`shareOf`), its offset from that run's bottom.
    @inline(__always)
    private func distanceAboveShare(_ part: Int, mask: Int) -> Int {
        (vertexSum &+ vertex &- (part &<< shareRunBits)) & ((mask &+ 1) &<< shareRunBits &- 1)
    }

    /// Moves down to `target`, but not past the next simplex vertex, where `settle` must run.
    @inline(__always)
    private mutating func descend(to target: Int) {
        vertex = k > 0 ? max(target, vertices[vertexCount &- k]) : target
    }

    /// Steps straight to the next vertex of the share, stopping at each simplex vertex on the
    /// way so that `settle` passes it: a part's enumeration costs its share of the vertices,
    /// not all of them. `settle` keeps vertex − k, so checking `vertex >= k` before it (as
    /// `hasNext` does) keeps every table read in range.
    @inline(__always)
    mutating func hasNext(inShare part: Int, mask: Int) -> Bool {
        // The whole coboundary: the plain test, as `next` settles anyway.
        if mask == 0 { return hasNext(allCofacets: true) }
        let run = 1 &<< shareRunBits
        while vertex >= k {
            settle()
            let above = distanceAboveShare(part, mask: mask)
            if above < run { return true }
            descend(to: vertex &- above &+ run &- 1)
        }
        return false
    }

    /// `hasNext(inShare:mask:)` over the cofacets whose diameter, the largest of the
    /// simplex's and the added vertex's distances to it, may lie in [low, high): a SIMD scan
    /// of the simplex's rows over the share's run (`RipsScalar.lastInWindow`) finds the next
    /// such vertex, stopping at each simplex vertex on the way for `settle`. Past a column's
    /// frontier (`CoboundaryColumn`) most cofacets lie outside, and a refill wants a slice of them.
    @inline(__always)
    mutating func hasNext(inShare part: Int, mask: Int, low: Value, high: Value) -> Bool {
        guard simplex.diameter < high else { return false }
        let reach = simplex.diameter >= low ? -Value.infinity : low
        let run = 1 &<< shareRunBits
        while vertex >= k {
            settle()
            let above = mask == 0 ? vertex : distanceAboveShare(part, mask: mask)
            if above >= run && mask != 0 {
                descend(to: vertex &- above &+ run &- 1)
                continue
            }
            let bottom = max(vertex &- above, 0)
            let target = Value.lastInWindow(distances.full, stride: distances.stride, vertices: vertices, count: vertexCount,
                                            from: vertex, through: bottom, low: reach, high: high)
            if target == vertex { return true }
            if target < 0 && mask == 0 { return false }
            // Nothing in the run: on to the share's next run below it.
            descend(to: target >= 0 ? target : bottom &- (mask &<< shareRunBits) &- 1)
        }
        return false
    }

    @inline(__always)
    mutating func next() -> DiameterEntry<Value> {
        settle()
        var diameter = simplex.diameter
        for position in 0..<vertexCount {
            let d = distances(vertex, vertices[position])
            if d > diameter { diameter = d }
        }
        let index = indexAbove + binomial(vertex, k + 1) + indexBelow
        vertex -= 1
        let coefficient = k & 1 == 1 ? modulus - simplex.coefficient : simplex.coefficient
        return DiameterEntry(diameter: diameter, index: index, coefficient: coefficient)
    }
}
