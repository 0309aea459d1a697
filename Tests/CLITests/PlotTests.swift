import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TDAKit

/// `tda-plot` run as a user runs it: files and pipes, output modes, exit codes, `tda plot`,
/// PNG conversion with rsvg-convert when it is installed.
@Suite struct PlotTests {
    static let fixtures = "Tests/TDAKitTests/Fixtures/plot"

    static func fixture(_ name: String) -> String { "\(fixtures)/\(name).jsonl" }

    static func isWellFormedXML(_ text: String) -> Bool { XMLParser(data: Data(text.utf8)).parse() }

    static func isWellFormedXML(file path: String) throws -> Bool {
        isWellFormedXML(try String(contentsOfFile: path, encoding: .utf8))
    }

    /// A fresh directory for output files, removed by the caller.
    static func scratch() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plot-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test func oneFigureGoesToStandardOutput() throws {
        let result = try Shell.run("tda-plot < \(Self.fixture("report"))")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<?xml") && result.stdout.hasSuffix("</svg>\n"))
        #expect(Self.isWellFormedXML(result.stdout))
        #expect(result.stderr.isEmpty)
    }

    @Test func manyFiguresNeedAFileOrADirectory() throws {
        let result = try Shell.run("tda-plot \(Self.fixture("diagram"))")
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "tda-plot: error: the input makes 2 figures; write them with -o FILE.svg (one grid) or -o DIR/ (one file each)\n")
    }

    @Test func combinedFigureIsOneWellFormedFile() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let inputs = ["diagram", "graph", "cloud"].map(Self.fixture).joined(separator: " ")
        let result = try Shell.run("tda-plot -o \(dir)/all.svg --width 400 --height 300 \(inputs)")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: "\(dir)/all.svg", encoding: .utf8)
        #expect(Self.isWellFormedXML(text))
        #expect(text.contains(#"width="800" height="600""#))
        #expect(text.components(separatedBy: #"<g class="figure">"#).count - 1 == 4)
    }

    @Test func directoryOutputNamesFilesFromIds() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try Shell.run("tda-plot -o \(dir)/runs/ \(Self.fixture("epochs"))")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/runs").sorted() == ["m05.svg", "m06.svg"])
        let second = try Shell.run("cat \(Self.fixture("vector")) | tda-plot --output-dir \(dir)/vectors")
        #expect(second.status == 0, "\(second.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/vectors").sorted()
        #expect(names == ["m01_L2_stats.svg", "m02_L2_stats.svg"])
        for name in names { #expect(try Self.isWellFormedXML(file: "\(dir)/vectors/\(name)")) }
        // An existing directory given without a trailing slash is a directory too.
        let third = try Shell.run("tda-plot -o \(dir)/runs \(Self.fixture("report"))")
        #expect(third.status == 0, "\(third.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/runs/gap_ridge.svg"))
    }

    @Test func badInputWritesNothingAndExits65() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cases: [(command: String, input: String, message: String)] = [
            ("tda-plot -o \(dir)/x.svg", "", "tda-plot: error: no records to plot (the input is empty)\n"),
            ("tda-plot -o \(dir)/x.svg", #"{"type":"sample","id":"s","x":[1]}"# + "\n",
             "tda-plot: error: stdin:1: record \"s\" is a sample record, which tda-plot cannot draw (it draws diagram, vector, graph, report, epoch, cloud, distance)\n"),
            ("tda-plot -o \(dir)/x.svg --kind image --shape 3x3", #"{"type":"vector","id":"v","values":[1,2,3,4]}"# + "\n",
             "tda-plot: error: stdin:1: record \"v\" has 4 values, but --shape 3x3 needs 9\n"),
            ("tda-plot -o \(dir)/never/", #"{"type":"report","id":"r"}"# + "\n",
             "tda-plot: error: stdin:1: record \"r\" has no \"predictions\" field; a report is drawn as \"predictions\" against \"targets\"\n"),
        ]
        for c in cases {
            let result = try Shell.run(c.command, stdin: c.input)
            #expect(result.status == 65, "\(c.command)")
            #expect(result.stderr == c.message)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "files left by \(c.command)")
        }
    }

    @Test func badOptionsAreUsageErrors() throws {
        for options in ["--shape 3by4 --kind image", "--width 5", "--kind pie", "--kind barcode", "-o x.svg --output-dir d"] {
            let result = try Shell.run("tda-plot \(options) < \(Self.fixture("image"))")
            #expect(result.status == 64, "\(options)")
            #expect(result.stderr.hasPrefix("tda-plot: error: ") && result.stderr.filter { $0 == "\n" }.count == 1)
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func umbrellaRunsThePluginAndBytesRepeat() throws {
        let graph = Self.fixture("graph")
        let direct = try Shell.run("tda-plot --seed 3 < \(graph)")
        let again = try Shell.run("tda-plot --seed 3 \(graph)")
        let umbrella = try Shell.run("tda plot --seed 3 < \(graph)")
        #expect(direct.status == 0 && umbrella.status == 0, "\(umbrella.stderr)")
        #expect(direct.stdout == again.stdout)
        #expect(direct.stdout == umbrella.stdout)
        let otherSeed = try Shell.run("tda-plot --seed 4 < \(graph)")
        #expect(otherSeed.stdout != direct.stdout)
    }

    @Test func everyKindConvertsToPNGWithRsvg() throws {
        try #require(Shell.available("rsvg-convert"), "rsvg-convert is required (make test-deps installs it)")
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let runs = ["diagram", "diagram --kind barcode", "vector", "vector --kind bars", "image --kind image",
                    "graph", "graph --color-by purity", "report", "epochs", "cloud --pca"]
        for (k, run) in runs.enumerated() {
            let words = run.split(separator: " ", maxSplits: 1).map(String.init)
            let options = words.count > 1 ? words[1] : ""
            let result = try Shell.run("""
                tda-plot \(Self.fixture(words[0])) \(options) -o \(dir)/\(k).svg && rsvg-convert \(dir)/\(k).svg -o \(dir)/\(k).png \
                && head -c 8 \(dir)/\(k).png | od -An -tx1 | tr -d ' \\n'
                """)
            #expect(result.status == 0, "\(run): \(result.stderr)")
            #expect(result.stdout == "89504e470d0a1a0a", "\(run) did not give a PNG")
        }
    }
}
