/// Reads the inputs of a tool that accepts either records or plain tables
/// (`--input-format jsonl|csv|npy|npz`): each CSV or .npy operand becomes one record of `type`
/// (`cloud` or `distance`) whose id is the file name (`stdin` for `-`); each array of an .npz
/// archive becomes one whose id is the array's key, with the labels of a `KEY.labels` array
/// beside it (`KEY.neurons`, `nn-activations`' neuron indices, is not a table of its own).
public struct RecordSource {
    let reader: RecordReader?
    var tables: [String]
    /// The archive being read: its arrays (as .npy bytes), where each table's labels are, its
    /// name, and the next array.
    var archive: [(key: String, npy: [UInt8])] = []
    var archiveLabels: [String: Int] = [:]
    var archiveName = ""
    var archiveNext = 0
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
        if let record = try nextArchiveTable() { return record }
        guard !tables.isEmpty else { return nil }
        let path = tables.removeFirst()
        let lines = try LineReader(path: path)
        let bytes = try lines.readAll()
        if format == "npz" {
            archive = try NPZReader.entries(bytes, name: lines.name)
            archiveLabels = Dictionary(archive.indices.filter { archive[$0].key.hasSuffix(".labels") }.map {
                (String(archive[$0].key.dropLast(7)), $0)
            }, uniquingKeysWith: { first, _ in first })
            (archiveName, archiveNext) = (lines.name, 0)
            guard archive.contains(where: { !Self.isCompanion($0.key) }) else {
                throw ToolError.data(lines.name, "the archive holds no tables")
            }
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

    /// The archive's next table (one array at a time, so only the archive's bytes and one
    /// record are in memory), with its `KEY.labels`; nil when the archive is done.
    mutating func nextArchiveTable() throws(ToolError) -> Record? {
        while archiveNext < archive.count {
            let (key, npy) = archive[archiveNext]
            archiveNext += 1
            if Self.isCompanion(key) { continue }
            let location = "\(archiveName)[\(key)]"
            let labels = try archiveLabels[key].map { index throws(ToolError) in
                try NPY.read(archive[index].npy, name: location + ".labels").storage.map { JSONValue.number($0) }
            }
            return table(try NPY.read(npy, name: location), id: key, location: location, labels: labels)
        }
        archive = []
        return nil
    }

    /// Arrays that belong to another: `KEY.labels`, and `KEY.neurons` (`nn-activations`' indices).
    static func isCompanion(_ key: String) -> Bool { key.hasSuffix(".labels") || key.hasSuffix(".neurons") }
}
