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
        try Self.encode(record, precision: arrayPrecision, to: &scratch)
        output.appendUnchecked(scratch)
        try output.endRecord()
    }

    /// Writes `count` records in order, building (`record(k)`) and formatting them on up to
    /// `threads` threads first: formatting numbers is about half of `nn-activations`' time
    /// (bench/RESULTS-nn.md), and its clouds of one layer come together. The bytes are those of
    /// writing them one by one.
    public func write(count: Int, threads: Int, _ record: @Sendable (Int) -> Record) throws(ToolError) {
        guard table == nil, threads > 1, count > 1 else {
            for k in 0..<count { try write(record(k)) }
            return
        }
        let precision = arrayPrecision
        let lines = parallelMap(count, threads: threads) { k in
            var bytes: [UInt8] = []
            return Result { () throws(ToolError) in try Self.encode(record(k), precision: precision, to: &bytes); return bytes }
        }
        for line in lines {
            output.appendUnchecked(try line.get())
            try output.endRecord()
        }
    }

    /// Appends a record's JSON line; a NaN anywhere in it is a data error naming the record.
    private static func encode(_ record: Record, precision: JSONWriter.ArrayPrecision, to bytes: inout [UInt8]) throws(ToolError) {
        do {
            try JSONWriter.write(.object(record.fields), to: &bytes, arrays: precision)
        } catch {
            throw record.error("would contain NaN, which the record protocol never writes")
        }
        bytes.append(0x0A)
    }
}
