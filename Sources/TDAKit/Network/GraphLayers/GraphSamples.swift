/// `graph` records as network inputs for graph layers (`gcn`, `togl`, `readout`): per record
/// its node features `x` padded to N node slots, its distinct edges padded to E slots (end
/// indices, −1 for an empty slot) and its node count, one row of `TensorShape(nodes: N,
/// features: F, edgeSlots: E)`; the class is the record's `y`, else `meta.y`.
///
/// Graphs without `x` get one feature, the vertex degree (self-loops and repeated links not
/// counted); a set must be all with or all without features, of one width. N and E are the
/// largest of the data unless fixed by the model's input shape.
public enum GraphSamples {
    /// The inputs, class fields and splits (when any record has `meta.split`) of graph records;
    /// unless `labelled`, records need no class (their fields are empty).
    public static func read(_ records: [Record], shape: TensorShape?, labelled: Bool = true) throws
        -> (x: Matrix<Float>, shape: TensorShape, fields: [String], splits: [String]?) {
        guard let first = records.first else { throw ToolError.usage("no graph records") }
        if let shape, !(shape.isGraph && shape.edgeSlots > 0) {
            throw ToolError.usage("the input shape \(shape) is not a graph shape (NODES,FEATURES,EDGES,2)")
        }
        let featured = first.fields["x"] != nil
        var graphs = [GraphRecordView](), labels = RecordLabels()
        graphs.reserveCapacity(records.count)
        for record in records {
            guard record.type == "graph" else { throw record.error("is a \(record.type) record among graph records") }
            var graph = try GraphRecordView(record)
            guard graph.graph.vertexCount > 0 else { throw record.error("is an empty graph (no nodes)") }
            if (graph.features != nil) != featured {
                throw record.error(featured ? "has no node features \"x\", earlier graphs have them" : "has node features \"x\", earlier graphs have none")
            }
            if graph.features == nil { graph.features = degreeFeature(graph.graph) }
            guard graph.features!.cols > 0 else { throw record.error("has node features \"x\" with no values") }
            try labels.add(record, y: graph.y, required: labelled)
            if let width = graphs.first?.features?.cols, graph.features!.cols != width {
                throw record.error("has \(graph.features!.cols) node features, earlier graphs have \(width)")
            }
            graphs.append(graph)
        }
        let features = graphs[0].features!.cols
        let nodes = shape?.height ?? graphs.lazy.map(\.graph.vertexCount).max()!
        let edges = shape?.edgeSlots ?? max(1, graphs.lazy.map(\.graph.edges.count).max()!)
        let sampleShape = TensorShape(nodes: nodes, features: features, edgeSlots: edges)
        if let shape, shape.channels != features {
            throw ToolError.usage("the model's graphs have \(shape.channels) node features, the data \(features)")
        }
        try MemoryGuard.check("\(records.count) graph samples of \(sampleShape)", bytes: Double(records.count * sampleShape.count) * 4)
        var x = Matrix<Float>(rows: records.count, cols: sampleShape.count)
        for (i, graph) in graphs.enumerated() {
            guard graph.graph.vertexCount <= nodes, graph.graph.edges.count <= edges else {
                throw records[i].error("has \(graph.graph.vertexCount) nodes and \(graph.graph.edges.count) edges, more than the model's \(nodes) and \(edges)")
            }
            let row = i * sampleShape.count
            for (k, value) in graph.features!.storage.enumerated() { x.storage[row + k] = Float(value) }
            let ends = row + nodes * features
            for k in 0..<edges {
                let (a, b) = k < graph.graph.edges.count ? graph.graph.edges[k] : (-1, -1)
                (x.storage[ends + 2 * k], x.storage[ends + 2 * k + 1]) = (Float(a), Float(b))
            }
            x.storage[ends + 2 * edges] = Float(graph.graph.vertexCount)
        }
        return (x, sampleShape, labels.fields, labels.namedSplits)
    }

    /// The node count of each row that `read` wrote (its last value).
    static func vertexCounts(_ x: Matrix<Float>) -> [Int] {
        (0..<x.rows).map { Int(x.storage[(($0 + 1) * x.cols) - 1]) }
    }

    /// One feature per vertex: its degree.
    static func degreeFeature(_ graph: Graph) -> Matrix<Double> {
        Matrix(rows: graph.vertexCount, cols: 1, storage: graph.degrees.map(Double.init))
    }
}
