import Testing
@testable import TDAKit

/// Reading `graph` records: the accepted forms, and one data error per kind of bad input.
@Suite struct GraphRecordViewTests {
    func read(_ json: String) throws -> GraphRecordView {
        guard case .object(let fields) = try JSONParser.parse(json) else { throw ToolError.usage("not an object") }
        return try GraphRecordView(Record(fields: fields, location: "stdin:1"))
    }

    func message(_ json: String) -> String? {
        do { _ = try read(json); return nil } catch { return "\(error)" }
    }

    @Test func countAndIndexLinks() throws {
        let view = try read(#"{"type":"graph","id":"g","nodes":3,"links":[[0,1],[2,1]],"y":1,"values":{"h":[1,2,3]}}"#)
        #expect(view.graph.vertexCount == 3)
        #expect(view.graph.edges.map { [$0.0, $0.1] } == [[0, 1], [1, 2]])
        #expect(view.y == .number(1))
        #expect(try VertexFiltration("values:h")?.values(of: view, place: "g") == [1, 2, 3])
    }

    /// Mapper's form: node objects whose string ids the links name.
    @Test func nodeObjectsAndIdLinks() throws {
        let view = try read(#"{"type":"graph","nodes":[{"id":"a"},{"id":"b"},{"id":"c"}],"links":[["c","a"]]}"#)
        #expect(view.graph.edges.map { [$0.0, $0.1] } == [[0, 2]])
    }

    /// As gudhi's SimplexTree: a self-loop is the vertex alone, a repeated link one edge.
    @Test func selfLoopsAndRepeatsAreOneSimplex() throws {
        let view = try read(#"{"type":"graph","nodes":3,"links":[[0,0],[0,1],[1,0],[0,1],[2,2]]}"#)
        #expect(view.graph.edges.map { [$0.0, $0.1] } == [[0, 1]])
        #expect(view.graph.degrees == [1, 1, 0])
    }

    @Test func writesBackWhatItReads() throws {
        let json = #"{"type":"graph","id":"g","nodes":3,"links":[[0,1],[1,2]],"x":[[1],[2],[3]],"values":{"h":[1,2,3]},"y":"a","meta":{}}"#
        #expect(try JSONWriter.string(.object(try read(json).record.fields)) == json)
    }

    @Test(arguments: [
        (#"{"type":"graph","nodes":2,"links":[[0,2]]}"#, "link 0 names node 2, which is not one of its 2 nodes"),
        (#"{"type":"graph","nodes":[{"id":"a"}],"links":[["a","b"]]}"#, "link 0 names node b"),
        (#"{"type":"graph","nodes":2,"links":[[0,1.5]]}"#, "link 0 names node 1.5, which is not one of its 2 nodes"),
        (#"{"type":"graph","nodes":2,"links":[[0]]}"#, "link 0 is not an [a, b] pair"),
        (#"{"type":"graph","nodes":2,"links":[[0,"a"]]}"#, "link 0 names node a, which is not one of its 2 nodes"),
        (#"{"type":"graph","nodes":2,"links":[[0,null]]}"#, "link 0 names node null"),
        (#"{"type":"graph","nodes":2,"links":{"a":1}}"#, "\"links\" must be an array"),
        (#"{"type":"graph","links":[]}"#, "has no \"nodes\" field"),
        (#"{"type":"graph","nodes":-1}"#, "\"nodes\" must be a node count"),
        (#"{"type":"graph","nodes":1e15}"#, "has 1000000000000000 nodes, more than the 10000000"),
        (#"{"type":"graph","nodes":1e300}"#, "\"nodes\" must be a node count"),
        (#"{"type":"graph","nodes":[{"id":"a"},{"id":"a"}]}"#, "two nodes with id a"),
        (#"{"type":"graph","nodes":[{"name":"a"}]}"#, "node 0 is not an object"),
        (#"{"type":"graph","nodes":2,"x":[[1],[2],[3]]}"#, "3 feature rows for 2 nodes"),
        (#"{"type":"graph","nodes":2,"values":{"h":[1]}}"#, "\"h\" must be 2 numbers"),
        (#"{"type":"graph","nodes":2,"values":[1,2]}"#, "\"values\" must be an object"),
        (#"{"type":"cloud","points":[]}"#, "expected graph"),
    ])
    func badInputIsADataError(_ json: String, _ expected: String) {
        let text = message(json)
        #expect(text?.contains(expected) == true, "\(text ?? "no error")")
        #expect(text?.hasPrefix("stdin:1: ") == true)
    }

    /// NaN cannot be written in JSON, but a reader that accepts Python's `NaN` could hand one in.
    @Test func nonFiniteValuesAreDataErrors() {
        let values = Record(fields: JSONObject([("type", .string("graph")), ("nodes", .number(2)),
                                                ("values", .object(JSONObject([("h", .numbers([1, .nan]))])))]))
        #expect(throws: ToolError.self) { try GraphRecordView(values) }
        let features = Record(fields: JSONObject([("type", .string("graph")), ("nodes", .number(1)),
                                                  ("x", .array([.numbers([.infinity])]))]))
        #expect(throws: ToolError.self) { try GraphRecordView(features) }
    }

    @Test func missingFunctionsAreDataErrors() throws {
        let view = try read(#"{"type":"graph","id":"g","nodes":2,"x":[[1],[2]]}"#)
        #expect(throws: ToolError.self) { try VertexFiltration.values(name: "h").values(of: view, place: "g") }
        #expect(throws: ToolError.self) { try VertexFiltration.feature(column: 1).values(of: view, place: "g") }
        #expect(try VertexFiltration.feature(column: 0).values(of: view, place: "g") == [1, 2])
    }

    /// The heat kernel signature's dense matrices are refused past their size, not allocated.
    @Test func heatKernelOfAHugeGraphIsADataError() throws {
        let view = try read(#"{"type":"graph","id":"g","nodes":20000}"#)
        #expect(throws: ToolError.self) { try VertexFiltration.heatKernel(time: 1).values(of: view, place: "g") }
        #expect(try VertexFiltration.degree.values(of: view, place: "g").count == 20000)
    }

    @Test func filtrationSpecs() {
        #expect(VertexFiltration("degree") == .degree)
        #expect(VertexFiltration("hks:10")?.name == "hks:10")
        #expect(VertexFiltration("hks:0.1")?.name == "hks:0.1")
        #expect(VertexFiltration("x:2") == .feature(column: 2))
        for bad in ["hks", "hks:-1", "hks:nan", "x:-1", "x:a", "values:", "degree:1", "pagerank"] {
            #expect(VertexFiltration(bad) == nil, "\(bad)")
        }
    }
}
