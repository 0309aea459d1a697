/// Process exit statuses, as in BSD's sysexits.h, so scripts can tell bad usage from bad data.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case unavailable = 69
    case software = 70
    case cannotCreate = 73
    case ioError = 74
}

/// The one error type a tool reports: printed as `TOOL: error: MESSAGE` and mapped to an exit status.
///
/// Library areas throw their own typed errors; anything conforming to `ToolFailure` carries its
/// own status, and any other error is reported as bad data (65).
public struct ToolError: Error, Sendable, CustomStringConvertible, ToolFailure {
    public var status: ExitStatus
    /// `LOCATION: WHAT`, or just `WHAT` where no location applies.
    public var message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }

    /// Bad input data at a place (`stdin:12`, `file.csv:3`, `record "m07/L2"`).
    public static func data(_ location: String, _ what: String) -> ToolError { ToolError(.dataError, "\(location): \(what)") }
    /// A command-line mistake.
    public static func usage(_ what: String) -> ToolError { ToolError(.usage, what) }
}

/// An error that knows its exit status (library errors adopt this to map themselves).
public protocol ToolFailure: Error, CustomStringConvertible {
    var status: ExitStatus { get }
}
