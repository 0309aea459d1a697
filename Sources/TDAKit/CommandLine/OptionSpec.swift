/// What an option's value is; drives parsing, validation, help placeholders and completions.
public enum ValueKind: Sendable, Equatable {
    /// No value: present or absent.
    case flag
    case integer
    case number
    /// Free text.
    case text
    /// A path to a file (completes file names; `-` means stdin/stdout).
    case file
    case directory
    /// Exactly one of the listed words.
    case choice([String])
    /// A comma-separated list; each item's first `:`-separated word must be one of these.
    case list([String])
}

/// Completion values a tool computes from another option's value: the shells run
/// `TOOL --GIVEN VALUE --LISTFLAG` and offer the first tab-separated field of each line, after
/// the `fixed` words (e.g. layer names read from the model given by `--model`).
public struct ValueQuery: Sendable, Equatable {
    public var fixed: [String]
    public var given: String
    public var listFlag: String

    public init(fixed: [String], given: String, listFlag: String) {
        self.fixed = fixed; self.given = given; self.listFlag = listFlag
    }
}

/// One command-line option, declared once: the parser, `--help`, the man-page check and the
/// bash/zsh/fish completions are all derived from it.
public struct OptionSpec: Sendable, Equatable {
    /// The long name without dashes (`maxdim` for `--maxdim`).
    public var name: String
    public var short: Character?
    public var kind: ValueKind
    /// The value used when the option is absent (shown in `--help`).
    public var defaultValue: String?
    public var help: String
    /// The value's name in help (`N`, `FILE`, …).
    public var placeholder: String
    /// May be given more than once (values accumulate).
    public var repeatable: Bool
    /// Values computed by the tool for completion (the value is still free text to the parser).
    public var valuesFrom: ValueQuery?
    /// The values an integer option accepts (checked at parse time); nil: any.
    public var range: ClosedRange<Int>?

    public init(_ name: String, short: Character? = nil, _ kind: ValueKind = .flag, default defaultValue: String? = nil,
                placeholder: String? = nil, repeatable: Bool = false, valuesFrom: ValueQuery? = nil, range: ClosedRange<Int>? = nil,
                help: String) {
        self.name = name
        self.short = short
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
        self.repeatable = repeatable
        self.valuesFrom = valuesFrom
        self.range = range
        self.placeholder = placeholder ?? OptionSpec.defaultPlaceholder(kind)
    }

    public var takesValue: Bool { kind != .flag }

    /// The words a shell may complete for this option's value.
    public var completionWords: [String] {
        switch kind {
        case .choice(let words), .list(let words): return words
        default: return []
        }
    }

    static func defaultPlaceholder(_ kind: ValueKind) -> String {
        switch kind {
        case .flag: return ""
        case .integer: return "N"
        case .number: return "X"
        case .text: return "TEXT"
        case .file: return "FILE"
        case .directory: return "DIR"
        case .choice: return "NAME"
        case .list: return "LIST"
        }
    }
}

/// What a tool or subcommand takes after its options.
public enum OperandKind: Sendable, Equatable {
    case none
    /// Input files (`-` for stdin); none means stdin.
    case files
    /// Free words (for example vectorization names), completed from the list.
    case words([String])
}

/// A subcommand (`nn-train fit`) with options of its own, in addition to the tool's.
public struct SubcommandSpec: Sendable, Equatable {
    public var name: String
    public var summary: String
    public var options: [OptionSpec]
    public var operands: OperandKind
    public var operandPlaceholder: String

    public init(_ name: String, summary: String, options: [OptionSpec] = [], operands: OperandKind = .files, operandPlaceholder: String = "[FILE...]") {
        self.name = name
        self.summary = summary
        self.options = options
        self.operands = operands
        self.operandPlaceholder = operandPlaceholder
    }
}

/// The declaration of a tool: name, summary, options, subcommands, operands.
public struct ToolSpec: Sendable, Equatable {
    public var name: String
    public var summary: String
    /// Tool-wide options (the standard ones, `--help`, `--version`, `--quiet`, `--progress`, are added).
    public var options: [OptionSpec]
    public var subcommands: [SubcommandSpec]
    /// When true, the first operand must name a subcommand.
    public var subcommandRequired: Bool
    /// The subcommand run when none is named (`gap-regress < v.jsonl` fits); its options are
    /// accepted without naming it.
    public var defaultSubcommand: String?
    public var operands: OperandKind
    public var operandPlaceholder: String
    /// Paragraphs printed after the option list in `--help`.
    public var epilog: String

    public init(name: String, summary: String, options: [OptionSpec], subcommands: [SubcommandSpec] = [],
                subcommandRequired: Bool = false, defaultSubcommand: String? = nil, operands: OperandKind = .files, operandPlaceholder: String = "[FILE...]",
                epilog: String = "") {
        self.name = name
        self.summary = summary
        self.options = options + StandardOptions.all
        self.subcommands = subcommands
        self.subcommandRequired = subcommandRequired
        self.defaultSubcommand = defaultSubcommand
        self.operands = operands
        self.operandPlaceholder = operandPlaceholder
        self.epilog = epilog
    }

    public func subcommand(named name: String) -> SubcommandSpec? { subcommands.first { $0.name == name } }

    /// Every option any subcommand accepts, tool-wide options first, each name once.
    public var allOptions: [OptionSpec] {
        var seen = Set<String>()
        return (options + subcommands.flatMap(\.options)).filter { seen.insert($0.name).inserted }
    }
}

/// Options every tool has, and shared ones tools opt into.
public enum StandardOptions {
    public static let help = OptionSpec("help", short: "h", help: "Show this help and exit.")
    public static let version = OptionSpec("version", help: "Show the version and exit.")
    public static let quiet = OptionSpec("quiet", short: "q", help: "Print no progress or warnings on standard error.")
    public static let progress = OptionSpec("progress", help: "Print plain-line progress on standard error even when it is not a terminal.")
    static let all = [help, version, quiet, progress]

    /// `--seed S`: seeds the toolkit's one RNG (xoshiro256**), so runs repeat exactly.
    public static let seed = OptionSpec("seed", .integer, default: "0", placeholder: "S", help: "Seed of the random number generator (xoshiro256**).")
    /// `--threads N`: worker threads; results are identical for any N.
    /// At most 1024: more threads than cores never help, and each split column starts one
    /// thread per part (`SplitColumn`), so a mistyped count would start thousands.
    public static let threads = OptionSpec("threads", short: "j", .integer, default: "all cores", range: 1...1024,
                                           help: "Number of worker threads (1 to 1024); results do not depend on it.")
    /// `-o FILE`: output file written atomically (temp file + rename); `-` is stdout.
    public static let output = OptionSpec("output", short: "o", .file, default: "-", help: "Write output to FILE atomically (standard output when -).")
    /// `--output-format`: JSON Lines records, or one table as CSV (see `CSVTable`).
    public static func outputFormat(table: String) -> OptionSpec {
        OptionSpec("output-format", .choice(["jsonl", "csv"]), default: "jsonl",
                   help: "Write JSON Lines records, or \(table) as one CSV table.")
    }
    /// `--input-format`: JSON Lines records, one table as CSV or .npy, or an .npz archive of tables.
    public static func inputFormat(table: String) -> OptionSpec {
        OptionSpec("input-format", .choice(["auto", "jsonl", "csv", "npy", "npz"]), default: "auto",
                   help: "Input is JSON Lines records, one \(table) as a numeric CSV (optional header) or .npy file, or an .npz archive of them; auto: by file name (.csv, .npy, .npz, else JSON Lines), on standard input by its first bytes.")
    }

    /// Every input record: JSON Lines, or the tables of `--input-format` read as `tableType` records.
    public static func records(_ context: ToolContext, paths: [String], tableType: String) throws(ToolError) -> [Record] {
        var source = RecordSource(paths: paths, format: context.arguments.string("input-format") ?? "auto", tableType: tableType)
        var records: [Record] = []
        while let record = try source.next() { records.append(record) }
        return records
    }
}
