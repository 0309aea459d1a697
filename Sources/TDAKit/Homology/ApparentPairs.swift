/// Apparent pairs (Bauer, "Ripser: efficient computation of Vietoris–Rips persistence
/// barcodes", 2021, §3.5): a pair (σ, τ) where τ is the first cofacet of σ with the same
/// diameter and σ is the last facet of τ with the same diameter. Such pairs have zero
/// persistence and can be read off locally: σ needs no column, and when τ shows up as a
/// pivot, adding σ's coboundary clears it without any stored column.
struct ApparentPairs<Value: RipsScalar, Cofacets: CoboundaryEnumerator> where Cofacets.Value == Value {
    let binomial: BinomialTable
    let modulus: Int32
    /// A private enumerator, so checks can run while the caller walks its own coboundary.
    var probe: Cofacets
    /// Scratch for the vertices (largest first) of the simplex checked, and of its partner.
    let vertices: UnsafeMutablePointer<Int>
    let partner: UnsafeMutablePointer<Int>

    /// The facet of a simplex with the same diameter and the smallest index, and the position
    /// of the vertex it omits: removing the vertices from the largest down gives facets by
    /// increasing index. Its coefficient is the incidence sign times the simplex's.
    @inline(__always)
    func zeroPivotFacet(_ simplex: DiameterEntry<Value>, dimension: Int,
                        vertices: UnsafePointer<Int>) -> (facet: DiameterEntry<Value>, removed: Int)? {
        for removed in 0...dimension {
            var diameter: Value = 0
            var index = 0
            for a in 0...dimension where a != removed {
                // Position of vertex a in the facet, counted from the smallest vertex.
                let rank = dimension - a - (a < removed ? 1 : 0)
                index += binomial(vertices[a], rank + 1)
                for b in (a + 1)..<(dimension + 1) where b != removed {
                    let d = probe.edgeDiameter(vertices[a], vertices[b])
                    if d > diameter { diameter = d }
                }
            }
            if diameter == simplex.diameter {
                let k = dimension - removed
                let coefficient = k & 1 == 1 ? modulus - simplex.coefficient : simplex.coefficient
                return (DiameterEntry(diameter: diameter, index: index, coefficient: coefficient), removed)
            }
        }
        return nil
    }

    /// σ's partner when σ (vertices given) is the facet side of an apparent pair. The
    /// cofacet's vertices are σ's with the added one in its place, not decoded from its index
    /// (decoding, a binary search per vertex, was 70% of the top dimension's assembly).
    @inline(__always)
    mutating func apparentCofacet(of simplex: DiameterEntry<Value>, dimension: Int,
                                         vertices: UnsafePointer<Int>) -> DiameterEntry<Value>? {
        guard let (cofacet, added) = probe.zeroPivotCofacet(simplex, dimension: dimension, vertices: vertices) else { return nil }
        var position = 0
        while position <= dimension && vertices[position] > added {
            partner[position] = vertices[position]
            position += 1
        }
        partner[position] = added
        while position <= dimension {
            partner[position + 1] = vertices[position]
            position += 1
        }
        return zeroPivotFacet(cofacet, dimension: dimension + 1, vertices: partner)?.facet.index == simplex.index ? cofacet : nil
    }

    /// τ's partner when τ (vertices given) is the cofacet side of an apparent pair.
    @inline(__always)
    private mutating func apparentFacet(of simplex: DiameterEntry<Value>, dimension: Int,
                                       vertices: UnsafePointer<Int>) -> DiameterEntry<Value>? {
        guard let (facet, removed) = zeroPivotFacet(simplex, dimension: dimension, vertices: vertices) else { return nil }
        var count = 0
        for a in 0...dimension where a != removed {
            partner[count] = vertices[a]
            count += 1
        }
        return probe.zeroPivotCofacet(facet, dimension: dimension - 1, vertices: partner)?.cofacet.index == simplex.index ? facet : nil
    }

    /// τ's partner when τ is the cofacet side of an apparent pair.
    @inline(__always)
    mutating func apparentFacet(_ simplex: DiameterEntry<Value>, dimension: Int) -> DiameterEntry<Value>? {
        binomial.vertices(of: simplex.index, dimension: dimension, into: vertices)
        return apparentFacet(of: simplex, dimension: dimension, vertices: vertices)
    }

    /// An emergent pair (Bauer 2021, §3.4): the first cofacet of σ with the same diameter is the
    /// pivot of σ's column as soon as no column owns it yet and it is not in an apparent pair;
    /// then the rest of the coboundary need not be enumerated.
    @inline(__always)
    mutating func emergentCofacet(_ simplex: DiameterEntry<Value>, dimension: Int, pivots: PivotTable) -> DiameterEntry<Value>? {
        binomial.vertices(of: simplex.index, dimension: dimension, into: vertices)
        guard let (cofacet, _) = probe.zeroPivotCofacet(simplex, dimension: dimension, vertices: vertices),
              !pivots.contains(cofacet.index), apparentFacet(cofacet, dimension: dimension + 1) == nil else { return nil }
        return cofacet
    }

    /// Whether the simplex, whose vertices (largest first) the caller knows, is in an
    /// apparent pair, on either side.
    @inline(__always)
    mutating func isApparent(_ simplex: DiameterEntry<Value>, dimension: Int, vertices known: UnsafePointer<Int>) -> Bool {
        apparentCofacet(of: simplex, dimension: dimension, vertices: known) != nil
            || apparentFacet(of: simplex, dimension: dimension, vertices: known) != nil
    }
}
