/// A map from the finite points of one persistence diagram (one homology dimension) to a fixed-length
/// vector of named values. Each kind is a type with a command-line `name`, built from
/// `VectorizationParameters`, and listed in `VectorizationRegistry`.
public protocol Vectorization: Sendable {
    /// The command-line name (registry key), e.g. `image`.
    static var name: String { get }
    /// One line for `--help` and the man page.
    static var summary: String { get }
    /// Builds the vectorization from its parameters (reading each key it accepts).
    init(parameters: inout VectorizationParameters) throws
    /// The names of the values produced for one diagram, in order.
    var valueNames: [String] { get }
    /// Resolves data-dependent settings from all diagrams of a run, as gudhi.representations' `fit`
    /// (a NaN range end becomes the data minimum or maximum). Most kinds need nothing.
    func fitted(to diagrams: [[PersistencePair]]) throws -> Self
    /// True when `fitted(to:)` must see the data first (a range end left as NaN).
    var needsFit: Bool { get }
    /// Appends `valueNames.count` values for the finite points `points` to `values`.
    func vectorize(_ points: [PersistencePair], into values: inout [Double])
}

extension Vectorization {
    public func fitted(to diagrams: [[PersistencePair]]) throws -> Self { self }
    public var needsFit: Bool { false }

    /// The values for one diagram as a new array.
    public func vector(_ points: [PersistencePair]) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(valueNames.count)
        vectorize(points, into: &values)
        return values
    }
}

/// Every vectorization, keyed by its command-line name; help, completions and the man page list
/// this table.
public enum VectorizationRegistry {
    public static let kinds: [any Vectorization.Type] = [
        SummaryStatistics.self, PersistenceImage.self, Landscape.self, Silhouette.self, BettiCurve.self,
        EntropyVectorization.self, ComplexPolynomial.self, PersLay.self,
    ]

    public static var names: [String] { kinds.map { $0.name } }

    /// Builds a vectorization from `name:key=value:...`; an unknown name suggests the closest one.
    public static func make(_ spec: String) throws -> any Vectorization {
        var parameters = try VectorizationParameters.parse(spec)
        guard let kind = kinds.first(where: { $0.name == parameters.vectorization }) else {
            throw VectorizationError.unknownVectorization(
                parameters.vectorization, suggestion: Suggestion.closest(to: parameters.vectorization, in: names))
        }
        let vectorization = try kind.init(parameters: &parameters)
        try parameters.finish()
        return vectorization
    }
}
