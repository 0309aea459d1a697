/// Vector records from the CSV table the tools write (`--output-format csv`) or pandas saves:
/// a header, an optional `id` column, value columns, and `meta.KEY` columns that go back into
/// each record's meta (an empty cell leaves the key out), so a table of features and targets
/// reads back as the records it came from.
enum VectorTable {
    static func records(_ bytes: [UInt8], name: String) throws(ToolError) -> [Record] {
        var rows = try CSV.parse(bytes, name: name)
        guard !rows.isEmpty else { throw ToolError.data(name, "empty CSV input") }
        let header = rows.removeFirst()
        let idColumn = header.firstIndex(of: "id")
        let metaColumns = header.indices.filter { header[$0].hasPrefix("meta.") }
        let valueColumns = header.indices.filter { $0 != idColumn && !metaColumns.contains($0) }
        var records: [Record] = []
        for (r, row) in rows.enumerated() {
            let place = "\(name):\(r + 2)"
            guard row.count == header.count else { throw ToolError.data(place, "row has \(row.count) fields, the header \(header.count)") }
            var values: [Double] = []
            for c in valueColumns {
                guard let x = CSV.parseNumber(row[c]) else { throw ToolError.data(place, "column \"\(header[c])\": \"\(row[c])\" is not a finite number") }
                values.append(x)
            }
            let meta = metaColumns.compactMap { c -> (String, JSONValue)? in
                row[c].isEmpty ? nil : (String(header[c].dropFirst(5)), CSV.parseNumber(row[c]).map(JSONValue.number) ?? .string(row[c]))
            }
            var record = VectorRecord(id: idColumn.map { row[$0] } ?? "\(r)", meta: JSONObject(meta), values: values,
                                      names: valueColumns.map { header[$0] }).record
            record.location = place
            records.append(record)
        }
        return records
    }
}
