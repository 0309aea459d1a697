/// Reads records from JSON Lines inputs (files or `-`), one after another, in order.
///
/// Blank lines are skipped. A line that is not a JSON object with a string `"type"` stops the
/// tool with a data error naming the input, the line and the column.
public final class RecordReader {
    let paths: [String]
    let implicitStandardInput: Bool
    var index = 0
    var current: LineReader?
    /// Records returned so far (a filter that read none says so).
    public private(set) var recordsRead = 0

    /// Reads `paths` in order; no paths means standard input.
    public init(paths: [String]) {
        self.paths = paths.isEmpty ? ["-"] : paths
        implicitStandardInput = paths.isEmpty
    }

    /// Reads an input already opened (and peeked at).
    public init(opened: LineReader) {
        paths = [opened.name]
        implicitStandardInput = false
        current = opened
        index = 1
    }

    /// Reads `diagrams` through the fast path of `nextDiagram()`; made on first use.
    lazy var diagramCapture = PairArraysCapture(key: "diagrams")

    /// The next record, or nil after the last input.
    public func next() throws(ToolError) -> Record? {
        try nextParsed { line, location throws(ToolError) in try RecordReader.parseLine(line, location: location) }
    }

    /// The next record as a `diagram` (any other type is a data error), its bars parsed straight
    /// from the bytes into flat buffers when they have the usual layout. `record` holds the
    /// line's other fields (for messages and meta); its `diagrams` may have been left out.
    public func nextDiagram() throws(ToolError) -> (record: Record, diagram: DiagramRecord)? {
        let capture = diagramCapture
        return try nextParsed { line, location throws(ToolError) in
            try RecordReader.parseDiagramLine(line, location: location, capture: capture)
        }
    }

    /// Replaces `batch` with up to `count` next lines (blank ones included) copied out, for
    /// parsing on other threads (`parseDiagramLine`); false after the last input. The batch's
    /// storage is reused: fresh buffers per batch cost page faults (10–20% of the run as sys time).
    public func nextLines(_ count: Int, into batch: inout LineBatch) throws(ToolError) -> Bool {
        batch.removeAll()
        while batch.count < count, try nextParsed({ line, location in batch.append(line, location: location) }) != nil {}
        return batch.count > 0
    }

    /// Parses the next non-blank line with `parse` (nil from it means a blank line).
    func nextParsed<Parsed>(_ parse: (UnsafeRawBufferPointer, String) throws(ToolError) -> Parsed?) throws(ToolError) -> Parsed? {
        while true {
            if current == nil {
                guard index < paths.count else { return nil }
                current = try implicitStandardInput ? LineReader.implicitStandardInput() : LineReader(path: paths[index])
                index += 1
            }
            let reader = current!
            do {
                let parsed = try reader.nextLine { line -> Parsed? in try parse(line, reader.location) }
                switch parsed {
                case .some(.some(let record)):
                    recordsRead += 1
                    return record
                case .some(.none): continue
                case .none: current = nil
                }
            } catch let error as ToolError {
                throw error
            } catch {
                throw ToolError(.software, "\(reader.location): \(error)")
            }
        }
    }

    /// All remaining records.
    public func readAll() throws(ToolError) -> [Record] {
        var records: [Record] = []
        while let record = try next() { records.append(record) }
        return records
    }

    /// All remaining records as diagrams (`nextDiagram()`).
    public func readAllDiagrams() throws(ToolError) -> [(record: Record, diagram: DiagramRecord)] {
        var diagrams: [(record: Record, diagram: DiagramRecord)] = []
        while let diagram = try nextDiagram() { diagrams.append(diagram) }
        return diagrams
    }

    /// Parses one line into a record; nil for a blank line.
    public static func parseLine(_ line: UnsafeRawBufferPointer, location: String) throws(ToolError) -> Record? {
        try parseRecord(line, location: location, capture: nil)
    }

    /// Parses one line into a `diagram` record through the fast path; nil for a blank line.
    /// A capture serves one thread at a time.
    public static func parseDiagramLine(_ line: UnsafeRawBufferPointer, location: String,
                                 capture: PairArraysCapture) throws(ToolError) -> (record: Record, diagram: DiagramRecord)? {
        guard let record = try parseRecord(line, location: location, capture: capture) else { return nil }
        return (record, try DiagramRecord(record, captured: capture.dimensions))
    }

    static func parseRecord(_ line: UnsafeRawBufferPointer, location: String, capture: PairArraysCapture?) throws(ToolError) -> Record? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let value: JSONValue
        do {
            value = try JSONParser.parse(line, capturing: capture)
        } catch {
            throw ToolError(.dataError, "\(location): column \(error.offset + 1): malformed JSON: \(error.message)")
        }
        guard case .object(let object) = value else {
            throw ToolError(.dataError, "\(location): a record must be a JSON object, not \(value.typeName.first == "a" || value.typeName.first == "o" ? "an" : "a") \(value.typeName)")
        }
        guard case .string? = object["type"] else {
            throw ToolError(.dataError, "\(location): record has no string \"type\" field")
        }
        return Record(fields: object, location: location)
    }
}
