/// Reads the inputs of a tool that accepts either records or plain tables
/// (`--input-format jsonl|csv|npy|npz`): each CSV or .npy operand becomes one record of `type`
/// (`cloud` or `distance`) whose id is the file name (`stdin` for `-`); each array of an .npz
/// archive becomes one whose id is the array's key, with the labels of a `KEY.labels` array
/// beside it (`KEY.neurons`, `nn-activations`' neuron indices, is not a table of its own).
public struct RecordSource {
    let reader: RecordReader?
    var tables: [String]
    /// Records of an archive not handed out yet.
    var pending: [Record] = []
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
        if !pending.isEmpty { return pending.removeFirst() }
        guard !tables.isEmpty else { return nil }
        let path = tables.removeFirst()
        let lines = try LineReader(path: path)
        let bytes = try lines.readAll()
        if format == "npz" {
            pending = try archiveRecords(bytes, name: lines.name)
            return try next()
        }
        let matrix = format == "npy" ? try NPY.read(bytes, name: lines.name) : try CSV.numericTable(bytes, name: lines.name).matrix
        let id = path == "-" ? "stdin" : String(path.split(separator: "/").last ?? Substring(path))
        return table(matrix, id: id, location: lines.name)
    }

    func table(_ matrix: Matrix<Double>, id: String, location: String, labels: [JSONValue]? = nil) -> Record {
        let key = tableType == "distance" ? "matrix" : "points"
        var payload: [(String, JSONValue)] = [(key, .array(matrix.rowArrays.map(JSONValue.numbers)))]
        if let labels { payload.append(("labels", .array(labels))) }
        var record = Record(type: tableType, id: id, meta: JSONObject(), payload: payload)
        record.location = location
        return record
    }

    /// The tables of an archive, in its order.
    func archiveRecords(_ bytes: [UInt8], name: String) throws(ToolError) -> [Record] {
        let entries = try NPZReader.entries(bytes, name: name)
        let byKey = Dictionary(entries.map { ($0.key, $0.npy) }, uniquingKeysWith: { first, _ in first })
        var records: [Record] = []
        for (key, npy) in entries where !key.hasSuffix(".labels") && !key.hasSuffix(".neurons") {
            let location = "\(name)[\(key)]"
            let labels = try byKey[key + ".labels"].map { bytes throws(ToolError) in
                try NPY.read(bytes, name: location + ".labels").storage.map { JSONValue.number($0) }
            }
            records.append(table(try NPY.read(npy, name: location), id: key, location: location, labels: labels))
        }
        guard !records.isEmpty else { throw ToolError.data(name, "the archive holds no tables") }
        return records
    }
}
