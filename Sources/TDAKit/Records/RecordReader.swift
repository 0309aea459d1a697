/// Reads records from JSON Lines inputs (files or `-`), one after another, in order.
///
/// Blank lines are skipped. A line that is not a JSON object with a string `"type"` stops the
/// tool with a data error naming the input, the line and the column.
public final class RecordReader {
    let paths: [String]
    var index = 0
    var current: LineReader?

    /// Reads `paths` in order; no paths means standard input.
    public init(paths: [String]) {
        self.paths = paths.isEmpty ? ["-"] : paths
    }

    /// The next record, or nil after the last input.
    public func next() throws(ToolError) -> Record? {
        while true {
            if current == nil {
                guard index < paths.count else { return nil }
                current = try LineReader(path: paths[index])
                index += 1
            }
            let reader = current!
            do {
                let parsed = try reader.nextLine { line -> Record? in
                    try RecordReader.parseLine(line, location: reader.location)
                }
                switch parsed {
                case .some(.some(let record)): return record
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

    /// Parses one line into a record; nil for a blank line.
    public static func parseLine(_ line: UnsafeRawBufferPointer, location: String) throws(ToolError) -> Record? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
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
