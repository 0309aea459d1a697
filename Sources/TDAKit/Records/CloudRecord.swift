/// A point cloud: `points` (rows = points), optional `labels` and `names`: one per point (as
/// `nn-activations --points neurons` names neurons) or one per column; the count tells which.
public struct CloudRecord: Sendable {
    public var id: String?
    public var meta: JSONObject
    public var points: Matrix<Double>
    /// One label per point (integers or strings), as given.
    public var labels: [JSONValue]?
    public var names: [String]?
    /// Per point, the row of the probe data it comes from (`nn-activations` with inputs as points).
    public var rows: [Int]?

    public init(id: String?, meta: JSONObject, points: Matrix<Double>, labels: [JSONValue]? = nil, names: [String]? = nil,
                rows: [Int]? = nil) {
        self.id = id
        self.meta = meta
        self.points = points
        self.labels = labels
        self.names = names
        self.rows = rows
    }

    /// Reads a `cloud` record; ragged rows, a label count that differs from the point count, or a
    /// non-array field are data errors naming the record.
    public init(_ record: Record) throws(ToolError) {
        guard record.type == "cloud" else { throw record.error("is a \(record.type) record, expected cloud") }
        id = record.id
        meta = record.meta
        points = try record.matrix("points", what: "points")
        labels = record.fields["labels"]?.arrayElements
        if let labels, labels.count != points.rows {
            throw record.error("has \(labels.count) labels for \(points.rows) points")
        }
        names = try record.strings("names")
        rows = try record.indices("rows")
        if let rows, rows.count != points.rows {
            throw record.error("has \(rows.count) rows for \(points.rows) points")
        }
    }

    /// `names` when there is one per point.
    public var pointNames: [String]? { names?.count == points.rows ? names : nil }
    /// `names` when there is one per column (and not one per point).
    public var columnNames: [String]? { names?.count == points.cols && pointNames == nil ? names : nil }

    public var record: Record {
        var payload: [(String, JSONValue)] = [("points", .rows(points))]
        if let labels { payload.append(("labels", .array(labels))) }
        if let names { payload.append(("names", .array(names.map(JSONValue.string)))) }
        if let rows { payload.append(("rows", .numbers(rows.map(Double.init)))) }
        return Record(type: "cloud", id: id, meta: meta, payload: payload)
    }
}

/// A precomputed distance matrix: square, symmetric, zero diagonal (checked by its consumers,
/// which know their tolerance), optional `names` of the points.
public struct DistanceRecord: Sendable {
    public var id: String?
    public var meta: JSONObject
    public var matrix: Matrix<Double>
    public var names: [String]?

    public init(id: String?, meta: JSONObject, matrix: Matrix<Double>, names: [String]? = nil) {
        self.id = id
        self.meta = meta
        self.matrix = matrix
        self.names = names
    }

    public init(_ record: Record) throws(ToolError) {
        guard record.type == "distance" else { throw record.error("is a \(record.type) record, expected distance") }
        id = record.id
        meta = record.meta
        matrix = try record.matrix("matrix")
        guard matrix.rows == matrix.cols else {
            throw record.error("has a non-square matrix (\(matrix.rows) rows of \(matrix.cols))")
        }
        names = try record.strings("names")
    }

    public var record: Record {
        var payload: [(String, JSONValue)] = [("matrix", .rows(matrix))]
        if let names { payload.append(("names", .array(names.map(JSONValue.string)))) }
        return Record(type: "distance", id: id, meta: meta, payload: payload)
    }
}

extension Matrix where Scalar == Double {
    /// Square, symmetric, with a zero diagonal: more likely distances than points (ripser.py
    /// warns of the same), so a tool reading it as a cloud says how to read it as distances.
    public var looksLikeDistanceMatrix: Bool {
        guard rows == cols, rows > 2 else { return false }
        for i in 0..<rows {
            guard self[i, i] == 0 else { return false }
            for j in 0..<i where self[i, j] != self[j, i] { return false }
        }
        return true
    }
}

extension ToolContext {
    /// Warns when a table read as points looks like a distance matrix.
    public func warnIfDistances(_ points: Matrix<Double>, _ record: Record) {
        if points.looksLikeDistanceMatrix {
            warn("\(record.place) is square, symmetric and zero on the diagonal, but is read as points; give --distance-matrix if it holds distances")
        }
    }
}
