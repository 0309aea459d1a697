import Foundation
@testable import TDAKit

/// Records and figures from the hand-written fixtures in `Fixtures/plot/`.
enum PlotFixtures {
    static func records(_ name: String) throws -> [Record] {
        try RecordReader(paths: [Fixtures.url("plot/\(name).jsonl").path]).readAll()
    }

    static func figures(_ name: String, _ configure: (inout PlotOptions) -> Void = { _ in }) throws -> [Figure] {
        var options = PlotOptions()
        configure(&options)
        return try FigureBuilder.figures(records(name), options: options)
    }

    /// One record parsed from JSON text, as the reader would.
    static func record(_ json: String) throws -> Record {
        var text = json
        let parsed = try text.withUTF8 { bytes in try RecordReader.parseLine(UnsafeRawBufferPointer(bytes), location: "test:1") }
        guard let parsed else { throw ToolError(.dataError, "blank test record") }
        return parsed
    }

    static func inspect(_ figure: Figure, width: Double = 640, height: Double = 480) -> SVGInspector {
        SVGInspector(figure.svg(width: width, height: height))
    }

    /// The Cartesian panels of a figure.
    static func cartesian(_ figure: Figure) -> [CartesianPlot] { figure.panels.compactMap { $0 as? CartesianPlot } }

    /// The message of the ToolError `body` throws (nil when it throws none).
    static func errorMessage(_ body: () throws -> Void) -> (status: ExitStatus, message: String)? {
        do {
            try body()
            return nil
        } catch let error as ToolError {
            return (error.status, error.message)
        } catch {
            return (.software, "\(error)")
        }
    }
}
