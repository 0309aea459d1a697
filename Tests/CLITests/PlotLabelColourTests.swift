import Foundation
import Testing

/// `tda-plot` gives a label one mark in every figure, whatever other labels are present, and
/// sorts number legends by value.
@Suite struct PlotLabelColourTests {
    /// The legend of a cloud figure whose points carry `labels` (JSON values): (label, swatch
    /// attributes) rows in legend order.
    static func legend(_ labels: String) throws -> [(label: String, mark: String)] {
        let record = #"{"type":"cloud","points":[[0,0],[1,1],[2,0],[0,2]],"labels":["# + labels + "]}"
        let result = try Shell.run("tda-plot", stdin: record + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        guard let start = result.stdout.range(of: #"<g class="legend">"#) else { return [] }
        let lines = result.stdout[start.upperBound...].split(separator: "\n").prefix { $0 != "</g>" }
        var rows: [(String, String)] = []
        for (swatch, text) in zip(lines, lines.dropFirst()) where swatch.hasPrefix("<circle") && text.hasPrefix("<text") {
            let mark = swatch.components(separatedBy: #"r="4.5" "#).last ?? ""
            let label = text.split(separator: ">")[1].split(separator: "<")[0]
            rows.append((String(label), mark))
        }
        return rows
    }

    static func mark(_ label: String, in rows: [(label: String, mark: String)]) -> String? {
        rows.first { $0.label == label }?.mark
    }

    @Test func zeroAndATenthGetDifferentColours() throws {
        for labels in ["0.1,0,0.1,0", "0,0.1,0,0.1"] {
            let rows = try Self.legend(labels)
            #expect(rows.map(\.label) == ["0", "0.1"])
            #expect(Self.mark("0", in: rows) != nil && Self.mark("0", in: rows) != Self.mark("0.1", in: rows), "\(rows)")
        }
    }

    @Test(arguments: ["3", "0.25", "\"setosa\""])
    func aLabelKeepsItsColourAcrossFigures(label: String) throws {
        let text = label.replacingOccurrences(of: "\"", with: "")
        let withOne = try Self.mark(text, in: Self.legend("1,\(label),1,\(label)"))
        let withSeven = try Self.mark(text, in: Self.legend("\(label),7,7,\(label)"))
        #expect(withOne != nil && withOne == withSeven)
    }

    @Test func numberLegendsAreInNumericOrderAndTextInStringOrder() throws {
        #expect(try Self.legend("10,2,1.5,2").map(\.label) == ["1.5", "2", "10"])
        #expect(try Self.legend(#""b","10","a","2""#).map(\.label) == ["10", "2", "a", "b"])
    }
}
