import Foundation

extension NNTrainTool {
    /// Graph records read per forward pass of `filtrations`.
    static let filtrationChunk = 256

    /// `filtrations`: graph records in, the same records out, in order, with the learned
    /// filtrations of every `togl` layer added to `values` (`togl1.f1` … `togl1.fK`), so that
    /// `ph-graph --filtration values:togl1.f1` gives their diagrams and `tda-plot --color-by
    /// togl1.f1` draws them. Records need no class.
    static func writeFiltrations(_ context: ToolContext) throws {
        guard let path = context.arguments.string("model") else { throw ToolError.usage("filtrations needs --model FILE") }
        let network = try NetworkModelFile.read(URL(fileURLWithPath: path)).network()
        guard network.inputShape.isGraph, network.layers.contains(where: { $0 is TOGLLayer }) else {
            throw ToolError.usage("\(path) has no togl layer: its filtrations are not learned")
        }
        let reader = context.recordReader(), writer = try context.recordWriter()
        var chunk: [Record] = []
        func flush() throws {
            guard !chunk.isEmpty else { return }
            let x = try GraphSamples.read(chunk, shape: network.inputShape, labelled: false).x
            let found = network.learnedFiltrations(x, threads: context.threads)
            var offset = 0
            for (record, n) in zip(chunk, GraphSamples.vertexCounts(x)) {
                var values = record.fields["values"]?.objectValue ?? JSONObject()
                for (layer, f) in found {
                    for j in 0..<f.cols { values["\(layer).f\(j + 1)"] = .numbers((0..<n).map { Double(f.storage[(offset + $0) * f.cols + j]) }) }
                }
                offset += n
                var out = record
                out.fields["values"] = .object(values)
                try writer.write(out)
            }
            chunk.removeAll(keepingCapacity: true)
        }
        var any = false
        while let record = try reader.next() {
            chunk.append(record)
            any = true
            if chunk.count == filtrationChunk { try flush() }
        }
        try flush()
        if !any { throw ToolError.data(context.arguments.operands.first ?? "stdin", "no graph records") }
    }
}
