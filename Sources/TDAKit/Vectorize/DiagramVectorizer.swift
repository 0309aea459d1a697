/// Applies a list of vectorizations to chosen homology dimensions of whole diagrams and names
/// the concatenated values `<vectorization>.H<k>.<value>`, vectorizations in the order given,
/// dimensions in the order given within each.
public struct DiagramVectorizer: Sendable {
    public var vectorizations: [any Vectorization]
    public var dimensions: [Int]
    /// Replacement for the death of essential (infinite) bars; nil drops them.
    public var infinityValue: Double?

    public init(vectorizations: [any Vectorization], dimensions: [Int], infinityValue: Double? = nil) {
        self.vectorizations = vectorizations
        self.dimensions = dimensions
        self.infinityValue = infinityValue
    }

    /// True when some vectorization must see all diagrams before the first vector (a fitted range).
    public var needsFit: Bool { vectorizations.contains { $0.needsFit } }

    public var valueNames: [String] {
        vectorizations.flatMap { vectorization in
            dimensions.flatMap { k in
                vectorization.valueNames.map { "\(type(of: vectorization).name).H\(k).\($0)" }
            }
        }
    }

    /// The points of dimension `k` that the vectorizations see: finite bars, plus essential bars
    /// with death `infinityValue` when one is set. A missing dimension is an empty diagram.
    /// Throws for NaN coordinates, an infinite birth or death < birth.
    public func points(_ diagram: PersistenceDiagram, dimension k: Int) throws -> [PersistencePair] {
        guard k < diagram.dimensions.count else { return [] }
        let bars = diagram.dimensions[k]
        var essential = 0
        for (index, pair) in bars.enumerated() {
            guard pair.birth.isFinite, !pair.death.isNaN, pair.death >= pair.birth else {
                throw VectorizationError.invalidPoint(dimension: k, index: index, birth: pair.birth, death: pair.death)
            }
            if !pair.death.isFinite {
                essential += 1
                if let replacement = infinityValue, !(replacement >= pair.birth) {
                    throw VectorizationError.invalidPoint(dimension: k, index: index, birth: pair.birth, death: replacement)
                }
            }
        }
        if essential == 0 { return bars }  // all finite: the diagram's own array, not a copy
        var points: [PersistencePair] = []
        points.reserveCapacity(bars.count)
        for pair in bars {
            if pair.death.isFinite {
                points.append(pair)
            } else if let replacement = infinityValue {
                points.append(PersistencePair(birth: pair.birth, death: replacement))
            }
        }
        return points
    }

    /// Fits every vectorization on all diagrams, separately per dimension as gudhi fits one
    /// transformer per dimension. The result holds one fitted vectorization per (kind, dimension).
    public func fitted(to diagrams: [PersistenceDiagram]) throws -> FittedDiagramVectorizer {
        var perDimension: [[any Vectorization]] = []
        for vectorization in vectorizations {
            var fitted: [any Vectorization] = []
            for k in dimensions {
                fitted.append(try vectorization.fitted(to: diagrams.map { try points($0, dimension: k) }))
            }
            perDimension.append(fitted)
        }
        return FittedDiagramVectorizer(base: self, fitted: perDimension)
    }
}

/// A `DiagramVectorizer` whose data-dependent settings are fixed; it maps a diagram to its vector.
public struct FittedDiagramVectorizer: Sendable {
    public let base: DiagramVectorizer
    /// `fitted[i][j]`: vectorization i for dimension `base.dimensions[j]`.
    public let fitted: [[any Vectorization]]

    public var valueNames: [String] { base.valueNames }

    /// The number of values of every vector (computed once: the names are not needed per diagram).
    let width: Int

    init(base: DiagramVectorizer, fitted: [[any Vectorization]]) {
        self.base = base
        self.fitted = fitted
        width = base.valueNames.count
    }

    public func vector(_ diagram: PersistenceDiagram) throws -> [Double] {
        let points = try base.dimensions.map { try base.points(diagram, dimension: $0) }
        var values: [Double] = []
        values.reserveCapacity(width)
        for row in fitted {
            for (vectorization, dimensionPoints) in zip(row, points) {
                vectorization.vectorize(dimensionPoints, into: &values)
            }
        }
        return values
    }
}
