/// Why a Mapper graph could not be built; each case reads as one line after `mapper: error:`.
public enum MapperError: Error, CustomStringConvertible, Equatable {
    case emptyInput
    case nonFinite(what: String, row: Int)
    case badOverlap(Double)
    case badIntervals(Int)
    case badEps(Double)
    case badMinSamples(Int)
    case constantLens(dimension: Int)
    case unknownName(kind: String, name: String, known: [String])
    case badParameter(kind: String, spec: String, reason: String)
    case needsPoints(lens: String)
    case noCoverElements(minimumPoints: Int)
    case tooManyCubes(intervals: Int, dimensions: Int)

    public var description: String {
        switch self {
        case .emptyInput: return "the input has no points"
        case let .nonFinite(what, row): return "\(what) of point \(row) is not a finite number (NaN or infinity)"
        case let .badOverlap(p): return "overlap must be in [0, 1), got \(p)"
        case let .badIntervals(n): return "the number of intervals must be at least 1, got \(n)"
        case let .badEps(e): return "eps must be a positive number, got \(e)"
        case let .badMinSamples(m): return "min-samples must be at least 1, got \(m)"
        case let .constantLens(d):
            return "lens dimension \(d) is constant over all points, so it cannot be covered by intervals"
        case let .unknownName(kind, name, known):
            let nearest = Suggestion.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
            return "unknown \(kind) '\(name)'\(nearest) (known: \(known.joined(separator: ", ")))"
        case let .badParameter(kind, spec, reason): return "bad \(kind) '\(spec)': \(reason)"
        case let .needsPoints(lens): return "lens '\(lens)' needs point coordinates, not a distance matrix"
        case let .tooManyCubes(n, d):
            return "--intervals \(n) with a \(d)-dimensional lens gives \(n)^\(d) cover elements, more than can be numbered"
        case .noCoverElements(let m):
            return "no cover element holds the \(m) points needed to cluster (fewer intervals or a smaller --min-samples)"
        }
    }
}

/// Parameter mistakes are usage errors (64); problems of the data are data errors (65).
extension MapperError: ToolFailure {
    public var status: ExitStatus {
        switch self {
        case .badOverlap, .badIntervals, .badEps, .badMinSamples, .unknownName, .badParameter, .tooManyCubes: return .usage
        case .emptyInput, .nonFinite, .constantLens, .needsPoints, .noCoverElements: return .dataError
        }
    }
}
