import Foundation
import Testing

/// Runs a built tool of this package as a user would: arguments, optional stdin, in a directory.
enum NetworkCLI {
    static let binaries = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug")

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    static func run(_ tool: String, _ arguments: [String], stdin: String = "", in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent(tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let (input, output, error) = (Pipe(), Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Read to the end before waiting: a child blocked on a full pipe never exits.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tda-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}

@Suite("nn-train CLI")
struct NNTrainTests {
    let fit = ["fit", "--arch", "dense:8,tanh,dense:2", "--epochs", "3", "--train-size", "100", "--test-size", "50", "--data-seed", "1"]

    @Test("fit writes a model file and a model record with metrics and hyper-parameters; logs epochs")
    func fitWritesModel() throws {
        let dir = try NetworkCLI.temporaryDirectory("fit")
        let r = try NetworkCLI.run("nn-train", fit + ["-o", "m.json", "--log", "--seed", "3"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 4)
        let model = try NetworkCLI.object(r.lines.last!)
        #expect(model["type"] as? String == "model" && model["id"] as? String == "m" && model["path"] as? String == "m.json")
        let meta = try #require(model["meta"] as? [String: Any])
        let (train, test, gap) = (meta["train_acc"] as? Double, meta["test_acc"] as? Double, meta["gap"] as? Double)
        // JSONSerialization may be off in the last bit on Linux (STYLE.md), hence 1e-12.
        #expect(train != nil && test != nil && abs(gap! - (train! - test!)) < 1e-12)
        #expect(meta["layers"] as? String == "dense:8,tanh,dense:2" && meta["lr"] as? Double == 0.001 && meta["dataset"] as? String == "moons")
        #expect(try NetworkCLI.object(r.lines[0])["type"] as? String == "epoch")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.json").path))
    }

    @Test("the same seed gives a byte-identical model file whatever the thread count")
    func deterministic() throws {
        let dir = try NetworkCLI.temporaryDirectory("det")
        _ = try NetworkCLI.run("nn-train", fit + ["-o", "a.json", "-j", "1"], in: dir)
        _ = try NetworkCLI.run("nn-train", fit + ["-o", "b.json", "-j", "2"], in: dir)
        let a = try Data(contentsOf: dir.appendingPathComponent("a.json")), b = try Data(contentsOf: dir.appendingPathComponent("b.json"))
        #expect(!a.isEmpty && a == b)
    }

    @Test("bad input: one-line errors with sysexits codes, and no model file", arguments: [
        (["fit", "--arch", "dense:8,relu,dense:3", "-o", "x.json"], Int32(64), "3 outputs but the data has 2 classes"),
        (["fit", "--arch", "conv:4x3,dense:2", "-o", "x.json"], 64, "layer 1 'conv:4x3': needs an image input"),
        (["fit", "--arch", "dense:4", "--dataset", "images", "--classes", "4", "-o", "x.json"], 64, "layer 1 'dense:4': needs a flat input but gets 1×16×16"),
        (["fit", "--arch", "dense:8,relu,dense:2", "--lr", "1e9", "--optimizer", "sgd", "--loss", "mse", "-o", "x.json"], 65, "diverged"),
        (["fit", "--arch", "dense:2", "--data", "bad.csv", "-o", "x.json"], 65, "bad.csv"),
        (["fit", "--arch", "dense:2"], 64, "-o MODEL.json"),
    ])
    func errors(_ c: ([String], Int32, String)) throws {
        let dir = try NetworkCLI.temporaryDirectory("err\(abs(c.2.hashValue))")
        try "1,2,0\n3,x,1\n".write(to: dir.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let r = try NetworkCLI.run("nn-train", c.0, in: dir)
        #expect(r.status == c.1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("nn-train: error:") && r.stderr.contains(c.2), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.json").path))
    }

    @Test("CSV data with a label column trains, and eval reports accuracy on both splits")
    func csvAndEval() throws {
        let dir = try NetworkCLI.temporaryDirectory("csv")
        let data = try NetworkCLI.run("nn-train", ["data", "--dataset", "blobs", "--classes", "3", "--train-size", "120", "--test-size", "0", "--format", "csv"], in: dir)
        #expect(data.status == 0)
        // Drop the split column: label last.
        let csv = data.lines.map { $0.split(separator: ",").dropFirst().joined(separator: ",") }.joined(separator: "\n")
        try csv.write(to: dir.appendingPathComponent("blobs.csv"), atomically: true, encoding: .utf8)
        let r = try NetworkCLI.run("nn-train", ["fit", "--arch", "dense:3", "--data", "blobs.csv", "--test-size", "30", "--epochs", "30", "--lr", "0.05", "-o", "b.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let eval = try NetworkCLI.run("nn-train", ["eval", "--model", "b.json", "--data", "blobs.csv", "--test-size", "30"], in: dir)
        #expect(eval.lines.count == 2)
        let reports = try eval.lines.map(NetworkCLI.object)
        #expect(reports.map { $0["split"] as? String } == ["train", "test"])
        #expect((reports[0]["accuracy"] as? Double ?? 0) > 0.8)
    }

    @Test("data writes sample records of both splits")
    func dataSamples() throws {
        let dir = try NetworkCLI.temporaryDirectory("data")
        let r = try NetworkCLI.run("nn-train", ["data", "--dataset", "spirals", "--dimensions", "3", "--train-size", "4", "--test-size", "2"], in: dir)
        let records = try r.lines.map(NetworkCLI.object)
        #expect(records.count == 6 && records.allSatisfy { $0["type"] as? String == "sample" && ($0["x"] as? [Double])?.count == 3 })
    }
}
