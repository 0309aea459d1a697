/// Apparent pairs (Bauer, "Ripser: efficient computation of Vietoris–Rips persistence
/// barcodes", 2021, §3.5): a pair (σ, τ) where τ is the first cofacet of σ with the same
/// diameter and σ is the last facet of τ with the same diameter. Such pairs have zero
/// persistence and can be read off locally: σ needs no column, and when τ shows up as a
/// pivot, adding σ's coboundary clears it without any stored column.
struct ApparentPairs<Value: BinaryFloatingPoint, Cofacets: CoboundaryEnumerator> where Cofacets.Value == Value {
    let distances: DistanceTable<Value>
    let binomial: BinomialTable
    let modulus: Int32
    /// A private enumerator, so checks can run while the caller walks its own coboundary.
    var probe: Cofacets
    /// Scratch for the vertices of one simplex (largest first).
    let vertices: UnsafeMutablePointer<Int>

    /// The first cofacet of `simplex` with the same diameter: the pivot its coboundary starts
    /// with (cofacets come by decreasing index, so this is the latest in the filtration order).
    @inline(__always)
    mutating func zeroPivotCofacet(_ simplex: DiameterEntry<Value>, dimension: Int) -> DiameterEntry<Value>? {
        probe.start(simplex, dimension: dimension)
        while probe.hasNext(allCofacets: true) {
            let cofacet = probe.next()
            if cofacet.diameter == simplex.diameter { return cofacet }
        }
        return nil
    }

    /// The facet of `simplex` with the same diameter and the smallest index: removing the
    /// vertices from the largest down gives facets by increasing index. Its coefficient is
    /// the incidence sign times the simplex's coefficient.
    @inline(__always)
    func zeroPivotFacet(_ simplex: DiameterEntry<Value>, dimension: Int) -> DiameterEntry<Value>? {
        binomial.vertices(of: simplex.index, dimension: dimension, into: vertices)
        for removed in 0...dimension {
            var diameter: Value = 0
            var index = 0
            for a in 0...dimension where a != removed {
                // Position of vertex a in the facet, counted from the smallest vertex.
                let rank = dimension - a - (a < removed ? 1 : 0)
                index += binomial(vertices[a], rank + 1)
                for b in (a + 1)..<(dimension + 1) where b != removed {
                    let d = distances(vertices[a], vertices[b])
                    if d > diameter { diameter = d }
                }
            }
            if diameter == simplex.diameter {
                let k = dimension - removed
                let coefficient = k & 1 == 1 ? modulus - simplex.coefficient : simplex.coefficient
                return DiameterEntry(diameter: diameter, index: index, coefficient: coefficient)
            }
        }
        return nil
    }

    /// σ's partner when σ is the facet side of an apparent pair.
    @inline(__always)
    mutating func apparentCofacet(_ simplex: DiameterEntry<Value>, dimension: Int) -> DiameterEntry<Value>? {
        guard let cofacet = zeroPivotCofacet(simplex, dimension: dimension),
              zeroPivotFacet(cofacet, dimension: dimension + 1)?.index == simplex.index else { return nil }
        return cofacet
    }

    /// τ's partner when τ is the cofacet side of an apparent pair.
    @inline(__always)
    mutating func apparentFacet(_ simplex: DiameterEntry<Value>, dimension: Int) -> DiameterEntry<Value>? {
        guard let facet = zeroPivotFacet(simplex, dimension: dimension),
              zeroPivotCofacet(facet, dimension: dimension - 1)?.index == simplex.index else { return nil }
        return facet
    }

    @inline(__always)
    mutating func isApparent(_ simplex: DiameterEntry<Value>, dimension: Int) -> Bool {
        apparentCofacet(simplex, dimension: dimension) != nil || apparentFacet(simplex, dimension: dimension) != nil
    }
}
