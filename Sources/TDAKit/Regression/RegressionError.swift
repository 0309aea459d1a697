/// Why a regression could not be fitted or evaluated; each case prints as one line.
public enum RegressionError: Error, CustomStringConvertible, Equatable, ToolFailure {
    case tooFewRecords(records: Int, features: Int)
    case constantTarget
    case nonFinite(row: Int, column: Int)
    case nonFiniteTarget(row: Int)
    case shapeMismatch(rows: Int, targets: Int)
    case invalidCrossValidation(String)
    case invalidFolds(String)

    public var description: String {
        switch self {
        case let .tooFewRecords(records, features):
            return "\(records) records for \(features) features: OLS with an intercept needs at least \(features + 1)"
        case .constantTarget:
            return "the target is constant: R² is undefined"
        case let .nonFinite(row, column):
            return "record \(row) has a non-finite value in column \(column)"
        case let .nonFiniteTarget(row):
            return "record \(row) has a non-finite target"
        case let .shapeMismatch(rows, targets):
            return "\(rows) feature rows but \(targets) targets"
        case let .invalidCrossValidation(text):
            return "invalid cross-validation '\(text)' (expected kfold:K or kfold:KxR with K ≥ 2, R ≥ 1)"
        case let .invalidFolds(reason):
            return "invalid folds: \(reason)"
        }
    }

    /// A malformed `--cv` is a command-line mistake (64); everything else is bad data (65).
    public var status: ExitStatus {
        if case .invalidCrossValidation = self { return .usage }
        return .dataError
    }
}
