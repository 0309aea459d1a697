/// Reads the inputs of a tool that accepts either records or plain tables
/// (`--input-format jsonl|csv|npy|npz`): each CSV or .npy operand becomes one record of `type`
/// (`cloud` or `distance`) whose id is the file name (`stdin` for `-`); each array of an .npz
/// archive becomes one whose id is the array's key, with the labels of a `KEY.labels` array and
/// the probe rows of a `KEY.rows` array beside it (`KEY.neurons`, `nn-activations`' neuron
/// indices, is not a table of its own).
public struct RecordSource {
    var reader: RecordReader?
    var tables: [String]
    /// The archive being read, if any.
    var archive: OpenArchive?
    var format: String
    /// Standard input opened to see its format, to be read as the first table.
    var pending: LineReader?
    /// Records of a table that holds several (the rows of a vector table), still to be returned.
    var queued: [Record] = []
    let tableType: String
    let implicitStandardInput: Bool
    /// Records returned so far (a filter that read none says so).
    public private(set) var recordsRead = 0

    /// `format` is jsonl, csv, npy, npz, or auto: from the first file's name (`.csv`, `.npy`,
    /// `.npz`, else JSON Lines), or on standard input from its first bytes (NumPy's magic, a zip).
    public init(paths: [String], format: String, tableType: String) {
        self.tableType = tableType
        implicitStandardInput = paths.isEmpty
        let format = format == "auto" ? InputFormat.fromName(paths.first) : format
        self.format = format
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
        let record = try nextRecord()
        if record != nil { recordsRead += 1 }
        return record
    }

    mutating func nextRecord() throws(ToolError) -> Record? {
        if format == InputFormat.sniffed { try sniffStandardInput() }
        if let reader {
            do { return try reader.next() } catch where recordsRead == 0 && error.message.contains("malformed JSON") {
                throw ToolError(error.status, error.message + " (not JSON Lines? give --input-format csv, npy or npz)")
            }
        }
        if !queued.isEmpty { return queued.removeFirst() }
        if let record = try nextArchiveTable() { return record }
        guard !tables.isEmpty else { return nil }
        let path = tables.removeFirst()
        let lines: LineReader
        if let opened = pending { (lines, pending) = (opened, nil) } else { lines = try open(path) }
        let id = path == "-" ? "stdin" : String(path.split(separator: "/").last ?? Substring(path))
        if format == "npy" {
            return try table(NPY.read(from: lines, allowInfinity: tableType == "diagram"), id: id, location: lines.name)
        }
        let bytes = try lines.readAll()
        if format == "npz" {
            archive = try OpenArchive(entries: NPZReader.entries(bytes, name: lines.name), name: lines.name)
            return try nextRecord()
        }
        if format == "csv", tableType == "cloud" {
            // A cloud's CSV as the tools and pandas write it: `label`, `split`, `id` and `name` columns are not coordinates.
            let data = try CSVData.read(bytes, name: lines.name, labelColumn: nil, labelRequired: false, classHeaders: CSVData.cloudClassHeaders)
            let labels = data.labelFields?.map { CSV.parseNumber($0).map(JSONValue.number) ?? .string($0) }
            return try table(data.features, id: id, location: lines.name, labels: labels)
        }
        if format == "csv", tableType == "vector" {
            queued = try VectorTable.records(bytes, name: lines.name)
            return try nextRecord()
        }
        if format == "csv", tableType == "diagram" { return try table(DiagramTable.csvRows(bytes, name: lines.name), id: id, location: lines.name) }
        return try table(CSV.numericTable(bytes, name: lines.name).matrix, id: id, location: lines.name)
    }

    /// Opens an input; standard input read for want of operands refuses a terminal.
    func open(_ path: String) throws(ToolError) -> LineReader {
        try implicitStandardInput ? LineReader.implicitStandardInput() : LineReader(path: path)
    }

    /// Decides the format of standard input from its first bytes, leaving them unread.
    mutating func sniffStandardInput() throws(ToolError) {
        let input = try open("-")
        let head = try input.peek(6)
        if let kind = InputFormat.fromMagic(head) {
            format = kind
            pending = input
        } else {
            format = "jsonl"
            reader = RecordReader(opened: input)
            tables = []
        }
    }

    func table(_ matrix: Matrix<Double>, id: String, location: String, labels: [JSONValue]? = nil, rows: [Double]? = nil) throws(ToolError) -> Record {
        if tableType == "diagram" {
            var record = DiagramRecord(id: id, meta: JSONObject(), diagram: try DiagramTable.diagram(rows: matrix, key: id, location: location)).record
            record.location = location
            return record
        }
        let key = tableType == "distance" ? "matrix" : "points"
        var payload: [(String, JSONValue)] = [(key, .rows(matrix))]
        if let labels { payload.append(("labels", .array(labels))) }
        if let rows, tableType == "cloud" { payload.append(("rows", .numbers(rows))) }
        var record = Record(type: tableType, id: id, meta: JSONObject(), payload: payload)
        record.location = location
        return record
    }

    /// The archive's next table, with its labels; nil (and the archive closed) when it is done.
    mutating func nextArchiveTable() throws(ToolError) -> Record? {
        guard let next = try archive?.next(allowInfinity: tableType == "diagram") else {
            archive = nil
            return nil
        }
        return try table(next.matrix, id: next.key, location: next.location, labels: next.labels, rows: next.rows)
    }
}

/// An `.npz` archive being read one table at a time, so only its bytes and one record are in
/// memory. An array `KEY.labels` holds the labels of the table `KEY` and `KEY.rows` its probe
/// rows; `KEY.neurons` (`nn-activations`' neuron indices) belongs to it too; none is a table of its own.
struct OpenArchive {
    static let labelsSuffix = ".labels", rowsSuffix = ".rows"
    let entries: [(key: String, npy: [UInt8])]
    let name: String
    /// The position of each table's labels and rows arrays, by the table's key.
    let labels: [String: Int], rows: [String: Int]
    var nextEntry = 0

    init(entries: [(key: String, npy: [UInt8])], name: String) throws(ToolError) {
        guard entries.contains(where: { !Self.isCompanion($0.key) }) else { throw ToolError.data(name, "the archive holds no tables") }
        self.entries = entries
        self.name = name
        func companions(_ suffix: String) -> [String: Int] {
            Dictionary(entries.indices.filter { entries[$0].key.hasSuffix(suffix) }.map {
                (String(entries[$0].key.dropLast(suffix.count)), $0)
            }, uniquingKeysWith: { first, _ in first })
        }
        labels = companions(Self.labelsSuffix)
        rows = companions(Self.rowsSuffix)
    }

    /// The next table: its values, key, place for errors, labels and rows; nil at the end.
    mutating func next(allowInfinity: Bool = false) throws(ToolError)
        -> (matrix: Matrix<Double>, key: String, location: String, labels: [JSONValue]?, rows: [Double]?)? {
        while nextEntry < entries.count {
            let (key, npy) = entries[nextEntry]
            nextEntry += 1
            if Self.isCompanion(key) { continue }
            let location = "\(name)[\(key)]"
            let tableLabels = try labels[key].map { index throws(ToolError) in
                try NPY.read(entries[index].npy, name: location + Self.labelsSuffix).storage.map { JSONValue.number($0) }
            }
            let tableRows = try rows[key].map { index throws(ToolError) in
                try NPY.read(entries[index].npy, name: location + Self.rowsSuffix).storage
            }
            return (try NPY.read(npy, name: location, allowInfinity: allowInfinity), key, location, tableLabels, tableRows)
        }
        return nil
    }

    /// Arrays that belong to a table rather than being one.
    static func isCompanion(_ key: String) -> Bool {
        key.hasSuffix(labelsSuffix) || key.hasSuffix(rowsSuffix) || key.hasSuffix(".neurons")
    }
}

/// `--input-format auto`: the format of an input from its name or its first bytes.
public enum InputFormat {
    /// The format still to be seen on standard input.
    static let sniffed = "sniffed"

    /// `.csv` (and tab-separated `.tsv`), `.npy`, `.npz` by name; JSON Lines otherwise; standard
    /// input (nil or `-`) is sniffed.
    static func fromName(_ path: String?) -> String {
        guard let path, path != "-" else { return sniffed }
        if CSV.isTableFile(path) { return "csv" }
        for kind in ["npy", "npz"] where path.lowercased().hasSuffix(".\(kind)") { return kind }
        return "jsonl"
    }

    /// npy for NumPy's magic, npz for a zip archive, else nil (JSON Lines).
    static func fromMagic(_ head: [UInt8]) -> String? {
        if head.starts(with: [0x93] + Array("NUMPY".utf8)) { return "npy" }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return "npz" }
        return nil
    }
}
