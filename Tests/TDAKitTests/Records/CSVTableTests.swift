import Testing
@testable import TDAKit

/// `--output-format csv`: the protocol's "CSV out" for records that form one table.
@Suite struct CSVTableTests {
    func record(_ json: String) throws -> Record {
        guard case .object(let fields) = try JSONParser.parse(json) else { throw ToolError.usage("not an object") }
        return Record(fields: fields, location: "test")
    }

    @Test func cloudsDiagramsDistancesAndVectorsBecomeTables() throws {
        let cloud = try record(#"{"type":"cloud","points":[[0.1,2],[3,1e-7]],"labels":[1,"b,c"],"names":["n1","n2"]}"#)
        #expect(try CSVTable().lines(cloud, precision: .float64) == "name,x0,x1,label\nn1,0.1,2,1\nn2,3,1e-07,\"b,c\"\n")
        let columns = try record(#"{"type":"cloud","points":[[1,2,3]],"names":["a","b","c"]}"#)
        #expect(try CSVTable().lines(columns, precision: .float64) == "a,b,c\n1,2,3\n")
        let float = try record(#"{"type":"cloud","points":[[0.10000000149011612, 0.1]]}"#)
        #expect(try CSVTable().lines(float, precision: .float32) == "x0,x1\n0.1,0.1\n", "exact float32 values in float32 digits")
        let diagram = try record(#"{"type":"diagram","diagrams":[[[0,1.5],[0,null]],[[0.25,0.5]]]}"#)
        #expect(try CSVTable().lines(diagram, precision: .float64) == "dim,birth,death\n0,0,1.5\n0,0,inf\n1,0.25,0.5\n")
        let distance = try record(#"{"type":"distance","matrix":[[0,1],[1,0]],"names":["p","q"]}"#)
        #expect(try CSVTable().lines(distance, precision: .float64) == "p,q\n0,1\n1,0\n")
        let table = CSVTable()
        let first = try table.lines(try record(#"{"type":"vector","id":"m1","values":[1,2],"names":["s","t"]}"#), precision: .float64)
        let second = try table.lines(try record(#"{"type":"vector","id":"m2","values":[3,4.5]}"#), precision: .float64)
        #expect(first + second == "id,s,t\nm1,1,2\nm2,3,4.5\n")
    }

    @Test func aSecondTableOrATypeWithoutTableIsAnError() throws {
        let table = CSVTable()
        _ = try table.lines(try record(#"{"type":"diagram","diagrams":[]}"#), precision: .float64)
        #expect(throws: ToolError.self) { try table.lines(try record(#"{"type":"diagram","diagrams":[]}"#), precision: .float64) }
        let vectors = CSVTable()
        _ = try vectors.lines(try record(#"{"type":"vector","values":[1,2]}"#), precision: .float64)
        #expect(throws: ToolError.self) { try vectors.lines(try record(#"{"type":"vector","values":[1]}"#), precision: .float64) }
        #expect(throws: ToolError.self) { try CSVTable().lines(try record(#"{"type":"graph","nodes":[],"links":[]}"#), precision: .float64) }
    }
}
