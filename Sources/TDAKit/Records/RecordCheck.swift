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

    /// Copies the operands (or stdin) to the output, validating every record.
    public static func copy(_ context: ToolContext, write: Bool) throws(ToolError) {
        let reader = context.recordReader()
        let writer = write ? try context.recordWriter() : nil
        while let record = try reader.next() {
            try validate(record)
            try writer?.write(record)
        }
    }
}
