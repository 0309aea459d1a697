/// Walks the cofacets of one simplex without building its coboundary: the implicit
/// coboundary matrix of Ripser. Cofacets come by decreasing index; each carries its
/// diameter and the incidence sign (−1)^k · coefficient, k = number of vertices of the
/// simplex below the added vertex.
///
/// Two specialisations, as in Ripser: `DenseCoboundary` tries every vertex (cheap per step,
/// best when most edges are under the threshold), `SparseCoboundary` intersects neighbour
/// lists (best when few are).
protocol CoboundaryEnumerator: SendableMetatype {
    associatedtype Value: RipsScalar

    /// Starts enumerating the cofacets of `simplex`, a `dimension`-simplex.
    mutating func start(_ simplex: DiameterEntry<Value>, dimension: Int)

    /// Whether another cofacet exists; with `allCofacets` false, only cofacets whose added
    /// vertex is above every vertex of the simplex (each (d+1)-simplex then arises from
    /// exactly one facet, which is how the next dimension's simplices are listed once).
    mutating func hasNext(allCofacets: Bool) -> Bool

    /// The next cofacet; its diameter may exceed the threshold in the dense case.
    mutating func next() -> DiameterEntry<Value>

    /// The vertex the next cofacet adds to the simplex (after `hasNext`).
    mutating func nextVertex() -> Int

    /// Passes over the next cofacet (after `hasNext`) without computing it.
    mutating func skip()

    /// Whether another cofacet exists whose vertex sum is `part` modulo mask + 1 (a power of
    /// two), passing over the others uncomputed: a split column's share (`SplitColumn`);
    /// with mask 0, every cofacet.
    mutating func hasNext(inShare part: Int, mask: Int) -> Bool

    /// As `hasNext(inShare:mask:)`, allowed to pass over cofacets whose diameter lies outside
    /// [low, high) (the caller still checks the ones it gets).
    mutating func hasNext(inShare part: Int, mask: Int, low: Value, high: Value) -> Bool

    /// The sum of the simplex's vertices (after `start`).
    var vertexSum: Int { get }

    /// The diameter of the edge {v, w} of the complex (v ≠ w), for facet diameters.
    func edgeDiameter(_ v: Int, _ w: Int) -> Value

    /// The first cofacet of `simplex` with the same diameter (the pivot its coboundary starts
    /// with, as cofacets come by decreasing index) and the vertex it adds, if any. `vertices`
    /// holds the simplex's vertices, largest first, so callers that know them skip the
    /// decoding (and know the cofacet's vertices from the one added).
    mutating func zeroPivotCofacet(_ simplex: DiameterEntry<Value>, dimension: Int,
                                   vertices: UnsafePointer<Int>) -> (cofacet: DiameterEntry<Value>, vertex: Int)?
}

extension CoboundaryEnumerator {
    /// By passing over the cofacets one at a time: the sparse case, where they are few.
    @inline(__always)
    mutating func hasNext(inShare part: Int, mask: Int) -> Bool {
        let residue = (part &- vertexSum) & mask
        while hasNext(allCofacets: true) {
            if nextVertex() & mask == residue { return true }
            skip()
        }
        return false
    }

    /// The share, every cofacet looked at: the sparse case, where they are few.
    @inline(__always)
    mutating func hasNext(inShare part: Int, mask: Int, low: Value, high: Value) -> Bool {
        hasNext(inShare: part, mask: mask)
    }

    /// By enumeration: the sparse case, where cofacets are few.
    @inline(__always)
    mutating func zeroPivotCofacet(_ simplex: DiameterEntry<Value>, dimension: Int,
                                   vertices: UnsafePointer<Int>) -> (cofacet: DiameterEntry<Value>, vertex: Int)? {
        start(simplex, dimension: dimension)
        while hasNext(allCofacets: true) {
            let vertex = nextVertex()
            let cofacet = next()
            if cofacet.diameter == simplex.diameter { return (cofacet, vertex) }
        }
        return nil
    }
}
