import Glibc
import Testing
@testable import TDAKit

@Suite struct ArgumentParserTests {
    static let spec = ToolSpec(
        name: "demo",
        summary: "a demo tool",
        options: [
            OptionSpec("maxdim", .integer, default: "1", help: "Highest dimension."),
            OptionSpec("metric", short: "m", .choice(["euclidean", "manhattan"]), default: "euclidean", help: "Metric."),
            OptionSpec("scale", .number, help: "Scale."),
            OptionSpec("dims", .list(["0", "1", "2"]), help: "Dimensions."),
            OptionSpec("tag", .text, repeatable: true, help: "A tag."),
            OptionSpec("finite-only", short: "f", help: "Finite bars only."),
            StandardOptions.output,
            StandardOptions.threads,
        ],
        subcommands: [SubcommandSpec("distance", summary: "distances", options: [OptionSpec("to", .file, help: "Reference.")])]
    )

    func parse(_ args: [String]) throws(ToolError) -> ParsedArguments { try ArgumentParser.parse(args, spec: Self.spec) }

    @Test func longShortInlineAndBundled() throws {
        let a = try parse(["--maxdim=3", "-fm", "manhattan", "--scale", "-1.5e2", "-oout.json", "--tag", "a", "--tag=b", "x.jsonl", "-"])
        #expect(a.int("maxdim") == 3)
        #expect(a.flag("finite-only"))
        #expect(a.string("metric") == "manhattan")
        #expect(a.double("scale") == -150)
        #expect(a.string("output") == "out.json")
        #expect(a.all("tag") == ["a", "b"])
        #expect(try parse(["-j", "1024"]).int("threads") == 1024)
        #expect(a.operands == ["x.jsonl", "-"])
        #expect(a.subcommand == nil)
    }

    @Test func defaultsApplyWhenAbsent() throws {
        let a = try parse([])
        #expect(a.int("maxdim") == 1)
        #expect(a.string("metric") == "euclidean")
        #expect(a.double("scale") == nil)
        #expect(!a.isSet("maxdim"))
    }

    @Test func subcommandOptionsAndDoubleDash() throws {
        let a = try parse(["distance", "--to", "ref.jsonl", "--", "--weird-file"])
        #expect(a.subcommand == "distance")
        #expect(a.string("to") == "ref.jsonl")
        #expect(a.operands == ["--weird-file"])
    }

    @Test(arguments: [
        (["--maxdmi", "2"], "unknown option '--maxdmi'; did you mean '--maxdim'?"),
        (["--maxdim", "two"], "option --maxdim wants an integer, not 'two'"),
        (["--metric", "euclidian"], "option --metric: unknown value 'euclidian' (one of: euclidean, manhattan); did you mean 'euclidean'?"),
        (["--dims", "0,3"], "option --dims: unknown value '3' (one of: 0, 1, 2)"),
        (["--scale", "nan"], "option --scale wants a finite number, not 'nan'"),
        (["--maxdim"], "option --maxdim needs a value (N)"),
        (["-f=1"], "unknown option '-='"),
        (["--finite-only=yes"], "option --finite-only takes no value"),
        (["--to", "x"], "unknown option '--to' here; it belongs to the 'distance' subcommand"),
        (["-z"], "unknown option '-z'"),
        (["-j", "0"], "option --threads wants an integer from 1 to 1024, not 0"),
        (["--threads", "100000"], "option --threads wants an integer from 1 to 1024, not 100000"),
    ])
    func usageErrors(args: [String], message: String) {
        #expect(throws: ToolError(.usage, message)) { try parse(args) }
    }

    @Test func requiredSubcommandIsChecked() {
        var spec = Self.spec
        spec.subcommandRequired = true
        #expect(throws: ToolError(.usage, "unknown subcommand 'distanse'; did you mean 'distance'?")) { try ArgumentParser.parse(["distanse"], spec: spec) }
        #expect(throws: ToolError(.usage, "missing subcommand (one of: distance)")) { try ArgumentParser.parse([], spec: spec) }
    }

    @Test func defaultSubcommandTakesItsOptionsUnnamed() throws {
        var spec = Self.spec
        spec.defaultSubcommand = "distance"
        let implicit = try ArgumentParser.parse(["--to", "ref.jsonl", "in.jsonl"], spec: spec)
        #expect(implicit.subcommand == "distance")
        #expect(implicit.string("to") == "ref.jsonl")
        #expect(implicit.operands == ["in.jsonl"])
        #expect(try ArgumentParser.parse(["distance", "x"], spec: spec).operands == ["x"])
        #expect(HelpText.render(spec).contains("(runs 'distance')"))
    }

    @Test func helpListsEveryOptionWithDefaults() {
        let help = HelpText.render(Self.spec)
        for option in Self.spec.allOptions { #expect(help.contains("--\(option.name)")) }
        #expect(help.contains("[default: 1]"))
        #expect(help.contains("One of: euclidean, manhattan."))
    }

    @Test func editDistanceSuggestions() {
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("--hepl", "--help") == 1)
        #expect(Suggestion.closest(to: "--hepl", in: ["--eps", "--help"]) == "--help")
        #expect(Suggestion.closest(to: "landscpe", in: ["landscape", "image", "stats"]) == "landscape")
        #expect(Suggestion.closest(to: "zzzz", in: ["landscape", "image"]) == nil)
    }
}

@Suite struct AtomicFileTests {
    func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    func temporaryDirectory() -> String {
        var template = Array("/tmp/tda-atomic-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    @Test func commitRenamesIntoPlace() throws {
        let dir = temporaryDirectory()
        let file = try AtomicFile(path: "\(dir)/out.jsonl")
        try file.output.append("hello\n")
        #expect(!exists("\(dir)/out.jsonl"))
        try file.commit()
        #expect(exists("\(dir)/out.jsonl"))
        let listing = try directoryEntries(dir)
        #expect(listing == ["out.jsonl"])
    }

    @Test func abandonLeavesNoFileAndKeepsTheOldOne() throws {
        let dir = temporaryDirectory()
        let fresh = try AtomicFile(path: "\(dir)/new.jsonl")
        try fresh.output.append("partial")
        fresh.abandon()
        #expect(try directoryEntries(dir).isEmpty)
        let first = try AtomicFile(path: "\(dir)/keep.jsonl")
        try first.output.append("old\n")
        try first.commit()
        let second = try AtomicFile(path: "\(dir)/keep.jsonl")
        try second.output.append("new")
        second.abandon()
        #expect(try directoryEntries(dir) == ["keep.jsonl"])
    }

    @Test func devicesAreWrittenInPlaceNotReplaced() throws {
        // Renaming a temporary file over /dev/null would turn the device into a plain file.
        let file = try AtomicFile(path: "/dev/null")
        try file.output.append("discarded\n")
        try file.commit()
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        #expect((info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func uncreatableFileIsStatus73() {
        #expect(throws: ToolError(.cannotCreate, "/nonexistent-dir/x.json: cannot create: No such file or directory")) {
            try AtomicFile(path: "/nonexistent-dir/x.json")
        }
    }

    func directoryEntries(_ dir: String) throws -> [String] {
        guard let handle = opendir(dir) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
