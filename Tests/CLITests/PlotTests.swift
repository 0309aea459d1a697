import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TDAKit

/// `tda-plot` run as a user runs it: files and pipes, output modes, exit codes, `tda plot`,
/// PNG conversion with rsvg-convert and the man page lint when those programs are installed.
@Suite struct PlotTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/TDAKitTests/Fixtures/plot")

    /// The built executables sit next to the test bundle (or in .build/debug).
    static func executable(_ name: String) -> String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/\(name)").path
    }

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent("\(name).jsonl").path }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs a program with stdin from `input`; output goes through temporary files, so a large
    /// SVG can never fill a pipe while we wait.
    static func run(_ program: String, _ arguments: [String], input: Data = Data(), in directory: URL? = nil) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plot-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (inURL, outURL, errURL) = (scratch.appendingPathComponent("in"), scratch.appendingPathComponent("out"), scratch.appendingPathComponent("err"))
        try input.write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : executable(program))
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plot-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func isWellFormedXML(_ data: Data) -> Bool { XMLParser(data: data).parse() }

    @Test func oneFigureGoesToStandardOutput() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("report")))
        let result = try Self.run("tda-plot", [], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.hasPrefix("<?xml") && result.text.hasSuffix("</svg>\n"))
        #expect(Self.isWellFormedXML(result.stdout))
        #expect(result.stderr.isEmpty)
    }

    @Test func manyFiguresNeedAFileOrADirectory() throws {
        let result = try Self.run("tda-plot", [Self.fixture("diagram")])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "tda-plot: error: the input makes 2 figures; write them with -o FILE.svg (one grid) or -o DIR/ (one file each)\n")
    }

    @Test func combinedFigureIsOneWellFormedFile() throws {
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("all.svg").path
        let result = try Self.run("tda-plot", ["-o", out, "--width", "400", "--height", "300", Self.fixture("diagram"), Self.fixture("graph"), Self.fixture("cloud")])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Self.isWellFormedXML(data))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"width="800" height="600""#))
        #expect(text.components(separatedBy: #"<g class="figure">"#).count - 1 == 4)
    }

    @Test func directoryOutputNamesFilesFromIds() throws {
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("runs").path
        let first = try Self.run("tda-plot", ["-o", target + "/", Self.fixture("epochs")])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == ["m05.svg", "m06.svg"])
        let second = try Self.run("tda-plot", ["--output-dir", dir.appendingPathComponent("vectors").path, Self.fixture("vector")])
        #expect(second.status == 0, "\(second.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("vectors").path).sorted()
        #expect(names == ["m01_L2_stats.svg", "m02_L2_stats.svg"])
        for name in names {
            #expect(Self.isWellFormedXML(try Data(contentsOf: dir.appendingPathComponent("vectors/\(name)"))))
        }
    }

    @Test func badInputWritesNothingAndExits65() throws {
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.svg").path
        let cases: [(args: [String], input: String, message: String)] = [
            (["-o", out], "", "tda-plot: error: no records to plot (the input is empty)\n"),
            (["-o", out], #"{"type":"sample","id":"s","x":[1]}"# + "\n",
             "tda-plot: error: stdin:1: record \"s\" is a sample record, which tda-plot cannot draw (it draws diagram, vector, graph, report, epoch, cloud)\n"),
            (["-o", out, "--kind", "image", "--shape", "3x3"], #"{"type":"vector","id":"v","values":[1,2,3,4]}"# + "\n",
             "tda-plot: error: stdin:1: record \"v\" has 4 values, but --shape 3x3 needs 9\n"),
            (["-o", dir.appendingPathComponent("never").path + "/"], #"{"type":"report","id":"r"}"# + "\n",
             "tda-plot: error: stdin:1: record \"r\" has no \"predictions\" field; a report is drawn as \"predictions\" against \"targets\"\n"),
        ]
        for c in cases {
            let result = try Self.run("tda-plot", c.args, input: Data(c.input.utf8))
            #expect(result.status == 65)
            #expect(result.stderr == c.message)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "files left by \(c.args)")
        }
    }

    @Test func badOptionsAreUsageErrors() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("image")))
        for args in [["--shape", "3by4", "--kind", "image"], ["--width", "5"], ["--kind", "pie"], ["--kind", "barcode"]] {
            let result = try Self.run("tda-plot", args, input: input)
            #expect(result.status == 64, "\(args)")
            #expect(result.stderr.hasPrefix("tda-plot: error: ") && result.stderr.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test func umbrellaRunsThePluginAndBytesRepeat() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("graph")))
        let direct = try Self.run("tda-plot", ["--seed", "3"], input: input)
        let again = try Self.run("tda-plot", ["--seed", "3"], input: input)
        let umbrella = try Self.run("tda", ["plot", "--seed", "3"], input: input)
        #expect(direct.status == 0 && umbrella.status == 0, "\(umbrella.stderr)")
        #expect(direct.stdout == again.stdout)
        #expect(direct.stdout == umbrella.stdout)
        let otherSeed = try Self.run("tda-plot", ["--seed", "4"], input: input)
        #expect(otherSeed.stdout != direct.stdout)
    }

    @Test func everyKindConvertsToPNGWithRsvg() throws {
        let rsvg = "/usr/bin/rsvg-convert"
        guard FileManager.default.isExecutableFile(atPath: rsvg) else { return }
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs: [[String]] = [["diagram"], ["diagram", "--kind", "barcode"], ["vector"], ["vector", "--kind", "bars"],
                                ["image", "--kind", "image"], ["graph"], ["report"], ["epochs"], ["cloud", "--pca"]]
        for (k, run) in runs.enumerated() {
            let svg = dir.appendingPathComponent("\(k).svg").path, png = dir.appendingPathComponent("\(k).png").path
            let plot = try Self.run("tda-plot", [Self.fixture(run[0]), "-o", svg] + run.dropFirst())
            #expect(plot.status == 0, "\(run): \(plot.stderr)")
            let convert = try Self.run(rsvg, [svg, "-o", png])
            #expect(convert.status == 0, "\(run): \(convert.stderr)")
            let header = try Data(contentsOf: URL(fileURLWithPath: png)).prefix(8)
            #expect(header == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(run)")
        }
    }

    @Test func manPageIsLintCleanAndNamesEveryOption() throws {
        let page = Self.packageRoot.appendingPathComponent("man/tda-plot.1")
        let text = try String(contentsOf: page, encoding: .utf8)
        for option in PlotTool.spec.options { #expect(text.contains("Fl Fl \(option.name)"), "man page lacks --\(option.name)") }
        for type in FigureBuilder.plottableTypes { #expect(text.contains(type)) }
        let mandoc = "/usr/bin/mandoc"
        guard FileManager.default.isExecutableFile(atPath: mandoc) else { return }
        let lint = try Self.run(mandoc, ["-T", "lint", "-W", "warning", page.path])
        // Cross-references to sibling pages not installed yet are the one allowed complaint.
        let complaints = (lint.text + lint.stderr).split(separator: "\n").filter { !$0.contains("referenced manual not found") }
        #expect(complaints.isEmpty, "\(complaints)")
    }

    @Test func helpListsEveryOption() throws {
        let help = try Self.run("tda-plot", ["--help"])
        #expect(help.status == 0)
        for option in PlotTool.spec.options { #expect(help.text.contains("--\(option.name)")) }
    }
}
