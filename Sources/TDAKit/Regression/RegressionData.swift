/// Feature rows and targets read from `vector` records, for `gap-regress`.
public struct RegressionData: Sendable {
    public var ids: [String]
    public var featureNames: [String]
    public var x: Matrix<Double>
    public var y: [Double]
    /// Group labels (`--group FIELD`), nil without grouping.
    public var groups: [String]?

    /// Reads every record as a vector; the target and group come from dotted fields. Throws naming
    /// the record for a missing target, vectors of another length, or non-finite values.
    public init(records: [Record], target: FieldPath, features: FeatureSelection, group: FieldPath?) throws {
        guard let first = records.first else { throw ToolError(.dataError, "no vector records in the input") }
        let firstVector = try VectorRecord(first)
        let width = firstVector.values.count
        let chosen = try features.columns(count: width, names: firstVector.names)
        featureNames = chosen.map { column in
            switch column {
            case .value(let i): return firstVector.names?[i] ?? "x\(i)"
            case .field(let path): return path.description
            }
        }
        var flat: [Double] = [], targets: [Double] = [], ids: [String] = [], labels: [String] = []
        flat.reserveCapacity(records.count * chosen.count)
        for (row, record) in records.enumerated() {
            let vector = try VectorRecord(record)
            guard vector.values.count == width else {
                throw record.error("has \(vector.values.count) values, the first vector has \(width)")
            }
            for (j, column) in chosen.enumerated() {
                let value = try column.number(in: record, values: vector.values)
                guard value.isFinite else { throw record.error("has a non-finite feature \(featureNames[j])") }
                flat.append(value)
            }
            let t = try target.number(in: record)
            guard t.isFinite else { throw record.error("has a non-finite target \(target)") }
            targets.append(t)
            ids.append(vector.id ?? String(row))
            if let group { labels.append(try group.label(in: record)) }
        }
        self.ids = ids
        x = Matrix(rows: records.count, cols: chosen.count, storage: flat)
        y = targets
        groups = group == nil ? nil : labels
    }
}
