/// Reads labelled data from files: a numeric CSV with a label column, a pair of `.npy` files
/// (features, labels), or `sample` JSON Lines records (`x`, integer `y`).
public enum DataFiles {
    /// Labels must be class indices 0, 1, …; the class count is the largest label + 1
    /// (or `classes` when given and larger).
    public static func load(_ path: String, labels labelPath: String? = nil, labelColumn: Int = -1,
                            shape: TensorShape? = nil, classes: Int? = nil) throws -> Dataset {
        let (features, labels): (Matrix<Float>, [Double])
        if path.hasSuffix(".npy") {
            let reader = try LineReader(path: path)
            let x = try NPY.read(try reader.readAll(), name: reader.name)
            guard let labelPath else { throw ToolError.usage("\(path): .npy features need a labels file (--labels y.npy)") }
            let labelReader = try LineReader(path: labelPath)
            let y = try NPY.read(try labelReader.readAll(), name: labelReader.name)
            guard y.storage.count == x.rows else {
                throw ToolError.data(labelPath, "has \(y.storage.count) labels for \(x.rows) samples in \(path)")
            }
            (features, labels) = (floatMatrix(x), y.storage)
        } else if path.hasSuffix(".csv") {
            let reader = try LineReader(path: path)
            let table = try CSV.numericTable(try reader.readAll(), name: reader.name).matrix
            let column = labelColumn < 0 ? table.cols + labelColumn : labelColumn
            guard column >= 0, column < table.cols, table.cols >= 2 else {
                throw ToolError.data(path, "has \(table.cols) columns; label column \(labelColumn) does not exist")
            }
            var x = Matrix<Float>(rows: table.rows, cols: table.cols - 1)
            for i in 0..<table.rows {
                for j in 0..<table.cols where j != column { x[i, j < column ? j : j - 1] = Float(table[i, j]) }
            }
            (features, labels) = (x, (0..<table.rows).map { table[$0, column] })
        } else {
            (features, labels) = try samples(path)
        }
        return try dataset(features, labels, name: path, shape: shape, classes: classes)
    }

    private static func samples(_ path: String) throws -> (Matrix<Float>, [Double]) {
        let reader = RecordReader(paths: [path])
        var rows = [[Float]](), labels = [Double]()
        while let record = try reader.next() {
            let sample = try SampleRecord(record)
            guard let y = sample.y?.doubleValue else { throw record.error("has no numeric label \"y\"") }
            if let first = rows.first, first.count != sample.x.count {
                throw record.error("has \(sample.x.count) inputs, earlier samples have \(first.count)")
            }
            rows.append(sample.x.map(Float.init))
            labels.append(y)
        }
        return (Matrix(rowArrays: rows), labels)
    }

    private static func dataset(_ x: Matrix<Float>, _ y: [Double], name: String, shape: TensorShape?, classes: Int?) throws -> Dataset {
        guard x.rows > 0 else { throw ToolError.data(name, "has no samples") }
        var labels = [Int]()
        for (i, value) in y.enumerated() {
            guard value >= 0, value == value.rounded(), value < 1e6 else {
                throw ToolError.data(name, "sample \(i + 1): label \(value) is not a class index (0, 1, 2, …)")
            }
            labels.append(Int(value))
        }
        let count = max(labels.max()! + 1, classes ?? 0)
        if let classes, labels.max()! >= classes {
            throw ToolError.data(name, "label \(labels.max()!) is out of range for \(classes) classes")
        }
        let sampleShape = shape ?? TensorShape(features: x.cols)
        guard sampleShape.count == x.cols else {
            throw ToolError.data(name, "has \(x.cols) values per sample, but the input shape \(sampleShape) needs \(sampleShape.count)")
        }
        return Dataset(features: x, labels: labels, shape: sampleShape, classes: count)
    }

    static func floatMatrix(_ m: Matrix<Double>) -> Matrix<Float> {
        Matrix(rows: m.rows, cols: m.cols, storage: m.storage.map(Float.init))
    }
}
