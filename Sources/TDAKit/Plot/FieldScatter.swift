/// One scatter across many records: each record is a point at (`--x`, `--y`), coloured by
/// `--label` — for example a topological feature against the generalization gap, coloured by
/// network depth. A field is a dotted path (`meta.gap`) or the name of a vector value.
public enum FieldScatter {
    /// The points as a cloud record (rows = input records), ready for `CloudPlot.scatter`.
    public static func cloud(_ records: [Record], x: String, y: String, label: String?) throws(ToolError) -> CloudRecord {
        guard !records.isEmpty else { throw ToolError(.dataError, "no records to plot (the input is empty)") }
        var flat: [Double] = [], labels: [JSONValue] = []
        for record in records {
            flat.append(try number(x, in: record))
            flat.append(try number(y, in: record))
            if let label {
                guard let value = FieldPath(label).value(in: record) else { throw record.error("has no field \(label)") }
                labels.append(value)
            }
        }
        // The legend is titled by the colouring field (meta.legend, read by CloudPlot).
        return CloudRecord(id: "\(y) against \(x)", meta: JSONObject(label.map { [("legend", .string($0))] } ?? []), points: Matrix(rows: records.count, cols: 2, storage: flat),
                           labels: label == nil ? nil : labels, names: [x, y])
    }

    /// A field's number: a dotted path, else the vector value of that name.
    static func number(_ field: String, in record: Record) throws(ToolError) -> Double {
        if FieldPath(field).value(in: record) != nil { return try FieldPath(field).number(in: record) }
        if record.type == "vector", let names = try record.strings("names"), let i = names.firstIndex(of: field) {
            let values = try record.numbers("values")
            if i < values.count { return values[i] }
        }
        throw record.error("has no field or value named \(field)")
    }
}
