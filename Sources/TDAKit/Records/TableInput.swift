/// Reads the inputs of a tool that accepts either records or plain tables
/// (`--input-format jsonl|csv|npy`): each CSV or .npy operand becomes one record of `type`
/// (`cloud` or `distance`) whose id is the file name (`stdin` for `-`).
public struct RecordSource {
    let reader: RecordReader?
    var tables: [String]
    let format: String
    let tableType: String

    public init(paths: [String], format: String, tableType: String) {
        self.format = format
        self.tableType = tableType
        if format == "jsonl" {
            reader = RecordReader(paths: paths)
            tables = []
        } else {
            reader = nil
            tables = paths.isEmpty ? ["-"] : paths
        }
    }

    /// The next input record.
    public mutating func next() throws(ToolError) -> Record? {
        if let reader { return try reader.next() }
        guard !tables.isEmpty else { return nil }
        let path = tables.removeFirst()
        let lines = try LineReader(path: path)
        let bytes = try lines.readAll()
        let matrix = format == "npy" ? try NPY.read(bytes, name: lines.name) : try CSV.numericTable(bytes, name: lines.name).matrix
        let id = path == "-" ? "stdin" : String(path.split(separator: "/").last ?? Substring(path))
        let key = tableType == "distance" ? "matrix" : "points"
        var record = Record(type: tableType, id: id, meta: JSONObject(), payload: [(key, .array(matrix.rowArrays.map(JSONValue.numbers)))])
        record.location = lines.name
        return record
    }
}
