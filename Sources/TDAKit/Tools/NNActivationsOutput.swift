/// One cloud of activations ready to be written: float32 points and what names them.
struct ActivationCloud: Sendable {
    var id: String
    var meta: JSONObject
    var layer: String
    /// Rows = inputs or rows = neurons.
    var points: Matrix<Float>
    /// One class label per input, when the points are inputs.
    var labels: [Int]?
    /// The layer's index of each row's neuron, when the points are neurons.
    var neurons: [Int]?

    /// The `cloud` record: points as Doubles (each exactly its Float), neurons named `LAYER:INDEX`.
    var record: Record {
        let points = Matrix<Double>(rows: points.rows, cols: points.cols, storage: points.storage.map(Double.init))
        return CloudRecord(id: id, meta: meta, points: points, labels: labels?.map { .number(Double($0)) },
                           names: neurons?.map { "\(layer):\($0)" }).record
    }

    /// The `.npz` entries: the points under the id, and `ID.labels` or `ID.neurons` (int64).
    var archiveEntries: [(key: String, npy: [UInt8])] {
        var entries = [(key: id, npy: NPY.bytes(of: points))]
        if let labels { entries.append((key: id + ".labels", npy: NPY.bytes(of: labels))) }
        if let neurons { entries.append((key: id + ".neurons", npy: NPY.bytes(of: neurons))) }
        return entries
    }
}

/// Where `nn-activations` puts its clouds: records (JSON Lines or one CSV table) or one `.npz`
/// archive, chosen by `--output-format`.
enum ActivationSink {
    case records(RecordWriter)
    case archive(NPZWriter)

    init(_ context: ToolContext) throws(ToolError) {
        let args = context.arguments
        if args.string("output-format") == "npz" {
            self = .archive(NPZWriter(output: try context.output(args.string("output"))))
            return
        }
        let writer = try context.recordWriter()
        writer.arrayPrecision = args.string("precision") == "float64" ? .float64 : .float32
        self = .records(writer)
    }

    /// Writes one layer's clouds in order, preparing them on up to `threads` threads.
    func write(_ clouds: [ActivationCloud], threads: Int) throws(ToolError) {
        switch self {
        case .records(let writer):
            try writer.write(clouds.map(\.record), threads: threads)
        case .archive(let archive):
            let prepared = parallelMap(clouds.count, threads: threads) { k in
                clouds[k].archiveEntries.map { entry in
                    (entry.key, entry.npy, entry.npy.withUnsafeBytes { CRC32.checksum($0) })
                }
            }
            for (key, npy, crc) in prepared.joined() { try archive.add(key: key, npy: npy, crc: crc) }
        }
    }

    /// Completes the output (an archive's directory); records need nothing more.
    func finish() throws(ToolError) {
        if case .archive(let archive) = self { try archive.finish() }
    }
}
