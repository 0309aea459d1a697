/// `perslay-vec [VEC...] [FILE...]`: one `vector` record per `diagram` record, computed on
/// `--threads` workers in batches of lines and written in input order.
extension PerslayVecTool {
    /// Lines per batch: enough to keep two workers busy, few enough to start writing early.
    static let batchLines = 256

    /// What one input line becomes.
    enum VectorLine: Sendable {
        case blank
        /// The encoded record line.
        case encoded([UInt8])
        /// A record the encoder refused (a NaN value): `RecordWriter` reports it.
        case refused(Record)
        case failed(ToolError)
    }

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
        let threads = context.threads
        if vectorizer.needsFit {
            // A range to fit (gudhi's fit on the whole list): read everything first.
            let inputs = try reader.readAllDiagrams()
            let fitted = try vectorizer.fitted(to: inputs.map(\.diagram.diagram))
            for start in stride(from: 0, to: inputs.count, by: batchLines) {
                let batch = inputs[start..<min(start + batchLines, inputs.count)]
                try write(parallelMap(batch.count, threads: threads) { i in
                    vectorLine(batch[batch.startIndex + i], fitted, encoder)
                }, to: writer)
            }
        } else {
            let fitted = try vectorizer.fitted(to: [])
            while let lines = try reader.nextLines(batchLines) {
                try write(parallelMap(lines.count, threads: threads) { i in
                    let capture = PairArraysCapture(key: "diagrams")
                    let parsed = Result { () throws(ToolError) in
                        try lines.withLine(i) { line throws(ToolError) in
                            try RecordReader.parseDiagramLine(line, location: lines.locations[i], capture: capture)
                        }
                    }
                    switch parsed {
                    case .success(let input?): return vectorLine(input, fitted, encoder)
                    case .success(nil): return .blank
                    case .failure(let error): return .failed(error)
                    }
                }, to: writer)
            }
        }
    }

    /// The vector record of one diagram, encoded.
    static func vectorLine(_ input: (record: Record, diagram: DiagramRecord), _ fitted: FittedDiagramVectorizer,
                           _ encoder: VectorRecordEncoder) -> VectorLine {
        let values: [Double]
        do {
            values = try fitted.vector(input.diagram.diagram)
        } catch {
            return .failed(input.record.error("\(error)"))
        }
        let (id, meta) = (input.diagram.id, input.diagram.meta)
        if let line = encoder.line(id: id, meta: meta, values: values) { return .encoded(line) }
        return .refused(VectorRecord(id: id, meta: meta, values: values, names: fitted.valueNames).record)
    }

    /// Writes the lines in order; the first failure stops the run after the records before it.
    static func write(_ lines: [VectorLine], to writer: RecordWriter) throws(ToolError) {
        for line in lines {
            switch line {
            case .blank: continue
            case .encoded(let bytes):
                writer.output.appendUnchecked(bytes)
                try writer.output.endRecord()
            case .refused(let record): try writer.write(record)
            case .failed(let error): throw error
            }
        }
    }
}
