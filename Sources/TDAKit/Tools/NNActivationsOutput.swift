import Glibc

/// One cloud of activations ready to be written: some of a layer's neurons, as points or as
/// coordinates, and what names them. The layer's matrix is shared by its draws, and each output
/// copies the points straight into its own form (Doubles of a record, float32 bytes of `.npy`).
struct ActivationCloud: Sendable {
    var id: String
    var meta: JSONObject
    var layer: String
    /// The layer's kept activations: neuron-major (rows = neurons) when `neuronsAsPoints`,
    /// else input-major (rows = inputs).
    var activations: Matrix<Float>
    /// The neurons of `activations` (rows or columns) this cloud holds.
    var columns: [Int]
    /// Points are neurons (rows = inputs' values of one neuron) rather than inputs.
    var neuronsAsPoints: Bool
    /// One class label per input, when the points are inputs.
    var labels: [Int]?
    /// The probe data row of each input, when the points are inputs.
    var probeRows: [Int]?
    /// The layer's index of each row's neuron, when the points are neurons.
    var neurons: [Int]?

    var rows: Int { neuronsAsPoints ? columns.count : activations.rows }
    var cols: Int { neuronsAsPoints ? activations.cols : columns.count }

    /// The `cloud` record: points as Doubles (each exactly its Float), neurons named `LAYER:INDEX`.
    var record: Record {
        var points = Matrix<Double>(rows: rows, cols: cols)
        points.storage.withUnsafeMutableBufferPointer { copyPoints(to: $0.baseAddress!) }
        return CloudRecord(id: id, meta: meta, points: points, labels: labels?.map { .number(Double($0)) },
                           names: neurons?.map { "\(layer):\($0)" }, rows: probeRows).record
    }

    /// The `.npz` entries: the float32 points under the id, and `ID.labels` and `ID.rows`, or
    /// `ID.neurons` (int64).
    var archiveEntries: [(key: String, npy: [UInt8])] {
        let header = NPY.header(descr: "<f4", shape: [rows, cols], dataBytes: 0)
        // Written in place: zero-filling the bytes first cost as much as copying the points.
        let points = [UInt8](unsafeUninitializedCapacity: header.count + 4 * rows * cols) { bytes, count in
            let base = UnsafeMutableRawPointer(bytes.baseAddress!)
            base.copyMemory(from: header, byteCount: header.count)
            #if _endian(little)  // the .npy byte order is the machine's
            copyPoints(to: (base + header.count).bindMemory(to: Float.self, capacity: rows * cols))
            #else
            #error("float32 .npy entries are written in the machine's byte order, which must be little endian")
            #endif
            count = bytes.count
        }
        var entries = [(key: id, npy: points)]
        if let labels { entries.append((key: id + ".labels", npy: NPY.bytes(of: labels))) }
        if let probeRows { entries.append((key: id + ".rows", npy: NPY.bytes(of: probeRows))) }
        if let neurons { entries.append((key: id + ".neurons", npy: NPY.bytes(of: neurons))) }
        return entries
    }

    /// Writes the points, rows = points, from `to` on: whole rows of the neuron-major matrix, or
    /// a gather of columns from each input's row (raw pointers: element-wise Matrix writes
    /// checked the buffer's uniqueness every time, 12% of a run).
    func copyPoints<T: BinaryFloatingPoint>(to target: UnsafeMutablePointer<T>) {
        activations.storage.withUnsafeBufferPointer { source in
            let (from, width) = (source.baseAddress!, activations.cols)
            let n = columns.count
            if neuronsAsPoints {
                for (r, j) in columns.enumerated() { for i in 0..<width { target[r * width + i] = T(from[j * width + i]) } }
            } else {
                for i in 0..<activations.rows { for (c, j) in columns.enumerated() { target[i * n + c] = T(from[i * width + j]) } }
            }
        }
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
            let output = try context.output(args.string("output"))
            if output.fileDescriptor == 1, isatty(1) != 0 {
                throw ToolError.usage("--output-format npz writes a binary archive; give -o FILE or redirect standard output")
            }
            self = .archive(NPZWriter(output: output))
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
            try writer.write(count: clouds.count, threads: threads) { clouds[$0].record }
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
