/// A data CSV as pandas and the tools write it: an optional header, feature columns, and
/// columns recognised by their header name that are never features — the class (one of
/// `classHeaders`, or the one `--label-column` names), `split` (`train`/`test`, as
/// `nn-train data --format csv` writes it) and row names (`id`, `name`, pandas' index).
public struct CSVData {
    public var features: Matrix<Double>
    /// The class column's fields as written (numbers or class names), when there is one.
    public var labelFields: [String]?
    /// The `split` column, when there is one.
    public var splits: [String]?

    /// Class headers of a data file (`nn-train data` writes `y`; pandas users write the others).
    public static let dataClassHeaders: Set<String> = ["label", "y", "class", "target"]
    /// Class headers of a cloud, where `y` is as likely a coordinate: the `label` the tools write.
    public static let cloudClassHeaders: Set<String> = ["label"]
    /// Row-name columns: `id`, `name`, and pandas' index (an empty header; `Unnamed: 0` once read back).
    static let rowNameColumns: Set<String> = ["id", "name", "", "Unnamed: 0"]

    /// Reads `bytes`. `labelColumn` is a header name or a column number (negative counts from
    /// the end); nil takes a column with a class header name, and the last column when
    /// `labelRequired` and the file has none.
    public static func read(_ bytes: [UInt8], name: String, labelColumn: String?, labelRequired: Bool,
                            classHeaders: Set<String> = dataClassHeaders) throws(ToolError) -> CSVData {
        var rows = try CSV.parse(bytes, name: name)
        guard !rows.isEmpty else { throw ToolError.data(name, "empty CSV input") }
        let hasHeader = rows[0].allSatisfy { CSV.parseNumber($0) == nil }
        let header = hasHeader ? rows.removeFirst() : nil
        guard let width = rows.first?.count else { throw ToolError.data(name, "CSV input has a header but no data rows") }
        let firstLine = hasHeader ? 2 : 1
        if let header, header.count != width {
            throw ToolError.data("\(name):1", "the header has \(header.count) fields, the rows \(width)")
        }
        for (r, row) in rows.enumerated() where row.count != width {
            throw ToolError.data("\(name):\(r + firstLine)", "row has \(row.count) fields, expected \(width)")
        }
        let names = header ?? []
        let label = try labelIndex(labelColumn, header: names, width: width, required: labelRequired, classHeaders: classHeaders, name: name)
        let split = names.firstIndex(of: "split")
        let skipped = Set(names.indices.filter { rowNameColumns.contains(names[$0]) } + [label, split].compactMap { $0 })
        let featureColumns = (0..<width).filter { !skipped.contains($0) }
        guard !featureColumns.isEmpty else { throw ToolError.data(name, "has no feature columns") }
        var flat: [Double] = []
        flat.reserveCapacity(rows.count * featureColumns.count)
        for (r, row) in rows.enumerated() {
            for c in featureColumns {
                guard let x = CSV.parseNumber(row[c]) else {
                    let column = header.map { "column \"\($0[c])\"" } ?? "column \(c + 1)"
                    let hint = !row[c].isEmpty && labelColumn == nil ? " (a class column is named with --label-column)" : ""
                    throw ToolError.data("\(name):\(r + firstLine)", "\(column): \"\(row[c])\" is not a finite number\(hint)")
                }
                flat.append(x)
            }
        }
        return CSVData(features: Matrix(rows: rows.count, cols: featureColumns.count, storage: flat),
                       labelFields: label.map { c in rows.map { $0[c] } }, splits: split.map { c in rows.map { $0[c] } })
    }

    static func labelIndex(_ given: String?, header: [String], width: Int, required: Bool, classHeaders: Set<String>,
                           name: String) throws(ToolError) -> Int? {
        guard let given else {
            if let named = header.firstIndex(where: classHeaders.contains) { return named }
            return required ? width - 1 : nil
        }
        if let index = Int(given) {
            let column = index < 0 ? width + index : index
            guard column >= 0, column < width, width >= 2 else {
                throw ToolError.data(name, "has \(width) columns; label column \(given) does not exist")
            }
            return column
        }
        guard let named = header.firstIndex(of: given) else {
            let hint = Suggestion.closest(to: given, in: header).map { "; did you mean '\($0)'?" } ?? ""
            throw ToolError.data(name, "has no column named '\(given)'\(hint) (columns: \(header.joined(separator: ", ")))")
        }
        return named
    }
}

/// Class labels as indices 0…K−1. Numbers must already be such indices, and every class up to
/// the largest must have a sample: labels 1…K are an error naming the empty classes, never a
/// silent shift. Text labels are class names, numbered in sorted order as scikit-learn's
/// `LabelEncoder` does; the names travel with the model (`meta.classes`).
public struct ClassEncoding: Sendable, Equatable {
    public var labels: [Int]
    /// The class names in index order, when the labels were text.
    public var names: [String]?

    /// Encodes `fields`; `known` (a training set's names) fixes the numbering of a test set's.
    public init(_ fields: [String], known: [String]? = nil, name: String) throws {
        let numbers = fields.compactMap(CSV.parseNumber)
        if known == nil, numbers.count == fields.count {
            for (i, value) in numbers.enumerated() where !(value >= 0 && value == value.rounded() && value < 1e6) {
                throw ToolError.data(name, "sample \(i + 1): label \(value) is not a class index (0, 1, 2, …)")
            }
            labels = numbers.map { Int($0) }
            names = nil
            return
        }
        let classes = known ?? Array(Set(fields)).sorted()
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        labels = try fields.enumerated().map { i, field in
            guard let k = index[field] else { throw ToolError.data(name, "sample \(i + 1): class '\(field)' is not one of the training classes") }
            return k
        }
        names = classes
    }

    /// Refuses class indices that leave a class below the largest without samples.
    public static func checkNoEmptyClasses(_ labels: [Int], name: String) throws {
        guard let largest = labels.max() else { return }
        var seen = [Bool](repeating: false, count: largest + 1)
        for label in labels { seen[label] = true }
        let empty = seen.indices.filter { !seen[$0] }
        guard empty.isEmpty else {
            throw ToolError.data(name, "class\(empty.count == 1 ? "" : "es") \(empty.map(String.init).joined(separator: ", ")) of 0…\(largest) "
                + "\(empty.count == 1 ? "has" : "have") no samples: labels must be class indices 0…K−1 (or class names)")
        }
    }
}
