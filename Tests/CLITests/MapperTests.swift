import Foundation
import Testing
import TDAKit

/// Runs the built `mapper` with `arguments` (each single-quoted for the shell).
private func MapperRun(_ arguments: [String]) throws -> Shell.Result {
    try Shell.run((["mapper"] + arguments.map { "'" + $0 + "'" }).joined(separator: " "))
}

extension Shell.Result {
    /// The output records as JSON objects.
    var records: [[String: Any]] {
        stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}

/// A temporary file holding `text`, removed by the caller.
private func temporaryFile(_ name: String, _ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mapper-cli-\(UUID().uuidString)-\(name)").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// The repository's golden fixture, as a cloud record file: 400 ReLU points with labels.
private func reluCloud() throws -> (path: String, nodes: [String: [Int]], links: [[String]]) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TDAKitTests/Fixtures/mapper/graph_relu_a.json")
    let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let cloud: [String: Any] = ["type": "cloud", "id": "m1/L2", "points": fixture["points"]!,
                                "labels": fixture["labels"]!, "meta": ["gap": 0.125]]
    let line = String(decoding: try JSONSerialization.data(withJSONObject: cloud), as: UTF8.self)
    let nodes = try #require(fixture["nodes"] as? [String: [Int]])
    let links = try #require(fixture["links"] as? [[String]])
    return (try temporaryFile("relu.jsonl", line + "\n"), nodes, links)
}

@Suite("mapper command line")
struct MapperTests {
    let relu = ["--intervals", "8", "--overlap", "0.4", "--eps", "1.1117", "--min-samples", "4"]

    @Test func graphRecordEqualsKeplerMapper() throws {
        let (path, nodes, links) = try reluCloud()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try MapperRun(relu + [path])
        #expect(run.status == 0, "\(run.stderr)")
        let record = try #require(run.records.first)
        #expect(record["type"] as? String == "graph")
        #expect(record["id"] as? String == "m1/L2")
        #expect((record["meta"] as? [String: Any])?["gap"] as? Double == 0.125)
        let ours = try #require(record["nodes"] as? [[String: Any]])
        var members: [String: [Int]] = [:]
        for node in ours { members[node["id"] as! String] = (node["members"] as! [NSNumber]).map(\.intValue) }
        #expect(members == nodes)
        #expect(record["links"] as? [[String]] == links)
        #expect(ours.allSatisfy { $0["purity"] is Double && $0["top_labels"] is [Any] })
        #expect((record["params"] as? [String: Any])?["eps"] as? Double == 1.1117)
    }

    @Test func csvNpyAndDistanceInputs() throws {
        var csv = "x,y\n"
        for i in 0..<60 { csv += "\(Double(i) * 0.1),\(i % 2 == 0 ? 0.0 : 0.05)\n" }
        let csvPath = try temporaryFile("line.csv", csv)
        defer { try? FileManager.default.removeItem(atPath: csvPath) }
        let fromCSV = try MapperRun(["--input-format", "csv", "--lens", "coord:0", "--intervals", "4", "--overlap", "0.2", csvPath])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        let graph = try #require(fromCSV.records.first)
        #expect((graph["nodes"] as? [Any])?.count == 4)
        #expect((graph["links"] as? [Any])?.count == 3)

        let matrix = Matrix<Double>(rows: 3, cols: 2, storage: [0, 0, 0.1, 0, 5, 5])
        let npyPath = FileManager.default.temporaryDirectory.appendingPathComponent("mapper-cli-\(UUID().uuidString).npy").path
        try Data(NPY.bytes(of: matrix)).write(to: URL(fileURLWithPath: npyPath))
        defer { try? FileManager.default.removeItem(atPath: npyPath) }
        let fromNPY = try MapperRun(["--input-format", "npy", "--intervals", "1", "--min-samples", "2", npyPath])
        #expect(fromNPY.status == 0, "\(fromNPY.stderr)")
        #expect((fromNPY.records.first?["nodes"] as? [[String: Any]])?.first?["members"] as? [Int] == [0, 1])

        let distance = #"{"type":"distance","id":"d","matrix":[[0,1,9],[1,0,9],[9,9,0]],"meta":{}}"#
        let dPath = try temporaryFile("d.jsonl", distance + "\n")
        defer { try? FileManager.default.removeItem(atPath: dPath) }
        let fromDistance = try MapperRun(["--lens", "eccentricity", "--intervals", "1", "--eps", "1", "--min-samples", "2", dPath])
        #expect(fromDistance.status == 0, "\(fromDistance.stderr)")
        #expect((fromDistance.records.first?["nodes"] as? [[String: Any]])?.first?["members"] as? [Int] == [0, 1])
        // Without --lens a distance matrix gets the eccentricity lens (a cloud keeps l2norm).
        let byDefault = try MapperRun(["--intervals", "1", "--eps", "1", "--min-samples", "2", dPath])
        #expect(byDefault.stdout == fromDistance.stdout, "\(byDefault.stderr)")
        #expect((byDefault.records.first?["params"] as? [String: Any])?["lens"] as? String == "eccentricity")
    }

    @Test func dotAndHTMLFormats() throws {
        let (path, nodes, _) = try reluCloud()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let dot = try MapperRun(relu + ["--format", "dot", path])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("graph \"m1/L2\" {"))
        #expect(dot.stdout.components(separatedBy: "[label=").count - 1 == nodes.count)
        let htmlPath = FileManager.default.temporaryDirectory.appendingPathComponent("mapper-cli-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: htmlPath) }
        let html = try MapperRun(relu + ["--format", "html", "-o", htmlPath, path])
        #expect(html.status == 0 && html.stdout.isEmpty)
        let page = try String(contentsOfFile: htmlPath, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("cube0_cluster0"))
        // Several records make one page with a menu of their graphs.
        let twice = try MapperRun(relu + ["--format", "html", path, path])
        #expect(twice.status == 0 && twice.stdout.components(separatedBy: #""title":"m1/L2""#).count == 3)
        #expect(twice.stdout.contains("<title>Mapper graphs (2)</title>"))
    }

    @Test(arguments: [
        (["--eps", "0"], Int32(64), "eps must be a positive number"),
        (["--eps", "-1"], 64, "eps must be a positive number"),
        (["--overlap", "1"], 64, "overlap must be in [0, 1)"),
        (["--overlap", "-0.1"], 64, "overlap must be in [0, 1)"),
        (["--lens", "bogus"], 64, "unknown value 'bogus'"),
        (["--lens", "pca:3"], 64, "pca takes 1 or 2 components"),
        (["--intervals", "0"], 64, "at least 1"),
    ])
    func badParametersAreUsageErrors(arguments: [String], status: Int32, message: String) throws {
        let path = try temporaryFile("ok.jsonl", #"{"type":"cloud","points":[[0],[1],[2]]}"# + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try MapperRun(arguments + [path])
        #expect(run.status == status)
        #expect(run.stderr.hasPrefix("mapper: error: ") && run.stderr.contains(message), "\(run.stderr)")
    }

    @Test(arguments: [
        (#"{"type":"cloud","id":"c","points":[[1,2],[1,2],[1,2]]}"#, "lens dimension 0 is constant"),
        (#"{"type":"cloud","id":"c","points":[[1,2],[3,4],[5,6]],"lens":[1,2]}"#, "2 lens values for 3 points"),
        (#"{"type":"cloud","id":"c","points":[[0],[1],[2]]}"#, "no cover element holds the 50 points"),
        (#"{"type":"diagram","id":"c","diagrams":[]}"#, "expected cloud or distance"),
    ])
    func badDataNamesTheRecord(line: String, message: String) throws {
        let path = try temporaryFile("bad.jsonl", line + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let extra = line.contains("\"lens\"") ? ["--lens", "precomputed"] : line.contains("[0],[1]") ? ["--min-samples", "50"] : []
        let run = try MapperRun(extra + [path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("record \"c\"") && run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func nanInCSVIsADataError() throws {
        let path = try temporaryFile("nan.csv", "1,2\nnan,3\n4,5\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try MapperRun(["--input-format", "csv", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("not a finite number"), "\(run.stderr)")
    }

    @Test func allNoiseWarnsAndWritesAnEmptyGraph() throws {
        let path = try temporaryFile("far.jsonl", #"{"type":"cloud","id":"far","points":[[0],[10],[20],[30]]}"# + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try MapperRun(["--intervals", "1", "--eps", "1", "--min-samples", "2", path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning") && run.stderr.contains("no nodes"))
        #expect((run.records.first?["nodes"] as? [Any])?.isEmpty == true)
    }
}
