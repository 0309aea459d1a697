/// The protocol's "CSV out" (`--output-format csv`): records that make one table, written as
/// CSV instead of JSON Lines.
///
/// - one `cloud`: its points under a header of its column names or `x0,x1,…`, with a first
///   `name` column when its points have names and a last `label` column when they have labels;
/// - one `distance`: the matrix, with its `names` as header when it has them;
/// - one `diagram`: `dim,birth,death` rows, `inf` for an infinite death;
/// - any number of `vector`s: one row each, `id` first, the header from the first record's
///   `names` (or `v0,v1,…`), then the first record's numeric `meta` fields as `meta.KEY`
///   columns (so pandas and scikit-learn get the target, e.g. `meta.gap`); all must have the
///   same width, and a row without one of those meta fields leaves its cell empty.
///
/// Numbers have the shortest digits that read back to the same double (to the same float32
/// under `.float32`), `inf`/`-inf` for infinities as numpy reads them.
public final class CSVTable {
    var kind: String?
    var width = 0
    var metaKeys: [String] = []

    public init() {}

    /// The CSV lines of one record (a header before the first).
    public func lines(_ record: Record, precision: JSONWriter.ArrayPrecision) throws(ToolError) -> String {
        if let kind, kind != "vector" || record.type != "vector" {
            throw record.error("is a second record, but CSV output holds one \(kind) table (write jsonl, or select one record)")
        }
        let number = { (x: Double) in CSVTable.number(x, precision) }
        var rows: [[String]] = []
        switch record.type {
        case "cloud":
            let cloud = try CloudRecord(record)
            let labels = cloud.labels.map { $0.map(Categories.text) }
            let (pointNames, columnNames) = (cloud.pointNames, cloud.columnNames)
            rows.append((pointNames == nil ? [] : ["name"]) + (columnNames ?? (0..<cloud.points.cols).map { "x\($0)" })
                        + (labels == nil ? [] : ["label"]))
            for i in 0..<cloud.points.rows {
                rows.append((pointNames.map { [$0[i]] } ?? []) + cloud.points.row(i).map(number) + (labels.map { [$0[i]] } ?? []))
            }
        case "distance":
            let distance = try DistanceRecord(record)
            if let names = distance.names { rows.append(names) }
            for i in 0..<distance.matrix.rows { rows.append(distance.matrix.row(i).map(number)) }
        case "diagram":
            rows.append(["dim", "birth", "death"])
            for (dim, pairs) in try DiagramRecord(record).diagram.dimensions.enumerated() {
                for pair in pairs { rows.append([String(dim), number(pair.birth), number(pair.death)]) }
            }
        case "vector":
            let vector = try VectorRecord(record)
            if kind == nil {
                width = vector.values.count
                metaKeys = vector.meta.entries.filter { $0.value.doubleValue != nil }.map(\.key)
                rows.append(["id"] + (vector.names ?? (0..<width).map { "v\($0)" }) + metaKeys.map { "meta.\($0)" })
            } else if vector.values.count != width {
                throw record.error("has \(vector.values.count) values, but the CSV table has \(width) columns")
            }
            rows.append([vector.id ?? ""] + vector.values.map(number) + metaKeys.map { key in vector.meta[key]?.doubleValue.map(number) ?? "" })
        default:
            throw record.error("is a \(record.type) record, which has no CSV form (write jsonl)")
        }
        kind = record.type
        return rows.map(CSV.line).joined()
    }

    static func number(_ x: Double, _ precision: JSONWriter.ArrayPrecision) -> String {
        guard x.isFinite else { return CSV.field(x) }
        var bytes: [UInt8] = []
        try? JSONWriter.writeNumber(x, precision: precision, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
