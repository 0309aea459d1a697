/// One bar of a persistence diagram: a class born at `birth` that dies at `death`
/// (`Double.infinity` for a class that never dies — written as JSON `null`).
public struct PersistencePair: Sendable, Equatable, Hashable {
    public var birth: Double
    public var death: Double

    @inlinable
    public init(birth: Double, death: Double) {
        self.birth = birth
        self.death = death
    }

    @inlinable public var isFinite: Bool { death.isFinite }
    @inlinable public var lifetime: Double { death - birth }
}

/// Persistence pairs per homology dimension: `dimensions[k]` holds the bars of H_k.
public struct PersistenceDiagram: Sendable, Equatable {
    public var dimensions: [[PersistencePair]]

    @inlinable
    public init(dimensions: [[PersistencePair]]) { self.dimensions = dimensions }
}
