/// `tda cat`: reads records, checks each known type against the protocol (through its typed
/// view) and writes it back in normal form (compact, shortest round-trip numbers).
public enum RecordCheck {
    /// Validates one record by its type; unknown types pass (the protocol lets tools add types).
    public static func validate(_ record: Record) throws(ToolError) {
        switch record.type {
        case "cloud": _ = try CloudRecord(record)
        case "distance": _ = try DistanceRecord(record)
        case "diagram": _ = try DiagramRecord(record)
        case "vector": _ = try VectorRecord(record)
        case "sample": _ = try SampleRecord(record)
        case "model": _ = try ModelRecord(record)
        default: break
        }
    }

    /// Copies the operands (or stdin) to the output, validating every record and setting the
    /// given meta keys (for tagging records with facts the producing tool did not know).
    public static func copy(_ context: ToolContext, write: Bool, setting: [(String, JSONValue)] = []) throws(ToolError) {
        let reader = context.recordReader()
        let writer = write ? try context.recordWriter() : nil
        while var record = try reader.next() {
            try validate(record)
            if !setting.isEmpty { record.fields["meta"] = .object(record.derivedMeta(setting)) }
            try writer?.write(record)
        }
        context.noteEmptyInput(recordsRead: reader.recordsRead)
    }

    /// `KEY=VALUE` as a meta entry: a JSON number when VALUE is a finite number, else a string.
    public static func assignment(_ text: String) throws(ToolError) -> (String, JSONValue) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ToolError.usage("--set wants KEY=VALUE, not '\(text)'")
        }
        let key = String(text[..<equals]), value = String(text[text.index(after: equals)...])
        return (key, CSV.parseNumber(value).map(JSONValue.number) ?? .string(value))
    }
}
