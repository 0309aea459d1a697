import Testing
@testable import TDAKit

@Suite struct FieldScatterTests {
    func record(_ text: String) throws -> Record {
        var text = text
        return try text.withUTF8 { try RecordReader.parseLine(UnsafeRawBufferPointer($0), location: "t:1")! }
    }

    @Test func pointsComeFromValuesAndMetaFields() throws {
        let records = try [
            record(#"{"type":"vector","id":"a","values":[0.5,2],"names":["f","g"],"meta":{"gap":0.1,"depth":1}}"#),
            record(#"{"type":"vector","id":"b","values":[1.5,3],"names":["f","g"],"meta":{"gap":0.3,"depth":2}}"#),
        ]
        let cloud = try FieldScatter.cloud(records, x: "f", y: "meta.gap", label: "meta.depth")
        #expect(cloud.points.storage == [0.5, 0.1, 1.5, 0.3])
        #expect(cloud.labels == [.number(1), .number(2)])
        #expect(cloud.names == ["f", "meta.gap"])
        let svg = try FigureBuilder.figures([cloud.record], options: PlotOptions())[0].svg(width: 400, height: 300)
        #expect(svg.components(separatedBy: "<circle").count - 1 >= 2)
        // The legend is titled by the colouring field.
        #expect(svg.contains(">meta.depth</text>"))
    }

    @Test func unknownFieldNamesTheRecord() throws {
        let records = try [record(#"{"type":"vector","id":"a","values":[1],"names":["f"],"meta":{}}"#)]
        #expect(throws: ToolError(.dataError, #"t:1: record "a" has no field or value named meta.gap"#)) {
            try FieldScatter.cloud(records, x: "f", y: "meta.gap", label: nil)
        }
    }
}
