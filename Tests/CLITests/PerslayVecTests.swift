import Foundation
import Testing
import TDAKit

/// Runs a built tool (debug build, or `TDA_BIN`) with standard input from a string; output goes
/// through temporary files so a large output cannot deadlock the test.
enum ToolProcess {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let binDirectory = ProcessInfo.processInfo.environment["TDA_BIN"] ?? "\(packageRoot)/.build/debug"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard output parsed as JSON Lines records.
        var records: [JSONObject] {
            stdout.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)).objectValue }
        }
    }

    static func run(_ tool: String, _ arguments: [String], input: String = "") throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tda-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = ["in", "out", "err"].map { directory.appendingPathComponent($0) }
        try input.write(to: paths[0], atomically: true, encoding: .utf8)
        for path in paths.dropFirst() { FileManager.default.createFile(atPath: path.path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(binDirectory)/\(tool)")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = try FileHandle(forReadingFrom: paths[0])
        process.standardOutput = try FileHandle(forWritingTo: paths[1])
        process.standardError = try FileHandle(forWritingTo: paths[2])
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try String(contentsOf: paths[1], encoding: .utf8),
                      stderr: try String(contentsOf: paths[2], encoding: .utf8))
    }

    /// A temporary file holding `text`, removed by the caller's `defer`.
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tda-cli-\(UUID().uuidString).jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

extension JSONObject {
    var numbers: [Double] {
        get throws { if case .numbers(let xs)? = self["values"] { return xs } else { throw CLIFixtureError.missing("values") } }
    }
}

enum CLIFixtureError: Error { case missing(String) }

@Suite struct PerslayVecTests {
    /// Three diagrams of two models; m1/b has an essential H0 bar.
    static let diagrams = """
    {"type":"diagram","id":"m1/a","diagrams":[[[0,0.5],[0,0.25]],[[0.2,0.6],[0.3,0.9]]],"meta":{"model":"m1","gap":0.1}}
    {"type":"diagram","id":"m1/b","diagrams":[[[0,0.75],[0,null]],[[0.1,0.4]]],"meta":{"model":"m1","gap":0.1}}
    {"type":"diagram","id":"m2/a","diagrams":[[[0,1]],[]],"meta":{"model":"m2","gap":0.3}}

    """

    @Test func vectorizesWithNamesIdsAndMeta() throws {
        // --vec specs come first, then those given as operands.
        let result = try ToolProcess.run("perslay-vec", ["entropy", "--vec", "stats:set=ballester", "--dims", "1"], input: Self.diagrams)
        #expect(result.status == 0, "\(result.stderr)")
        let records = result.records
        #expect(records.count == 3)
        #expect(records[0]["id"] == .string("m1/a"))
        #expect(records[0]["meta"]?.objectValue?["gap"] == .number(0.1))
        #expect(records[0]["names"]?.arrayElements?.compactMap(\.stringValue) ==
                ["stats.H1.sd_birth", "stats.H1.sd_death", "stats.H1.mean_birth", "stats.H1.mean_death", "entropy.H1.entropy"])
        let expected = SummaryStatistics(ballesterSet: true).vector([PersistencePair(birth: 0.2, death: 0.6),
                                                                     PersistencePair(birth: 0.3, death: 0.9)])
        #expect(Array(try records[0].numbers.prefix(4)) == expected)
        #expect(try records[2].numbers == [0, 0, 0, 0, 0])
    }

    @Test func infinityValueAndFittedRanges() throws {
        let dropped = try ToolProcess.run("perslay-vec", ["stats:set=ballester", "--dims", "0"], input: Self.diagrams).records
        let kept = try ToolProcess.run("perslay-vec", ["stats:set=ballester", "--dims", "0", "--inf-value", "2"], input: Self.diagrams).records
        #expect(try dropped[1].numbers[3] == 0.75)
        #expect(try kept[1].numbers[3] == 1.375)
        let fitted = try ToolProcess.run("perslay-vec", ["landscape:num_landscapes=1:resolution=4", "--dims", "0"], input: Self.diagrams)
        #expect(fitted.status == 0, "\(fitted.stderr)")
        #expect(try fitted.records.allSatisfy { try $0.numbers.count == 4 })
    }

    @Test func badNamesAndPointsAreClearErrors() throws {
        let typo = try ToolProcess.run("perslay-vec", ["landscap"], input: Self.diagrams)
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("did you mean 'landscape'?"))
        let parameter = try ToolProcess.run("perslay-vec", ["image:bandwith=1"], input: Self.diagrams)
        #expect(parameter.status == 64)
        #expect(parameter.stderr.contains("unknown parameter 'bandwith'"))
        let range = try ToolProcess.run("perslay-vec", ["betti:sample_range=1,0"], input: Self.diagrams)
        #expect(range.status == 64 && range.stderr.contains("is empty"))
        let backwards = try ToolProcess.run("perslay-vec", [], input: #"{"type":"diagram","id":"x","diagrams":[[[1,0.5]]]}"# + "\n")
        #expect(backwards.status == 65)
        #expect(backwards.stdout.isEmpty)
    }

    @Test func reduceAveragesPerGroupAndBootstrapIsSeeded() throws {
        let vectors = try ToolProcess.run("perslay-vec", ["stats:set=ballester", "--dims", "1"], input: Self.diagrams).stdout
        let mean = try ToolProcess.run("perslay-vec", ["reduce", "--by", "meta.model"], input: vectors)
        #expect(mean.status == 0, "\(mean.stderr)")
        let groups = mean.records
        #expect(groups.map { $0["id"] } == [.string("m1"), .string("m2")])
        #expect(groups[0]["meta"]?.objectValue?["group_size"] == .number(2))
        // Mean of means of H1 mean births: (0.25 + 0.1) / 2.
        #expect(abs(try groups[0].numbers[2] - 0.175) < 1e-15)
        let first = try ToolProcess.run("perslay-vec", ["reduce", "--by", "meta.model", "--op", "bootstrap:20", "--seed", "5"], input: vectors)
        let again = try ToolProcess.run("perslay-vec", ["reduce", "--by", "meta.model", "--op", "bootstrap:20", "--seed", "5"], input: vectors)
        #expect(first.status == 0 && first.stdout == again.stdout)
        let bad = try ToolProcess.run("perslay-vec", ["reduce", "--op", "bootstrap:0"], input: vectors)
        #expect(bad.status == 64)
    }

    @Test func distancesAllPairsAndToAReference() throws {
        let all = try ToolProcess.run("perslay-vec", ["distance", "--metric", "bottleneck", "--dim", "0"], input: Self.diagrams)
        #expect(all.status == 0, "\(all.stderr)")
        let record = try #require(all.records.first)
        #expect(record["type"] == .string("distance"))
        #expect(record["names"]?.arrayElements?.compactMap(\.stringValue) == ["m1/a", "m1/b", "m2/a"])
        let rows = try #require(record["matrix"]?.arrayElements)
        guard case .numbers(let row0)? = rows.first, case .numbers(let row2)? = rows.last else { throw CLIFixtureError.missing("matrix") }
        #expect(row0[0] == 0 && row0[2] == row2[0])
        let reference = try ToolProcess.file(Self.diagrams)
        defer { try? FileManager.default.removeItem(atPath: reference) }
        let to = try ToolProcess.run("perslay-vec", ["distance", "--dim", "0", "--to", reference], input: Self.diagrams)
        #expect(to.status == 0, "\(to.stderr)")
        #expect(try to.records.first?.numbers == [0])
        #expect(to.records.count == 3)
    }
}

extension PerslayVecTests {
    @Test func vectorizationsFromAParameterFile() throws {
        let specs = try ToolProcess.file("# PersLay with a tent phi\nperslay:phi=tent:sample_range=0,1:resolution=3:op=max\n\nentropy  # scalar\n")
        defer { try? FileManager.default.removeItem(atPath: specs) }
        let result = try ToolProcess.run("perslay-vec", ["--vec-file", specs, "--dims", "0"], input: Self.diagrams)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.records.first?["names"]?.arrayElements?.compactMap(\.stringValue) ==
                ["perslay.H0.f0", "perslay.H0.f1", "perslay.H0.f2", "entropy.H0.entropy"])
        // m1/a H0: tents of (0, 0.5) and (0, 0.25) at 0, 0.5, 1; the max at 0.5 is 0 (its end).
        #expect(try result.records.first?.numbers == [0, 0, 0, SummaryStatistics.persistentEntropy([0.5, 0.25])])
    }
}
