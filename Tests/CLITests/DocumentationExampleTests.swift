import Foundation
import Testing
import TDAKit

/// One command of the documentation: a man page's EXAMPLES block or line, or a README block.
struct DocumentedExample: Sendable, CustomTestStringConvertible {
    var source: String
    var index: Int
    var command: String

    var testDescription: String { "\(source) #\(index): \(command.split(separator: "\n").first ?? "")" }

    /// The EXAMPLES of every man page in section 1, then the README's `sh` blocks.
    static let all: [DocumentedExample] = {
        let root = Shell.packageRoot
        let pages = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/man"))?.filter { $0.hasSuffix(".1") }.sorted() ?? []
        var examples = pages.flatMap { page in
            manExamples((try? String(contentsOfFile: "\(root)/man/\(page)", encoding: .utf8)) ?? "")
                .enumerated().map { DocumentedExample(source: page, index: $0.offset, command: $0.element) }
        }
        let readme = (try? String(contentsOfFile: "\(root)/README.md", encoding: .utf8)) ?? ""
        examples += readmeBlocks(readme).enumerated().map { DocumentedExample(source: "README.md", index: $0.offset, command: $0.element) }
        return examples
    }()

    /// The `.Bd -literal` blocks and `.Dl` lines of the EXAMPLES section, mdoc escapes undone.
    static func manExamples(_ page: String) -> [String] {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: ".Sh EXAMPLES") else { return [] }
        var examples: [String] = [], block: [String]? = nil
        for line in lines[(start + 1)...] {
            if line.hasPrefix(".Sh ") { break }
            if line.hasPrefix(".Bd -literal") { block = []; continue }
            if line.hasPrefix(".Ed"), let done = block { examples.append(done.joined(separator: "\n")); block = nil; continue }
            if block != nil { block!.append(line) } else if line.hasPrefix(".Dl ") { examples.append(String(line.dropFirst(4))) }
        }
        return examples.map(unescape)
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\(dq", with: "\"").replacingOccurrences(of: "\\(aq", with: "'")
            .replacingOccurrences(of: "\\&", with: "").replacingOccurrences(of: "\\-", with: "-")
            .replacingOccurrences(of: "\\e", with: "\\")
    }

    /// The fenced blocks marked `sh` of a Markdown file.
    static func readmeBlocks(_ text: String) -> [String] {
        var blocks: [String] = [], block: [String]? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if block == nil, line == "```sh" { block = [] } else if block != nil, line == "```" {
                blocks.append(block!.joined(separator: "\n")); block = nil
            } else if block != nil { block!.append(line) }
        }
        return blocks
    }
}

/// Every documented command runs as written against the built tools (the release build under
/// `make test`, as a user runs them), in a folder holding the
/// files the examples name (made once by DocExamples/setup.sh), and its output has the right
/// shape: exit 0, nothing on stderr but warnings, JSON Lines output of the record types of the
/// pipeline's last tool, and every file it writes (`-o`, `>`) present and not empty.
@Suite struct DocumentationExampleTests {
    /// The prepared folder, made once for all examples (each runs in a copy of it).
    static let fixtures: Result<String, ShellFailure> = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tda-doc-examples-\(getpid())").path
        do {
            let result = try Shell.run("rm -rf '\(dir)' && mkdir -p '\(dir)' && cd '\(dir)' && '\(Shell.packageRoot)/Tests/CLITests/DocExamples/setup.sh'",
                                       bin: Shell.releaseBinDirectory)
            return result.status == 0 ? .success(dir) : .failure(ShellFailure(message: "setup.sh failed: \(result.stderr)"))
        } catch {
            return .failure(ShellFailure(message: "setup.sh did not run: \(error)"))
        }
    }()

    /// Record types each tool writes as JSON Lines on standard output (an example's output may
    /// hold those of any tool it runs).
    static let recordTypes: [String: Set<String>] = [
        "nn-train": ["model", "epoch", "report", "sample", "vector"], "nn-activations": ["cloud"], "ph-rips": ["diagram"], "ph-graph": ["diagram"],
        "mapper": ["graph"], "perslay-vec": ["vector", "distance"], "gap-regress": ["report", "vector"],
        "tda": ["model", "epoch", "report", "sample", "cloud", "diagram", "graph", "vector", "distance"],
    ]

    /// Commands that the suite cannot run inside itself: `make test` is the suite, and the other
    /// make targets build in release mode (CI runs `make test` and `make demo` for real, see
    /// .ci/run). Their make recipes are checked with `make -n` instead.
    static func isMakeTarget(_ line: String) -> Bool { line.hasPrefix("make ") }

    @Test(arguments: DocumentedExample.all)
    func runsAsDocumented(example: DocumentedExample) throws {
        let fixtures = try Self.fixtures.get()
        let lines = example.command.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        if lines.allSatisfy(Self.isMakeTarget) {
            for line in lines {
                let target = line.split(separator: "#")[0].trimmingCharacters(in: .whitespaces)
                let dry = try Shell.run("\(target.replacingOccurrences(of: "make ", with: "make -n ")) >/dev/null")
                #expect(dry.status == 0, "\(target): \(dry.stderr)")
            }
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tda-doc-example-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: work) }
        // The studies' scripts are reached as in the package root; their sizes come down through
        // the environment (the same command line, a smaller zoo).
        let result = try Shell.run("""
            cp -R '\(fixtures)' '\(work)' && cd '\(work)' && ln -s '\(Shell.packageRoot)/examples' examples
            export GAP_STUDY_MODELS=6 GAP_STUDY_DRAWS=2 GAP_STUDY_NEURONS=60 GAP_STUDY_INPUTS=100 GAP_STUDY_TRAIN_SIZE=200 GAP_STUDY_TEST_SIZE=200 GAP_STUDY_MAX_EPOCHS=3
            export PATH="$PWD/fake-hosts:$PATH"
            unset SHELL  # as under CI, which runs without it: nothing may depend on it
            set -o pipefail
            \(example.command)
            """, bin: Shell.releaseBinDirectory)
        #expect(result.status == 0, "exit \(result.status): \(result.stderr)")
        let stray = result.stderr.split(separator: "\n").filter { !$0.contains(": warning: ") && !$0.hasPrefix("gap study:") }
        #expect(stray.isEmpty, "stderr: \(stray.joined(separator: "\n"))")
        if result.stdout.hasPrefix("{") {
            let words = Set(example.command.split(whereSeparator: { " \n|(".contains($0) }).map(String.init))
            let allowed = Self.recordTypes.filter { words.contains($0.key) }.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            for line in result.stdout.split(separator: "\n") {
                let type = try JSONParser.parse(String(line)).objectValue?["type"]?.stringValue
                #expect(type.map(allowed.contains) == true, "the tools of the example write no \(type ?? "typeless") record")
            }
        }
        if example.command.contains("> zoo/models.jsonl") {
            // A zoo is documented to spread generalization gaps: none may come out negative.
            let gaps = try Shell.run("jq -r '.meta.gap' '\(work)/zoo/models.jsonl'").stdout.split(separator: "\n").compactMap { Double($0) }
            #expect(!gaps.isEmpty && gaps.allSatisfy { $0 > 0 }, "gaps \(gaps)")
        }
        for file in Self.writtenFiles(lines.joined(separator: "\n")) {
            let check = try Shell.run("cd '\(work)' && { [ -s '\(file)' ] || [ -n \"$(ls -A '\(file)' 2>/dev/null)\" ]; }")
            #expect(check.status == 0, "\(file) was not written")
        }
    }

    /// The files a command line writes: operands of `-o` and of `>` (not /dev/null, nor names
    /// made by the shell, such as `zoo/m$s.json`).
    static func writtenFiles(_ command: String) -> [String] {
        let words = command.replacingOccurrences(of: "\\\n", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        return zip(words, words.dropFirst()).compactMap { flag, value in
            (flag == "-o" || flag == ">") && value != "/dev/null" && !value.hasPrefix("-") && !value.contains("$") ? value : nil
        }
    }

    /// tda-records(5): each example is a valid record, and the diagram is what ph-rips derives
    /// from the cloud shown before it.
    @Test func recordsPageExamplesAreWhatTheToolsWrite() throws {
        let page = try String(contentsOfFile: "\(Shell.packageRoot)/man/tda-records.5", encoding: .utf8)
        let records = DocumentedExample.manExamples(page).map {
            $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        }
        #expect(records.count == 2)
        let check = try Shell.run("tda cat --check", stdin: records.joined(separator: "\n") + "\n")
        #expect(check.status == 0, "\(check.stderr)")
        let derived = try Shell.run("ph-rips", stdin: records[0] + "\n")
        #expect(derived.stdout == records[1] + "\n")
    }
}

struct ShellFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
