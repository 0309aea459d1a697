import Dispatch

/// `perslay-vec [VEC...] [FILE...]`: one `vector` record per `diagram` record, computed on
/// `--threads` workers in batches of lines and written in input order.
extension PerslayVecTool {
    /// Lines per batch: enough to keep the workers busy, few enough to start writing early.
    static let batchLines = 256

    static func runVectorize(_ context: ToolContext) throws {
        let (positional, files) = try splitOperands(context.arguments.operands)
        let fromFile = try context.arguments.string("vec-file").map { path in
            try readLines(path).map { String($0.prefix { $0 != "#" }.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
        } ?? []
        let specs = fromFile + context.arguments.all("vec") + positional
        let vectorizer = DiagramVectorizer(vectorizations: try (specs.isEmpty ? ["stats"] : specs).map(VectorizationRegistry.make),
                                           dimensions: try dimensions(context),
                                           infinityValue: context.arguments.double("inf-value"))
        let reader = RecordReader(paths: files)
        let writer = try context.recordWriter()
        let encoder = VectorRecordEncoder(names: vectorizer.valueNames)
        let workers = (0..<context.threads).map { _ in VectorWorker(keepsRecords: writer.table != nil) }
        if vectorizer.needsFit || !readsRecords(context, paths: files) {
            // A range to fit (gudhi's fit on the whole list), or tables: read everything first.
            let inputs = try diagrams(context, paths: files)
            context.noteEmptyInput(recordsRead: inputs.count)
            let fitted = try vectorizer.fitted(to: inputs.map(\.diagram.diagram))
            for start in stride(from: 0, to: inputs.count, by: batchLines) {
                let batch = inputs[start..<min(start + batchLines, inputs.count)]
                try run(workers, batch.count, writer) { worker, i in
                    worker.encode(.success(batch[batch.startIndex + i]), fitted, encoder)
                }
            }
        } else {
            let fitted = try vectorizer.fitted(to: [])
            var batch = LineBatch()
            while try reader.nextLines(batchLines, into: &batch) {
                let lines = batch
                try run(workers, lines.count, writer) { worker, i in
                    let capture = worker.capture
                    return worker.encode(Result { () throws(ToolError) in
                        try lines.withLine(i) { line throws(ToolError) in
                            try RecordReader.parseDiagramLine(line, location: lines.locations[i], capture: capture)
                        }
                    }, fitted, encoder)
                }
            }
            context.noteEmptyInput(recordsRead: reader.recordsRead)
        }
    }

    /// True when the input is JSON Lines records (`--input-format`, else the first file's name;
    /// standard input is taken for records unless a format is given).
    static func readsRecords(_ context: ToolContext, paths: [String]) -> Bool {
        let given = context.arguments.string("input-format") ?? "auto"
        return given == "jsonl" || given == "auto" && ["jsonl", InputFormat.sniffed].contains(InputFormat.fromName(paths.first))
    }

    /// Every input diagram: JSON Lines through the diagram fast path, or tables (`--input-format`).
    static func diagrams(_ context: ToolContext, paths: [String]) throws(ToolError) -> [(record: Record, diagram: DiagramRecord)] {
        guard !readsRecords(context, paths: paths) else { return try RecordReader(paths: paths).readAllDiagrams() }
        return try StandardOptions.records(context, paths: paths, tableType: "diagram").map { record throws(ToolError) in (record, try DiagramRecord(record)) }
    }

    /// Splits items 0..<count into one contiguous run per worker, lets `encode` handle each item
    /// on its worker (false: stop that worker), then writes the workers' records in order up
    /// to the first failure, which it throws.
    static func run(_ workers: [VectorWorker], _ count: Int, _ writer: RecordWriter,
                    _ encode: @Sendable (VectorWorker, Int) -> Bool) throws(ToolError) {
        let used = max(1, min(workers.count, count))
        DispatchQueue.concurrentPerform(iterations: used) { w in
            let worker = workers[w]
            worker.reset()
            for i in (count * w / used)..<(count * (w + 1) / used) where !encode(worker, i) { break }
        }
        for worker in workers.prefix(used) {
            // `--output-format csv`: the workers kept records for the table instead of bytes.
            for record in worker.records { try writer.write(record) }
            writer.output.appendUnchecked(worker.bytes)
            try writer.output.endRecord()
            if let record = worker.refused { try writer.write(record) }
            if let error = worker.failure { throw error }
        }
    }
}

/// One worker's share of a batch: the encoded records of its items in order, and what stopped
/// it. Its buffers are reused across batches; during a batch only its own thread touches it,
/// after the batch only the writing thread.
final class VectorWorker: @unchecked Sendable {
    let capture = PairArraysCapture(key: "diagrams")
    var bytes: [UInt8] = []
    /// Set for `--output-format csv`: the vectors as records for the CSV table, not bytes.
    let keepsRecords: Bool
    var records: [Record] = []
    /// A record the encoder refused (a NaN value): `RecordWriter.write` reports it.
    var refused: Record?
    var failure: ToolError?

    init(keepsRecords: Bool) { self.keepsRecords = keepsRecords }

    func reset() {
        bytes.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
        refused = nil
        failure = nil
    }

    /// Appends the vector record of one parsed line (nil: a blank line); false once stopped.
    func encode(_ input: Result<(record: Record, diagram: DiagramRecord)?, ToolError>, _ fitted: FittedDiagramVectorizer,
                _ encoder: VectorRecordEncoder) -> Bool {
        let record: Record, diagram: DiagramRecord
        switch input {
        case .success(nil): return true
        case .success(let parsed?): (record, diagram) = parsed
        case .failure(let error): failure = error; return false
        }
        let values: [Double]
        do {
            values = try fitted.vector(diagram.diagram)
        } catch {
            failure = record.error("\(error)")
            return false
        }
        let vector = { VectorRecord(id: diagram.id, meta: diagram.meta, values: values, names: fitted.valueNames).record }
        if keepsRecords {
            records.append(vector())
            return true
        }
        if encoder.append(id: diagram.id, meta: diagram.meta, values: values, to: &bytes) { return true }
        refused = vector()
        return false
    }
}
