import Glibc

/// The `tda` umbrella, git-style: `tda TOOL ARGS…` runs the tool, and any executable `tda-NAME`
/// on PATH is a plugin run as `tda NAME ARGS…`.
public enum TdaTool {
    public static let spec = ToolSpec(
        name: "tda",
        summary: "topological data analysis of neural networks from the shell",
        options: [OptionSpec("list", short: "l", help: "List the tools and the tda-NAME plugins found on PATH.")],
        subcommands: [
            SubcommandSpec("help", summary: "show the manual page of a tool", operands: .words(ToolCatalog.tools.map(\.name)), operandPlaceholder: "TOOL"),
            SubcommandSpec("completions", summary: "print the completion script of a shell (bash, zsh or fish)", operands: .words(Completions.shells), operandPlaceholder: "SHELL [TOOL]"),
            SubcommandSpec("cat", summary: "read records, check them against the protocol and write them back normalised",
                           options: [OptionSpec("check", help: "Only check the records; write nothing."),
                                     OptionSpec("set", .text, placeholder: "KEY=VALUE", repeatable: true,
                                                help: "Set meta.KEY of every record (a number when VALUE is one, else a string)."),
                                     StandardOptions.outputFormat(table: "a cloud, distance, diagram or vectors"),
                                     StandardOptions.output]),
        ],
        operands: .words(ToolCatalog.tools.map(\.name)),
        operandPlaceholder: "TOOL [ARGS...]",
        epilog: "Tools: " + ToolCatalog.tools.map(\.name).joined(separator: ", ") + ".\nAny executable tda-NAME on PATH runs as 'tda NAME'."
    )

    /// Entry point: dispatches to a tool or plugin before option parsing, so the tool sees its
    /// own arguments untouched.
    public static func main(_ arguments: [String]) -> Never {
        if let first = arguments.first, !first.hasPrefix("-"), spec.subcommand(named: first) == nil {
            dispatch(first, Array(arguments.dropFirst()))
        }
        ToolRunner.run(spec, arguments: arguments, run)
    }

    static func run(_ context: ToolContext) throws {
        let args = context.arguments
        switch args.subcommand {
        case "help"?:
            guard let tool = args.operands.first else { throw ToolError.usage("tda help needs a tool name") }
            showManual(tool)
        case "completions"?:
            guard let shell = args.operands.first, Completions.shells.contains(shell) else {
                throw ToolError.usage("tda completions needs a shell: bash, zsh or fish")
            }
            let specs: [ToolSpec]
            if args.operands.count > 1 {
                guard let one = ToolCatalog.spec(named: args.operands[1]) else { throw ToolError.usage("unknown tool '\(args.operands[1])'") }
                specs = [one]
            } else {
                specs = ToolCatalog.allSpecs
            }
            for spec in specs { try context.standardOutput.append(Completions.script(shell: shell, spec: spec) ?? "") }
        case "cat"?:
            try RecordCheck.copy(context, write: !args.flag("check"), setting: try args.all("set").map(RecordCheck.assignment))
        default:
            var text = "tda-tools \(tdaToolsVersion)\n\nTools:\n"
            for tool in ToolCatalog.tools { text += HelpText.row(tool.name, tool.summary) }
            let plugins = pluginNames().filter { name in !ToolCatalog.tools.contains { $0.name == "tda-\(name)" } }
            if !plugins.isEmpty {
                text += "\nPlugins on PATH:\n"
                for name in plugins { text += "  \(name)\n" }
            }
            if !args.flag("list") { text += "\nRun 'tda TOOL --help' or 'tda help TOOL'.\n" }
            try context.standardOutput.append(text)
        }
    }

    /// Replaces this process with the tool (next to `tda` first, then on PATH) or plugin `tda-NAME`.
    static func dispatch(_ name: String, _ arguments: [String]) -> Never {
        let isTool = ToolCatalog.tools.contains { $0.name == name }
        let candidates = isTool ? [name] : ["tda-\(name)"]
        for candidate in candidates {
            if let path = locate(candidate) { execute(path, [candidate] + arguments) }
        }
        let known = ToolCatalog.tools.map(\.name) + pluginNames()
        let hint = Suggestion.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? " (see 'tda --list')"
        Diagnostics.writeRaw("tda: error: unknown tool '\(name)'\(hint)\n")
        exit(ExitStatus.usage.rawValue)
    }

    /// Shows `TOOL(1)` with man when the page is installed beside the binary, else the tool's `--help`.
    static func showManual(_ tool: String) -> Never {
        if let dir = executableDirectory() {
            let page = "\(dir)/../share/man/man1/\(tool).1"
            if access(page, R_OK) == 0, let man = searchPath("man") { execute(man, ["man", "-l", page]) }
        }
        dispatch(tool, ["--help"])
    }

    static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.lastIndex(of: "/").map { String(path[..<$0]) }
    }

    static func locate(_ name: String) -> String? {
        if let dir = executableDirectory(), access("\(dir)/\(name)", X_OK) == 0 { return "\(dir)/\(name)" }
        return searchPath(name)
    }

    static func searchPath(_ name: String) -> String? {
        pathDirectories().lazy.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    static func pathDirectories() -> [String] {
        guard let path = getenv("PATH") else { return [] }
        return String(cString: path).split(separator: ":").map(String.init)
    }

    /// Names of `tda-NAME` executables on PATH and next to `tda`, without the prefix, sorted
    /// (names with a dot are build artefacts such as test bundles, not commands).
    static func pluginNames() -> [String] {
        var names = Set<String>()
        for dir in pathDirectories() + (executableDirectory().map { [$0] } ?? []) {
            guard let handle = opendir(dir) else { continue }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                if name.hasPrefix("tda-"), name.count > 4, !name.contains("."), isExecutableFile("\(dir)/\(name)") { names.insert(String(name.dropFirst(4))) }
            }
            closedir(handle)
        }
        return names.sorted()
    }

    static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }

    static func execute(_ path: String, _ argv: [String]) -> Never {
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArgs.append(nil)
        execv(path, cArgs)
        Diagnostics.writeRaw("tda: error: cannot run \(path): \(String(cString: strerror(errno)))\n")
        exit(ExitStatus.unavailable.rawValue)
    }
}
