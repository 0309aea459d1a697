import Testing
@testable import TDAKit

@Suite struct DistancePlotTests {
    @Test func distanceRecordIsAHeatMapWithOneCellPerEntry() throws {
        var text = #"{"type":"distance","id":"d","matrix":[[0,1,2],[1,0,3],[2,3,0]],"names":["a","b","c"]}"#
        let record = try text.withUTF8 { try RecordReader.parseLine(UnsafeRawBufferPointer($0), location: "t:1")! }
        let svg = try FigureBuilder.figures([record], options: PlotOptions())[0].svg(width: 400, height: 300)
        let marks = svg.components(separatedBy: "class=\"marks\"")
        #expect(marks.count == 2)
        let cells = marks[1].components(separatedBy: "</g>")[0].components(separatedBy: "<rect").count - 1
        #expect(cells == 9)
    }
}
