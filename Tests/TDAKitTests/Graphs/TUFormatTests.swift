import Foundation
import Testing
@testable import TDAKit

/// The TU text format: a small set written by hand, and one data error per kind of bad file.
@Suite struct TUFormatTests {
    /// Writes DIR/T_*.txt from `files` (suffix → text) and returns the prefix DIR/T.
    func prefix(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (suffix, text) in files { try text.write(to: dir.appendingPathComponent("T_\(suffix).txt"), atomically: true, encoding: .utf8) }
        return dir.appendingPathComponent("T").path
    }

    /// Two graphs: a triangle (nodes 1–3) and an edge (nodes 4–5), edges listed both ways as TU does.
    static let good = [
        "A": "1, 2\n2, 1\n2, 3\n3, 2\n1, 3\n3, 1\n4, 5\n5, 4\n",
        "graph_indicator": "1\n1\n1\n2\n2\n",
        "graph_labels": "1\n-1\n",
        "node_labels": "0\n1\n0\n2\n2\n",
        "node_attributes": "0.5, 1\n1.5, 2\n2.5, 3\n3.5, 4\n4.5, 5\n",
    ]

    @Test func readsGraphsLabelsAndAttributes() throws {
        let graphs = try TUFormat.read(prefix: try prefix(Self.good))
        #expect(graphs.map(\.id) == ["T/1", "T/2"])
        #expect(graphs.map { $0.graph.edges.map { [$0.0, $0.1] } } == [[[0, 1], [0, 2], [1, 2]], [[0, 1]]])
        #expect(graphs.map(\.y) == [.number(1), .number(-1)])
        #expect(graphs[1].values["node_label"] == .numbers([2, 2]))
        #expect(graphs[1].features?.storage == [3.5, 4, 4.5, 5])
    }

    @Test func optionalFilesMayBeMissing() throws {
        let graphs = try TUFormat.read(prefix: try prefix(["A": "1, 2\n", "graph_indicator": "1\n1\n1\n"]))
        #expect(graphs.count == 1 && graphs[0].graph.vertexCount == 3 && graphs[0].y == nil && graphs[0].features == nil)
    }

    @Test(arguments: [
        ("A", "1, 4\n", "T_A.txt:1: edge 1, 4 joins graphs 1 and 2"),
        ("A", "1, 9\n", "T_A.txt:1: edge 1.0, 9.0 names a node that is not one of 1...5"),
        ("A", "1, 1e300\n", "T_A.txt:1: edge 1.0, 1e+300 names a node"),
        ("A", "1, 2.5\n", "T_A.txt:1: edge 1.0, 2.5 names a node"),
        ("graph_indicator", "1\n1\n1\n2\n1e300\n", "T_graph_indicator.txt:5: graph 1e+300 is not a whole number"),
        ("A", "1 2\n", "T_A.txt:1: expected 2 comma-separated numbers, got '1 2'"),
        ("graph_indicator", "1\n1\n0\n2\n2\n", "T_graph_indicator.txt:3: graph 0.0 is not a whole number from 1 to the node count 5"),
        ("graph_labels", "1\n", "T_graph_labels.txt: has 1 lines, expected 2"),
        ("node_attributes", "1\n2\n3\n4\nx\n", "T_node_attributes.txt:5: expected 1 comma-separated numbers"),
        ("node_labels", "1\n1\nnan\n1\n1\n", "T_node_labels.txt:3: expected 1"),
    ])
    func badFilesAreDataErrors(_ suffix: String, _ text: String, _ message: String) throws {
        var files = Self.good
        files[suffix] = text
        let path = try prefix(files)
        do {
            _ = try TUFormat.read(prefix: path)
            Issue.record("no error for \(message)")
        } catch {
            #expect(error.status == .dataError && error.message.contains(message), "\(error.message)")
        }
    }

    @Test func missingIndicatorCannotBeOpened() throws {
        let path = try prefix(["A": "1, 2\n"])
        #expect { try TUFormat.read(prefix: path) } throws: { ($0 as? ToolError)?.status == .noInput }
    }

    /// The shipped sets: counts, classes and sizes as TU publishes them.
    @Test func shippedSets() {
        let mutag = GraphSet.mutag.graphs, proteins = GraphSet.proteins.graphs
        #expect(mutag.count == 188 && proteins.count == 1113)
        #expect(mutag.filter { $0.y == .number(1) }.count == 125)
        #expect(proteins.filter { $0.y == .number(0) }.count == 663)
        #expect(mutag.map(\.graph.edges.count).reduce(0, +) == 3721)
        #expect(proteins.map(\.graph.edges.count).reduce(0, +) == 81044)
        #expect(proteins.map(\.graph.vertexCount).max() == 620)
    }
}
