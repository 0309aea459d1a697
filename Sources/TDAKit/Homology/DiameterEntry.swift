/// A simplex in a column: its diameter (filtration value), its combinatorial index and a
/// coefficient in Z/p (Ripser's `diameter_entry_t`).
struct DiameterEntry<Value: BinaryFloatingPoint>: Equatable {
    var index: Int
    var diameter: Value
    var coefficient: Int32

    @inline(__always)
    init(diameter: Value, index: Int, coefficient: Int32) {
        self.index = index
        self.diameter = diameter
        self.coefficient = coefficient
    }

    /// The order in which a cohomology column meets its entries: smaller diameter first,
    /// and among equal diameters the larger index first (Ripser's
    /// `greater_diameter_or_smaller_index`, read as a queue priority). Any total order
    /// refining the filtration gives the same barcode; this one makes the first cofacet of
    /// equal diameter met by the coboundary enumerator the pivot, which is what emergent
    /// and apparent pairs rely on.
    @inline(__always)
    func comesBefore(_ other: DiameterEntry) -> Bool {
        diameter < other.diameter || (diameter == other.diameter && index > other.index)
    }
}

/// A simplex without coefficient, as stored in the lists of columns to reduce.
struct DiameterIndex<Value: BinaryFloatingPoint>: Equatable {
    var index: Int
    var diameter: Value

    /// Columns are reduced by decreasing diameter, ties by increasing index: the reverse of
    /// the filtration order, as cohomology needs.
    @inline(__always)
    func reducedBefore(_ other: DiameterIndex) -> Bool {
        diameter > other.diameter || (diameter == other.diameter && index < other.index)
    }
}
extension DiameterIndex: Sendable where Value: Sendable {}
