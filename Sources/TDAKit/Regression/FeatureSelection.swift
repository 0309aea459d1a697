/// Which vector values are features, `--features ITEM,ITEM,...`: an index (0-based), an index
/// range `a-b` (inclusive), a value name, a name prefix ending in `*` (`stats.H1.*`), or a
/// numeric field of the record's meta (`meta.train_loss`, for baselines that are not topological).
/// All values when absent. Order follows the items, each value at most once.
public struct FeatureSelection: Sendable, Equatable {
    public let items: [String]

    /// One feature column: a vector value by index, or a numeric record field.
    public enum Column: Sendable, Equatable {
        case value(Int)
        case field(FieldPath)

        /// The column's value in one record (whose vector values are `values`).
        public func number(in record: Record, values: [Double]) throws(ToolError) -> Double {
            switch self {
            case .value(let i): return values[i]
            case .field(let path): return try path.number(in: record)
            }
        }
    }

    public init(_ text: String?) {
        items = text.map { $0.split(separator: ",").map(String.init) } ?? []
    }

    /// The selected columns, in item order: `meta.*` items are record fields, the rest select
    /// vector values as `indices` does.
    public func columns(count: Int, names: [String]?) throws(ToolError) -> [Column] {
        guard !items.isEmpty else { return (0..<count).map(Column.value) }
        var chosen: [Column] = []
        for item in items {
            if item.hasPrefix("meta.") {
                chosen.append(.field(FieldPath(item)))
                continue
            }
            let found = try match(item, count: count, names: names)
            guard !found.isEmpty else {
                let hint = names.flatMap { Suggestion.closest(to: item, in: $0) }.map { "; did you mean '\($0)'?" } ?? ""
                throw ToolError.usage("--features: '\(item)' matches no value\(hint)")
            }
            chosen += found.map(Column.value).filter { !chosen.contains($0) }
        }
        return chosen
    }

    func match(_ item: String, count: Int, names: [String]?) throws(ToolError) -> [Int] {
        if let i = Int(item) {
            guard (0..<count).contains(i) else { throw ToolError.usage("--features: index \(i) is outside 0..<\(count)") }
            return [i]
        }
        let bounds = item.split(separator: "-", maxSplits: 1).map { Int(String($0)) }
        if bounds.count == 2, let low = bounds[0], let high = bounds[1] {
            guard low <= high, low >= 0, high < count else {
                throw ToolError.usage("--features: range \(item) is outside 0..<\(count)")
            }
            return Array(low...high)
        }
        guard let names else { throw ToolError.usage("--features: '\(item)' is a name but the vectors have no names") }
        if item.hasSuffix("*") {
            let prefix = String(item.dropLast())
            return names.indices.filter { names[$0].hasPrefix(prefix) }
        }
        return names.indices.filter { names[$0] == item }
    }
}
