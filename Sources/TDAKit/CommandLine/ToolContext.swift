import Glibc

/// The toolkit's version, printed by every tool's `--version`.
public let tdaToolsVersion = "0.1.0"

/// What a running tool gets from the runner: its parsed arguments, standard output as records,
/// atomic output files, progress and warnings that respect `--quiet`.
public final class ToolContext {
    public let arguments: ParsedArguments
    public let standardOutput = ByteOutput.standardOutput()
    var openFiles: [AtomicFile] = []

    init(arguments: ParsedArguments) {
        self.arguments = arguments
    }

    public var toolName: String { arguments.spec.name }
    public var quiet: Bool { arguments.flag("quiet") }

    /// `--seed` (0 unless given).
    public var seed: UInt64 { UInt64(truncatingIfNeeded: arguments.int("seed") ?? 0) }

    /// `--threads`, defaulting to the number of online cores.
    public var threads: Int {
        if let n = arguments.int("threads") { return n }
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// An output destination: standard output for nil or `-`, else an atomic file that is
    /// committed only when the tool succeeds.
    public func output(_ path: String?) throws(ToolError) -> ByteOutput {
        guard let path, path != "-" else { return standardOutput }
        let file = try AtomicFile(path: path)
        openFiles.append(file)
        return file.output
    }

    /// A record writer on `output(path)`; by default `-o`/`--output` if the tool has it.
    /// With `--output-format csv` it writes one CSV table (`CSVTable`).
    public func recordWriter(_ path: String? = nil) throws(ToolError) -> RecordWriter {
        let writer = RecordWriter(output: try output(path ?? arguments.string("output")))
        if arguments.string("output-format") == "csv" { writer.table = CSVTable() }
        return writer
    }

    /// Records from the operands (files or `-`; none means standard input).
    public func recordReader() -> RecordReader { RecordReader(paths: arguments.operands) }

    /// A progress reporter obeying `--quiet`, `--progress` and whether stderr is a terminal.
    public func progress(_ label: String, total: Int) -> Progress {
        let style: Progress.Style = quiet ? .none : arguments.flag("progress") ? .lines : isatty(2) != 0 ? .bar : .none
        return Progress(label: label, total: total, style: style)
    }

    /// A one-line warning on stderr (`TOOL: warning: …`), unless `--quiet`.
    public func warn(_ message: String) {
        guard !quiet else { return }
        Diagnostics.writeRaw("\(toolName): warning: \(message)\n")
    }

    /// A filter that read no records says so: its output is empty too, and nothing else would tell.
    public func noteEmptyInput(recordsRead: Int) {
        if recordsRead == 0 { warn("the input has no records") }
    }

    func commitFiles() throws(ToolError) {
        try standardOutput.flush()
        for file in openFiles { try file.commit() }
    }

    func abandonFiles() {
        for file in openFiles { file.abandon() }
    }
}
