/// Reads labelled data from files: a CSV with a class column (by header name or number; see
/// `CSVData`), a pair of `.npy` files (features, labels), a pair of MNIST-style IDX files
/// (`*-ubyte`, `.idx`), or JSON Lines records: `sample` (`x`, class `y`), `diagram`
/// (`DiagramSamples`) or `graph` (`GraphSamples`).
public enum DataFiles {
    /// Labels are class indices 0…K−1 or class names (`ClassEncoding`); the class count is the
    /// largest index + 1 (or `classes` when given and larger). `knownClasses` (a training set's
    /// names) numbers a test set's names the same way.
    public static func load(_ path: String, labels labelPath: String? = nil, labelColumn: String? = nil,
                            shape: TensorShape? = nil, classes: Int? = nil, knownClasses: [String]? = nil,
                            diagramChannels: [String]? = nil) throws -> Dataset {
        try loadWithSplits(path, labels: labelPath, labelColumn: labelColumn, shape: shape, classes: classes, knownClasses: knownClasses,
                           diagramChannels: diagramChannels).data
    }

    /// `load`, and the split of each sample when the file says it: a CSV's `split` column, or
    /// the `meta.split` of sample records (`nn-train data` writes both). Diagram records take
    /// their channels from `diagramChannels` (default: see `DiagramSamples`), returned as `channels`.
    public static func loadWithSplits(_ path: String, labels labelPath: String? = nil, labelColumn: String? = nil, shape: TensorShape? = nil,
                                      classes: Int? = nil, knownClasses: [String]? = nil,
                                      diagramChannels: [String]? = nil) throws -> (data: Dataset, splits: [String]?, channels: [String]?) {
        let (features, fields): (Matrix<Float>, [String])
        var shape = shape, channels: [String]?
        var splits: [String]?
        if path.hasSuffix(".npy") {
            let reader = try LineReader(path: path)
            let x = try NPY.read(from: reader)
            guard let labelPath else { throw ToolError.usage("\(path): .npy features need a labels file (--labels y.npy)") }
            let labelReader = try LineReader(path: labelPath)
            let y = try NPY.read(from: labelReader)
            guard y.storage.count == x.rows else {
                throw ToolError.data(labelPath, "has \(y.storage.count) labels for \(x.rows) samples in \(path)")
            }
            (features, fields) = (floatMatrix(x), y.storage.map { $0.description })
        } else if isIDX(path) {
            guard let labelPath else { throw ToolError.usage("\(path): IDX images need a labels file (--labels FILE-ubyte)") }
            let images = try IDXFile.read(try LineReader(path: path).readAll(), name: path, scaleBytes: true)
            let y = try IDXFile.read(try LineReader(path: labelPath).readAll(), name: labelPath).values
            let n = images.dimensions[0], width = images.values.count / max(n, 1)
            guard y.count == n else { throw ToolError.data(labelPath, "has \(y.count) labels for \(n) images in \(path)") }
            let imageShape = images.dimensions.count == 3 ? TensorShape(channels: 1, height: images.dimensions[1], width: images.dimensions[2]) : nil
            return (try dataset(Matrix(rows: n, cols: width, storage: images.values.map(Float.init)), ClassEncoding(y.map { $0.description }, name: labelPath),
                                name: path, shape: shape ?? imageShape, classes: classes), nil, nil)
        } else if CSV.isTableFile(path) {
            let reader = try LineReader(path: path)
            let table = try CSVData.read(try reader.readAll(), name: reader.name, labelColumn: labelColumn, labelRequired: true)
            (features, fields, splits) = (floatMatrix(table.features), table.labelFields ?? [], table.splits)
        } else {
            let reader = RecordReader(paths: [path])
            let first = try reader.next()
            if let first, first.type == "diagram" || first.type == "graph" {
                var records = [first]
                while let record = try reader.next() { records.append(record) }
                if first.type == "graph" {
                    let graphs = try GraphSamples.read(records, shape: shape)
                    (features, fields, splits, shape) = (graphs.x, graphs.fields, graphs.splits, graphs.shape)
                } else {
                    let diagrams = try DiagramSamples.read(records, channels: diagramChannels, shape: shape)
                    (features, fields, splits, shape, channels) = (diagrams.x, diagrams.fields, diagrams.splits, diagrams.shape, diagrams.channels)
                }
            } else {
                (features, fields, splits) = try samples(first: first, reader)
            }
        }
        return (try dataset(features, ClassEncoding(fields, known: knownClasses, name: path), name: path, shape: shape, classes: classes), splits, channels)
    }

    /// The inputs, class fields (numbers as text, or names) and splits (when any record has
    /// `meta.split`) of `sample` records: `first` and the rest of `reader`, streamed.
    private static func samples(first: Record?, _ reader: RecordReader) throws -> (Matrix<Float>, [String], [String]?) {
        var rows = [[Float]](), fields = [String](), splits = [String](), anySplit = false
        var next = first
        while let record = next {
            let sample = try SampleRecord(record)
            guard let y = sample.y, let field = y.stringValue ?? y.doubleValue?.description else {
                throw record.error("has no label \"y\" (a class index or name)")
            }
            if let first = rows.first, first.count != sample.x.count {
                throw record.error("has \(sample.x.count) inputs, earlier samples have \(first.count)")
            }
            rows.append(sample.x.map(Float.init))
            fields.append(field)
            let split = sample.meta["split"]?.stringValue
            anySplit = anySplit || split != nil
            splits.append(split ?? "train")
            next = try reader.next()
        }
        return (Matrix(rowArrays: rows), fields, anySplit ? splits : nil)
    }

    private static func dataset(_ x: Matrix<Float>, _ encoding: ClassEncoding, name: String, shape: TensorShape?, classes: Int?) throws -> Dataset {
        guard x.rows > 0, let largest = encoding.labels.max() else { throw ToolError.data(name, "has no samples") }
        let count = max(largest + 1, classes ?? 0)
        if let classes, largest >= classes {
            throw ToolError.data(name, "label \(largest) is out of range for \(classes) classes")
        }
        let sampleShape = shape ?? TensorShape(features: x.cols)
        guard sampleShape.count == x.cols else {
            throw ToolError.data(name, "has \(x.cols) values per sample, but the input shape \(sampleShape) needs \(sampleShape.count)")
        }
        return Dataset(features: x, labels: encoding.labels, shape: sampleShape, classes: count, classNames: encoding.names)
    }

    static func isIDX(_ path: String) -> Bool { path.hasSuffix("-ubyte") || path.hasSuffix(".idx") }

    static func floatMatrix(_ m: Matrix<Double>) -> Matrix<Float> {
        Matrix(rows: m.rows, cols: m.cols, storage: m.storage.map(Float.init))
    }
}
