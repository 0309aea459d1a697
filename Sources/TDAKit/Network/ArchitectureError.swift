/// Why an architecture string cannot be built into a network.
public enum ArchitectureError: Error, CustomStringConvertible, Equatable {
    case empty
    case unknownLayer(position: Int, token: String, known: [String])
    case badArgument(position: Int, token: String, expected: String)
    case shapeMismatch(position: Int, token: String, message: String)

    public var description: String {
        switch self {
        case .empty: return "the architecture is empty"
        case let .unknownLayer(i, token, known):
            return "layer \(i) '\(token)': unknown layer (known: \(known.joined(separator: ", ")))"
        case let .badArgument(i, token, expected): return "layer \(i) '\(token)': expected \(expected)"
        case let .shapeMismatch(i, token, message): return "layer \(i) '\(token)': \(message)"
        }
    }
}

extension ArchitectureError: ToolFailure {
    /// An architecture comes from the command line: a usage error.
    public var status: ExitStatus { .usage }
}
