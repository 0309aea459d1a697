/// Why a vectorization could not be built or applied; each case prints as one line.
public enum VectorizationError: Error, CustomStringConvertible, Equatable, ToolFailure {
    case unknownVectorization(String, suggestion: String?)
    case unknownParameter(vectorization: String, parameter: String, accepted: [String])
    case invalidParameter(vectorization: String, parameter: String, value: String, expected: String)
    case emptyRange(vectorization: String, parameter: String, low: Double, high: Double)
    case invalidPoint(dimension: Int, index: Int, birth: Double, death: Double)

    public var description: String {
        switch self {
        case let .unknownVectorization(name, suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown vectorization '\(name)'\(hint)"
        case let .unknownParameter(vectorization, parameter, accepted):
            let nearest = Suggestion.closest(to: parameter, in: accepted).map { "; did you mean '\($0)'?" } ?? ""
            return "\(vectorization): unknown parameter '\(parameter)'\(nearest) (accepted: \(accepted.joined(separator: ", ")))"
        case let .invalidParameter(vectorization, parameter, value, expected):
            return "\(vectorization): \(parameter)=\(value) is not \(expected)"
        case let .emptyRange(vectorization, parameter, low, high):
            return "\(vectorization): \(parameter) [\(low), \(high)] is empty"
        case let .invalidPoint(dimension, index, birth, death):
            return "diagram point \(index) of H\(dimension) is invalid: birth \(birth), death \(death)"
        }
    }

    /// Bad points are bad data (65); everything else is a command-line mistake (64).
    public var status: ExitStatus {
        if case .invalidPoint = self { return .dataError }
        return .usage
    }
}
