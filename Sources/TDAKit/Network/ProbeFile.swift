/// The probe inputs of `nn-activations --data FILE`: every row of the file, in file order, with
/// labels only where the file names them. Probing is not training: nothing is held out or shuffled.
public struct ProbeInputs: Sendable {
    public var features: Matrix<Float>
    /// Class labels, when the file has them (a named label column, a labels `.npy`, `y` of samples).
    public var labels: [Int]?

    public init(features: Matrix<Float>, labels: [Int]?) {
        self.features = features
        self.labels = labels
    }

    public init(_ data: Dataset) { self.init(features: data.features, labels: data.labels) }

    public var count: Int { features.rows }

    /// The rows at `indices`, in that order.
    public func subset(_ indices: [Int]) -> ProbeInputs {
        ProbeInputs(features: features.rows(at: indices), labels: labels.map { l in indices.map { l[$0] } })
    }

    /// Reads a probe file. A CSV has a label column only when `labelColumn` is given; a CSV's
    /// `split` column and the `meta.split` of sample records keep the rows of `split` (rows
    /// without a split are all kept).
    public static func read(_ path: String, labels labelPath: String?, labelColumn: String?, split: String) throws -> ProbeInputs {
        if CSV.isTableFile(path) {
            let reader = try LineReader(path: path)
            let table = try CSVData.read(try reader.readAll(), name: reader.name, labelColumn: labelColumn, labelRequired: false)
            let labels = try table.labelFields.map { try ClassEncoding($0, name: path).labels }
            let all = ProbeInputs(features: DataFiles.floatMatrix(table.features), labels: labels)
            guard let splits = table.splits else { return all }
            let kept = splits.indices.filter { splits[$0] == split }
            guard !kept.isEmpty else { throw ToolError.data(path, "has no samples of the \(split) split") }
            return all.subset(kept)
        }
        if path.hasSuffix(".npy"), labelPath == nil {
            let reader = try LineReader(path: path)
            let x = try NPY.read(from: reader)
            guard x.rows > 0 else { throw ToolError.data(path, "has no samples") }
            return ProbeInputs(features: DataFiles.floatMatrix(x), labels: nil)
        }
        if path.hasSuffix(".npy") || DataFiles.isIDX(path) {
            return ProbeInputs(try DataFiles.load(path, labels: labelPath))
        }
        return try samples(path, split: split)
    }

    /// Every `diagram` record of a file, as the inputs of a model with a `perslay` first layer:
    /// the model's channels, padded (or cut to the prominent points) to its input shape.
    public static func diagrams(_ path: String, channels: [String], shape: TensorShape) throws -> ProbeInputs {
        let records = try RecordReader(paths: [path]).readAll()
        guard !records.isEmpty else { throw ToolError.data(path, "has no samples") }
        let read = try DiagramSamples.read(records, channels: channels, shape: shape)
        return ProbeInputs(features: read.x, labels: try ClassEncoding(read.fields, name: path).labels)
    }

    /// Every `graph` record of a file, in file order, as the inputs of a graph network, padded
    /// to its input shape; labels when every record has a class.
    public static func graphs(_ path: String, shape: TensorShape) throws -> ProbeInputs {
        let records = try RecordReader(paths: [path]).readAll()
        guard !records.isEmpty else { throw ToolError.data(path, "has no samples") }
        let read = try GraphSamples.read(records, shape: shape, labelled: false)
        let labels = read.fields.contains("") ? nil : try ClassEncoding(read.fields, name: path).labels
        return ProbeInputs(features: read.x, labels: labels)
    }

    private static func samples(_ path: String, split: String) throws -> ProbeInputs {
        let reader = RecordReader(paths: [path])
        var rows = [[Float]](), labels = [Int](), unlabelled = 0
        while let record = try reader.next() {
            let sample = try SampleRecord(record)
            if let own = sample.meta["split"]?.stringValue, own != split { continue }
            if let first = rows.first, first.count != sample.x.count {
                throw record.error("has \(sample.x.count) inputs, earlier samples have \(first.count)")
            }
            if let y = sample.y {
                guard let value = y.doubleValue, value >= 0, value == value.rounded(), value < 1e6 else {
                    throw record.error("label \"y\" is not a class index (0, 1, 2, …)")
                }
                labels.append(Int(value))
            } else {
                unlabelled += 1
            }
            rows.append(sample.x.map(Float.init))
        }
        guard !rows.isEmpty else { throw ToolError.data(path, "has no samples of the \(split) split") }
        guard unlabelled == 0 || labels.isEmpty else {
            throw ToolError.data(path, "\(labels.count) samples have a label \"y\" and \(unlabelled) do not")
        }
        return ProbeInputs(features: Matrix(rowArrays: rows), labels: labels.isEmpty ? nil : labels)
    }
}
