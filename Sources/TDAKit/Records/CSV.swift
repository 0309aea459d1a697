/// CSV in and out (RFC 4180: comma separated, `"` quoting with `""` escapes, CRLF or LF).
public enum CSV {
    /// True for names of tab-separated files (`.tsv`), read with tabs instead of commas.
    public static func isTabSeparated(_ name: String) -> Bool { name.lowercased().hasSuffix(".tsv") }

    /// True for names of files read as CSV: `.csv` and `.tsv`.
    public static func isTableFile(_ name: String) -> Bool { name.lowercased().hasSuffix(".csv") || isTabSeparated(name) }

    /// Splits CSV text into rows of fields; `name` is used in error messages, and a `.tsv` name
    /// makes the tab the separator.
    public static func parse(_ bytes: [UInt8], name: String) throws(ToolError) -> [[String]] {
        let separator = isTabSeparated(name) ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quotedField = false
        var line = 1
        var i = 0
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); quotedField = false }
        while i < bytes.count {
            let c = bytes[i]
            if inQuotes {
                if c == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") { field.append(c); i += 1 } else { inQuotes = false }
                } else {
                    if c == 0x0A { line += 1 }
                    field.append(c)
                }
            } else if c == UInt8(ascii: "\"") {
                guard field.isEmpty, !quotedField else { throw ToolError.data("\(name):\(line)", "stray '\"' inside an unquoted field") }
                inQuotes = true
                quotedField = true
            } else if c == separator {
                endField()
            } else if c == 0x0A || c == 0x0D {
                if c == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                endField()
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
                line += 1
            } else {
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw ToolError.data("\(name):\(line)", "unterminated quoted field") }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }

    /// A numeric table: an optional header, then rows of equal width whose every field is a finite
    /// number. The first row is a header when `header` says so or, by default, when none of its
    /// fields is a number or a spelling of NaN/infinity (so a bad first data row is reported,
    /// not silently taken for column names).
    public static func numericTable(_ bytes: [UInt8], name: String, header: Bool? = nil) throws(ToolError) -> (header: [String]?, matrix: Matrix<Double>) {
        var rows = try parse(bytes, name: name)
        guard !rows.isEmpty else { throw ToolError.data(name, "empty CSV input") }
        let hasHeader = header ?? rows[0].allSatisfy { parseNumber($0) == nil && !looksNonFinite($0) }
        let names = hasHeader ? rows.removeFirst() : nil
        guard let width = rows.first?.count ?? names?.count, !rows.isEmpty else {
            throw ToolError.data(name, "CSV input has a header but no data rows")
        }
        var flat: [Double] = []
        flat.reserveCapacity(rows.count * width)
        let firstDataLine = hasHeader ? 2 : 1
        for (r, row) in rows.enumerated() {
            guard row.count == width else {
                throw ToolError.data("\(name):\(r + firstDataLine)", "row has \(row.count) fields, expected \(width)")
            }
            for (c, field) in row.enumerated() {
                guard let x = parseNumber(field) else {
                    throw ToolError.data("\(name):\(r + firstDataLine)", "column \(c + 1): \"\(field)\" is not a finite number")
                }
                flat.append(x)
            }
        }
        return (names, Matrix(rows: rows.count, cols: width, storage: flat))
    }

    /// A finite number in JSON/C syntax (surrounding spaces allowed), else nil.
    public static func parseNumber(_ field: String) -> Double? {
        var text = Substring(field).trimmingSpaces()
        if text.hasPrefix("+") { text.removeFirst() }
        let value: Double? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, let (x, end) = NumberParser.parse(base, base + bytes.count), end == base + bytes.count else { return nil }
            return x
        }
        guard let value, value.isFinite else { return nil }
        return value
    }

    static func looksNonFinite(_ field: String) -> Bool {
        let word = field.lowercased().trimmingPrefix(while: { $0 == " " || $0 == "+" || $0 == "-" })
        return ["nan", "inf", "infinity"].contains(String(word))
    }

    /// One CSV line: fields quoted only when they need it.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\n"
    }

    /// A number as CSV writes it: shortest round-trip digits, `inf`/`-inf` for infinities (as numpy reads them).
    public static func field(_ x: Double) -> String { x.isFinite ? x.description : (x > 0 ? "inf" : "-inf") }
}
