/// The topological graph layer of Horn et al. (ICLR 2022), `togl:K…` (`TOGLSpec`).
///
/// K filtrations are learned: one MLP (features → hidden → K, ReLU between) gives each vertex K
/// values; each graph's persistence under each filtration is paired to vertices
/// (`VertexPairing`, or the Ext1 diagram of `GraphPersistence.extended`), and every point goes
/// through the coordinate functions (`CoordinateFunctions`, 12 numbers). Dimension 0 has one
/// point per vertex: its K × 12 numbers, through a dense layer, are added to the vertex's
/// features (x + W ψ + c, TOGL's residual form without its batch norm; a ReLU there left whole
/// runs with every unit dead).
/// Dimension 1 points are summed per graph and filtration into a K × 12 vector that the next
/// `readout` appends to the graph's vector.
///
/// Gradients reach the filtration MLP through the pairing: a birth or death is the value of a
/// vertex, so its derivative is 1 at that vertex (Leygonie, Oudot and Tillmann, 2022); the
/// pairing itself is held fixed, with ties broken as `VertexPairing` documents.
public final class TOGLLayer: Layer {
    public let kind = "togl"
    public let spec: TOGLSpec
    public let token: String
    public let inputShape: TensorShape
    public var outputShape: TensorShape { inputShape }
    let hidden: DenseLayer, filtration: DenseLayer, output: DenseLayer
    /// The ReLU between the filtration MLP's two dense layers.
    let hiddenActivation: ActivationLayer
    /// The coordinate functions of dimension 0, then of dimension 1 (when pooled).
    let coordinates: [[Parameter]]
    public let parameters: [Parameter]

    /// What the backward pass needs from the last training forward pass.
    private struct Saved {
        var graphs: GraphBatch
        var values: Matrix<Double>
        var deaths: [[Int]]
        var cycles: [[[(birth: Int, death: Int)]]]
        var slot: Int
    }
    private var saved: Saved?

    public init(spec: TOGLSpec, token: String, input: TensorShape) {
        self.spec = spec
        self.token = token
        inputShape = input
        let width = spec.filtrations * CoordinateFunctions.width
        hidden = DenseLayer(inputs: input.channels, outputs: spec.hidden, prefix: "filtration1.")
        hiddenActivation = ActivationLayer(.relu, shape: TensorShape(features: spec.hidden))
        filtration = DenseLayer(inputs: spec.hidden, outputs: spec.filtrations, prefix: "filtration2.")
        output = DenseLayer(inputs: width, outputs: input.channels, prefix: "out0.")
        coordinates = (spec.cycles == .none ? ["coords0."] : ["coords0.", "coords1."]).map { prefix in
            zip(CoordinateFunctions.names, CoordinateFunctions.shapes).map { name, shape in
                Parameter(name: prefix + name, shape: shape, value: [Float](repeating: 0, count: shape.reduce(1, *)))
            }
        }
        parameters = hidden.parameters + filtration.parameters + output.parameters + coordinates.flatMap { $0 }
    }

    /// PyTorch's defaults for the three dense maps, TOGL's for the coordinate functions.
    func initialize<G: RandomNumberGenerator>(_ rng: inout G) {
        for layer in [hidden, filtration, output] { Initialization.linear(layer.weight, layer.bias, &rng) }
        for set in coordinates { store(CoordinateFunctions.initial(&rng), into: set, \.value) }
    }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        guard let graphs = mode.graphs else { preconditionFailure("togl runs on graph data only (Architecture checks)") }
        let f = inputShape.channels, k = spec.filtrations, w = CoordinateFunctions.width
        let v = graphs.gather(x, features: f)
        let raw = filtrations(v, mode: mode)
        let values = Matrix(rows: raw.rows, cols: k, storage: raw.storage.map(Double.init))
        let (deaths, cycles) = pairings(graphs, values, threads: mode.threads)
        // Dimension 0: one point per vertex and filtration, through the coordinate functions.
        let p0 = flat(coordinates[0])
        var psi = Matrix<Float>(rows: v.rows, cols: k * w)
        var buffer = [Double](repeating: 0, count: w)
        for g in graphs.graphs.indices {
            let base = graphs.vertexOffsets[g], n = graphs.graphs[g].vertexCount
            for vertex in 0..<n {
                for j in 0..<k {
                    let (b, d) = (values.storage[(base + vertex) * k + j], values.storage[(base + deaths[g][j * n + vertex]) * k + j])
                    p0.withUnsafeBufferPointer { CoordinateFunctions.evaluate(b, d, $0.baseAddress!, into: &buffer) }
                    for c in 0..<w { psi.storage[(base + vertex) * k * w + j * w + c] = Float(buffer[c]) }
                }
            }
        }
        let z = output.forward(psi, mode: mode)
        var y = v
        for i in y.storage.indices { y.storage[i] += z.storage[i] }
        var slot = -1
        if spec.pooledWidth > 0 {
            slot = graphs.pooled.count
            graphs.pooled.append(pooledCycles(graphs, values, cycles))
        }
        if mode.training {
            saved = Saved(graphs: graphs, values: values, deaths: deaths, cycles: cycles, slot: slot)
        }
        return graphs.scatter(y)
    }

    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> { gradients(dy, threads: threads, input: true) }

    public func parameterBackward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> { gradients(dy, threads: threads, input: false) }

    private func gradients(_ dy: Matrix<Float>, threads: Int, input wanted: Bool) -> Matrix<Float> {
        guard let s = saved else { preconditionFailure("togl backward before a training forward pass") }
        let f = inputShape.channels, k = spec.filtrations, w = CoordinateFunctions.width
        let graphs = s.graphs
        var dv = graphs.gather(dy, features: f)
        let dpsi = output.backward(dv, threads: threads)
        // The gradient of every filtration value, summed over the points that use it.
        var dvalues = [Double](repeating: 0, count: s.values.storage.count)
        var dp0 = [Double](repeating: 0, count: CoordinateFunctions.count)
        let p0 = flat(coordinates[0])
        var g64 = [Double](repeating: 0, count: w)
        for g in graphs.graphs.indices {
            let base = graphs.vertexOffsets[g], n = graphs.graphs[g].vertexCount
            for vertex in 0..<n {
                for j in 0..<k {
                    let death = base + s.deaths[g][j * n + vertex]
                    let (b, d) = (s.values.storage[(base + vertex) * k + j], s.values.storage[death * k + j])
                    for c in 0..<w { g64[c] = Double(dpsi.storage[(base + vertex) * k * w + j * w + c]) }
                    let grad = p0.withUnsafeBufferPointer { pp in
                        g64.withUnsafeBufferPointer { gp in CoordinateFunctions.backward(b, d, pp.baseAddress!, gp.baseAddress!, into: &dp0) }
                    }
                    dvalues[(base + vertex) * k + j] += grad.b
                    dvalues[death * k + j] += grad.d
                }
            }
        }
        store(dp0, into: coordinates[0], \.gradient)
        if s.slot >= 0 {
            let dpooled = graphs.pooledGradients[s.slot]
            var dp1 = [Double](repeating: 0, count: CoordinateFunctions.count)
            let p1 = flat(coordinates[1])
            for g in graphs.graphs.indices {
                let base = graphs.vertexOffsets[g]
                for j in 0..<k {
                    for c in 0..<w { g64[c] = Double(dpooled.storage[g * k * w + j * w + c]) }
                    for cycle in s.cycles[g][j] {
                        let (vb, vd) = (base + cycle.birth, base + cycle.death)
                        let grad = p1.withUnsafeBufferPointer { pp in
                            g64.withUnsafeBufferPointer { gp in
                                CoordinateFunctions.backward(s.values.storage[vb * k + j], s.values.storage[vd * k + j], pp.baseAddress!, gp.baseAddress!, into: &dp1)
                            }
                        }
                        dvalues[vb * k + j] += grad.b
                        dvalues[vd * k + j] += grad.d
                    }
                }
            }
            store(dp1, into: coordinates[1], \.gradient)
        }
        let dactivated = filtration.backward(Matrix(rows: s.values.rows, cols: k, storage: dvalues.map(Float.init)), threads: threads)
        let dinner = hiddenActivation.backward(dactivated, threads: threads)
        guard wanted else {
            _ = hidden.parameterBackward(dinner, threads: threads)
            return Matrix(rows: 0, cols: 0)
        }
        let dx = hidden.backward(dinner, threads: threads)
        for i in dv.storage.indices { dv.storage[i] += dx.storage[i] }
        return graphs.scatter(dv)
    }

    /// The filtration MLP on stacked vertex rows: the K values of each vertex.
    private func filtrations(_ v: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        filtration.forward(hiddenActivation.forward(hidden.forward(v, mode: mode), mode: mode), mode: mode)
    }

    /// The learned filtration values of node features `x` (one row per graph): one row per
    /// vertex of the batch's graphs in order, K columns.
    public func filtrationValues(_ x: Matrix<Float>, graphs: GraphBatch) -> Matrix<Float> {
        filtrations(graphs.gather(x, features: inputShape.channels), mode: ForwardMode(training: false))
    }

    /// Per graph: the death vertex of each vertex for each filtration (filtration-major, local
    /// indices), and the dimension-1 points of each filtration. Graphs run in parallel; each
    /// result has its own slot, so the output does not depend on the thread count.
    private func pairings(_ graphs: GraphBatch, _ values: Matrix<Double>, threads: Int)
        -> ([[Int]], [[[(birth: Int, death: Int)]]]) {
        let k = spec.filtrations, spec = self.spec
        let results = parallelMap(graphs.graphs.count, threads: threads) { g in
            let graph = graphs.graphs[g], base = graphs.vertexOffsets[g], n = graph.vertexCount
            var deaths = [Int](), cycles = [[(birth: Int, death: Int)]]()
            for j in 0..<k {
                let f = (0..<n).map { values.storage[(base + $0) * k + j] }
                if spec.isStatic {
                    deaths += 0..<n
                    cycles.append([])
                    continue
                }
                let pairing = VertexPairing(graph, f)
                deaths += pairing.deathVertex
                switch spec.cycles {
                case .cycles: cycles.append(pairing.cycles.map { ($0.birthVertex, $0.deathVertex) })
                case .extended: cycles.append(GraphPersistence.extended(graph, f).ext1.map { ($0.birthVertex, $0.deathVertex!) })
                case .none: cycles.append([])
                }
            }
            return (deaths, cycles)
        }
        return (results.map(\.0), results.map(\.1))
    }

    /// The dimension-1 vector of each graph: per filtration, the sum of its points' coordinates.
    private func pooledCycles(_ graphs: GraphBatch, _ values: Matrix<Double>, _ cycles: [[[(birth: Int, death: Int)]]]) -> Matrix<Float> {
        let k = spec.filtrations, w = CoordinateFunctions.width
        var pooled = Matrix<Float>(rows: graphs.graphs.count, cols: k * w)
        let p1 = flat(coordinates[1])
        var buffer = [Double](repeating: 0, count: w)
        for g in graphs.graphs.indices {
            let base = graphs.vertexOffsets[g]
            for j in 0..<k {
                var sum = [Double](repeating: 0, count: w)
                for cycle in cycles[g][j] {
                    let (b, d) = (values.storage[(base + cycle.birth) * k + j], values.storage[(base + cycle.death) * k + j])
                    p1.withUnsafeBufferPointer { CoordinateFunctions.evaluate(b, d, $0.baseAddress!, into: &buffer) }
                    for c in 0..<w { sum[c] += buffer[c] }
                }
                for c in 0..<w { pooled.storage[g * k * w + j * w + c] = Float(sum[c]) }
            }
        }
        return pooled
    }

    /// A set of coordinate-function parameters as one Float64 vector.
    private func flat(_ set: [Parameter]) -> [Double] { set.flatMap { $0.value.map(Double.init) } }

    /// Writes a flat Float64 vector into a set's values or gradients, parameter by parameter.
    private func store(_ flat: [Double], into set: [Parameter], _ field: ReferenceWritableKeyPath<Parameter, [Float]>) {
        var next = 0
        for p in set {
            p[keyPath: field] = flat[next..<(next + p.count)].map(Float.init)
            next += p.count
        }
    }
}
