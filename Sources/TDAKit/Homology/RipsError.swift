/// Why a Vietoris–Rips computation refused its input; each case prints as one line.
public enum RipsError: Error, CustomStringConvertible, Equatable, ToolFailure {
    case emptyInput
    case singlePoint
    case notSquare(rows: Int, cols: Int)
    case asymmetric(row: Int, col: Int)
    case nonzeroDiagonal(index: Int)
    case negativeDistance(row: Int, col: Int)
    case notANumber(row: Int, col: Int)
    case nonFinitePoint(row: Int, col: Int)
    case distanceOverflow(largest: Double, precision: String)
    case unknownMetric(String)
    case notPrime(Int)
    case badMaxDimension(Int)
    case badThreshold(Double)
    case badApproximation(Double)
    case collapseWithCocycles
    case tooManySimplices(points: Int, dimension: Int)
    /// `fitting`: a subsample size for `--n-perm` (the most points whose estimate is half the
    /// limit, so that the unforeseeable working heaps of the reduction have the other half), 0
    /// when not worth saying.
    case memoryLimit(needed: Int, limit: Int, fitting: Int)
    case reductionMemoryLimit(limit: Int)

    /// Options out of range are usage errors (64); everything about the data is 65.
    public var status: ExitStatus {
        switch self {
        case .unknownMetric, .notPrime, .badMaxDimension, .badThreshold, .badApproximation, .collapseWithCocycles: return .usage
        default: return .dataError
        }
    }

    public var description: String {
        switch self {
        case .emptyInput: return "the input has no points"
        case .singlePoint: return "the input has a single point; Vietoris–Rips needs at least two"
        case let .notSquare(r, c): return "distance matrix is not square (\(r) rows, \(c) columns)"
        case let .asymmetric(r, c): return "distance matrix is not symmetric at (\(r), \(c))"
        case let .nonzeroDiagonal(i): return "distance matrix has a nonzero diagonal entry at (\(i), \(i))"
        case let .negativeDistance(r, c): return "distance matrix has a negative entry at (\(r), \(c))"
        case let .notANumber(r, c): return "distance matrix has NaN at (\(r), \(c))"
        case let .nonFinitePoint(r, c): return "point \(r) has a non-finite coordinate at column \(c)"
        case let .distanceOverflow(largest, precision):
            return "coordinates up to \(largest) make distances overflow to infinity in \(precision); rescale the cloud"
        case let .unknownMetric(name): return "unknown metric \"\(name)\" (known: \(RipsMetrics.names.joined(separator: ", ")))"
        case let .notPrime(p): return "coefficient \(p) is not a prime between 2 and 251"
        case let .badMaxDimension(d): return "maximum dimension \(d) must be between 0 and 16"
        case let .badThreshold(t): return "threshold \(t) must be a non-negative number"
        case let .badApproximation(e): return "approximation \(e) must be strictly between 0 and 1"
        case .collapseWithCocycles: return "--collapse cannot be combined with --cocycles: the collapsed complex has other cocycles"
        case let .tooManySimplices(n, d):
            return "\(n) points have too many \(d)-simplices to index in 56 bits; lower --maxdim or use fewer points"
        case let .memoryLimit(needed, limit, fitting):
            let over = "the run needs about \(MemoryEstimate.humanBytes(needed)), over the limit of \(MemoryEstimate.humanBytes(limit)); "
            guard fitting > 0 else { return over + "lower --threshold or --maxdim, use fewer points, or raise --max-memory" }
            return over + "subsample with --n-perm \(fitting) (its estimate leaves half the limit to the reduction), approximate with --approx 0.5 "
                + "(memory grows with the edges kept, not with the square of the points), lower --threshold or --maxdim, "
                + "or raise --max-memory"
        case let .reductionMemoryLimit(limit):
            return "the reduction's working columns passed the memory limit of \(MemoryEstimate.humanBytes(limit)); "
                + "lower --threshold or --maxdim, use fewer points, or raise --max-memory"
        }
    }
}
