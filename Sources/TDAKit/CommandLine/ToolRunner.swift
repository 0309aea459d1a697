import Glibc

/// Runs a tool's body with the toolkit's Unix manners, then exits.
///
/// SIGPIPE is ignored so a closed pipe shows up as EPIPE, which ends the tool quietly with
/// status 0. `--help` and `--version` print and exit 0. Errors print one line,
/// `TOOL: error: MESSAGE`, remove unfinished output files and exit with the sysexits status.
public enum ToolRunner {
    public static func run(_ spec: ToolSpec, arguments: [String] = Array(CommandLine.arguments.dropFirst()),
                           _ body: (ToolContext) throws -> Void) -> Never {
        signal(SIGPIPE, SIG_IGN)
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments, spec: spec)
        } catch {
            fail(spec.name, error, hint: "try '\(spec.name) --help'")
        }
        if parsed.flag("help") {
            let sub = parsed.subcommandGiven ? parsed.subcommand.flatMap(spec.subcommand(named:)) : nil
            printAndExit(spec.name, sub.map { HelpText.render(spec, subcommand: $0) } ?? HelpText.render(spec))
        }
        if parsed.flag("version") { printAndExit(spec.name, "\(spec.name) (tda-tools) \(tdaToolsVersion)\n") }
        let context = ToolContext(arguments: parsed)
        do {
            try body(context)
            try context.commitFiles()
        } catch {
            context.abandonFiles()
            fail(spec.name, error)
        }
        exit(0)
    }

    /// The exit status of an error: its own for `ToolFailure`s, bad data (65) otherwise.
    public static func status(of error: any Error) -> ExitStatus {
        (error as? any ToolFailure)?.status ?? .dataError
    }

    static func fail(_ tool: String, _ error: any Error, hint: String? = nil) -> Never {
        let message = "\(error)"
        let firstLine = message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? message
        var line = "\(tool): error: \(firstLine)"
        if let hint { line += " (\(hint))" }
        Diagnostics.writeRaw(line + "\n")
        exit(status(of: error).rawValue)
    }

    static func printAndExit(_ tool: String, _ text: String) -> Never {
        let out = ByteOutput.standardOutput()
        do {
            try out.append(text)
            try out.flush()
        } catch {
            fail(tool, error)
        }
        exit(0)
    }
}
