/// Writes records as JSON Lines to a `ByteOutput` (standard output or an atomic file).
public final class RecordWriter {
    public let output: ByteOutput
    var scratch: [UInt8] = []
    /// The digits of arrays of numbers (see `JSONWriter.ArrayPrecision`).
    public var arrayPrecision = JSONWriter.ArrayPrecision.float64
    /// Set for `--output-format csv`: records are written as one CSV table instead.
    public var table: CSVTable?

    public init(output: ByteOutput) {
        self.output = output
        scratch.reserveCapacity(1 << 16)
    }

    /// Writes one record and its newline; a NaN anywhere in it is a data error naming the record.
    public func write(_ record: Record) throws(ToolError) {
        if let table {
            try output.append(try table.lines(record, precision: arrayPrecision))
            return
        }
        scratch.removeAll(keepingCapacity: true)
        do {
            try JSONWriter.write(.object(record.fields), to: &scratch, arrays: arrayPrecision)
        } catch {
            throw record.error("would contain NaN, which the record protocol never writes")
        }
        scratch.append(0x0A)
        output.appendUnchecked(scratch)
        try output.endRecord()
    }
}
