/// The structure of a batch of graph samples, split off the data rows by `Network` before the
/// layers run: graph layers read it from `ForwardMode.graphs`, other layers see only the node
/// features (one row per graph, `nodeSlots × features` values, empty slots zero).
///
/// It also carries the per-graph vectors that `togl` layers pool for the `readout` after them
/// (and, in the backward pass, their gradients back), since such a vector skips the layers in
/// between.
public final class GraphBatch: @unchecked Sendable {
    public let graphs: [Graph]
    public let nodeSlots: Int
    /// Per-graph vectors pooled by `togl` layers, in layer order, each `graphs.count` rows.
    var pooled: [Matrix<Float>] = []
    /// The readout's gradients of `pooled`, in the same order.
    var pooledGradients: [Matrix<Float>] = []

    /// The first row of each graph's real vertices in a compact vertex list (all graphs'
    /// vertices in order), and the total last: graph layers work on real vertices only.
    public let vertexOffsets: [Int]
    /// 1/√(degree + 1) of every vertex, graph by graph: the symmetric normalisation of the
    /// adjacency with self-loops, computed once for all `gcn` layers and both passes.
    let normalisation: [[Float]]

    public init(graphs: [Graph], nodeSlots: Int) {
        self.graphs = graphs
        self.nodeSlots = nodeSlots
        var offsets = [0]
        for g in graphs { offsets.append(offsets.last! + g.vertexCount) }
        vertexOffsets = offsets
        normalisation = graphs.map { $0.degrees.map { 1 / Float($0 + 1).squareRoot() } }
    }

    /// Splits data rows of `shape` (`GraphSamples`) into the structure and the node features.
    /// Rows that `GraphSamples` did not write (a node count or an end that is not a whole
    /// number in range) are read as far as they make sense, never trusted as indices.
    static func split(_ x: Matrix<Float>, shape: TensorShape) -> (GraphBatch, Matrix<Float>) {
        let width = shape.height * shape.channels, slots = shape.edgeSlots
        var nodes = Matrix<Float>(rows: x.rows, cols: width)
        var graphs = [Graph]()
        graphs.reserveCapacity(x.rows)
        func index(_ value: Float, below bound: Int) -> Int? {
            value >= 0 && value < Float(bound) && value == value.rounded() ? Int(value) : nil
        }
        for i in 0..<x.rows {
            let row = i * x.cols
            for k in 0..<width { nodes.storage[i * width + k] = x.storage[row + k] }
            let ends = row + width, count = index(x.storage[ends + 2 * slots], below: shape.height + 1) ?? 0
            var links = [(Int, Int)]()
            for k in 0..<slots {
                if let a = index(x.storage[ends + 2 * k], below: count), let b = index(x.storage[ends + 2 * k + 1], below: count) { links.append((a, b)) }
            }
            graphs.append(Graph(vertexCount: count, links: links))
        }
        return (GraphBatch(graphs: graphs, nodeSlots: shape.height), nodes)
    }

    public var vertexCount: Int { vertexOffsets.last! }

    /// The real vertices' rows of a node-feature matrix (`features` per node), stacked.
    func gather(_ h: Matrix<Float>, features: Int) -> Matrix<Float> {
        var out = Matrix<Float>(rows: vertexCount, cols: features)
        for (g, graph) in graphs.enumerated() {
            let from = g * h.cols, to = vertexOffsets[g] * features
            for k in 0..<(graph.vertexCount * features) { out.storage[to + k] = h.storage[from + k] }
        }
        return out
    }

    /// The inverse of `gather`: a node-feature matrix with the vertices' rows in place, empty
    /// slots zero.
    func scatter(_ v: Matrix<Float>) -> Matrix<Float> {
        let features = v.cols
        var out = Matrix<Float>(rows: graphs.count, cols: nodeSlots * features)
        for (g, graph) in graphs.enumerated() {
            let from = vertexOffsets[g] * features, to = g * out.cols
            for k in 0..<(graph.vertexCount * features) { out.storage[to + k] = v.storage[from + k] }
        }
        return out
    }
}
