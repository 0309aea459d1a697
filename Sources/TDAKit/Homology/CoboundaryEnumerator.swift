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

    /// Whether another cofacet exists in `part` of mask + 1 parts (a power of two; see
    /// `shareOf(vertexSum:mask:)`), passing over the others uncomputed: a split column's share
    /// (`SplitColumn`); with mask 0, every cofacet.
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

/// Vertex sums per run of a split column's share: log2 of 32.
let shareRunBits = 5

/// The part of mask + 1 parts a simplex with this vertex sum falls in: parts take turns in
/// runs of 32 consecutive sums. The sum is a property of the simplex, so every copy of a
/// cofacet lands in the same part. Runs, not single sums, because a simplex's cofacets add
/// consecutive vertices: a part then reads 32-vertex stretches of the distance rows, which its
/// SIMD scans cover (`DenseCoboundary.hasNext(inShare:mask:low:high:)`), where alternate
/// vertices made every part scan and load every row whole (perf on mlp-images-3000: two
/// threads spent 1.7× the CPU time of one on the long column, and ran in 2.81 s against 4.12 s).
/// Runs of 32 measured best there: 2.55 s, against 2.64 s (64), 2.70 s (128) and 2.83 s (16).
@inline(__always)
func shareOf(vertexSum: Int, mask: Int) -> Int { (vertexSum >> shareRunBits) & mask }

extension CoboundaryEnumerator {
    /// By passing over the cofacets one at a time: the sparse case, where they are few.
    @inline(__always)
    mutating func hasNext(inShare part: Int, mask: Int) -> Bool {
        while hasNext(allCofacets: true) {
            if shareOf(vertexSum: vertexSum &+ nextVertex(), mask: mask) == part { return true }
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
