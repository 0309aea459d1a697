/// A sequential network: the layers of an architecture string applied in order.
public final class Network {
    public let architecture: String
    public let inputShape: TensorShape
    public let layers: [any Layer]
    /// Layer names: kind plus a per-kind count from 1 (`dense1`, `relu1`, `dense2`, …).
    public let layerNames: [String]

    /// Builds the layers of `architecture` with zero parameters (see `Initialization`).
    public init(architecture: String, input: TensorShape) throws {
        self.architecture = architecture
        inputShape = input
        layers = try Architecture.layers(architecture, input: input.isGraph ? input.nodeFeatures : input)
        var counts = [String: Int]()
        layerNames = layers.map { layer in
            counts[layer.kind, default: 0] += 1
            return "\(layer.kind)\(counts[layer.kind]!)"
        }
    }

    public var outputShape: TensorShape { layers.last?.outputShape ?? inputShape }

    /// Every parameter with its `state_dict`-style name (`dense1.weight`), in layer order.
    public var namedParameters: [(name: String, parameter: Parameter)] {
        zip(layerNames, layers).flatMap { name, layer in layer.parameters.map { (name: "\(name).\($0.name)", parameter: $0) } }
    }

    public var trainableParameters: [Parameter] { namedParameters.map(\.parameter).filter(\.isTrainable) }

    /// The layers' input and mode for a batch: graph data is split into its structure (in
    /// the mode, for graph layers) and its node features.
    private func prepare(_ x: Matrix<Float>, _ mode: ForwardMode) -> (Matrix<Float>, ForwardMode) {
        guard inputShape.isGraph else { return (x, mode) }
        let (graphs, nodes) = GraphBatch.split(x, shape: inputShape)
        var mode = mode
        mode.graphs = graphs
        return (nodes, mode)
    }

    /// The output for a batch (rows = samples).
    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        var seeds = Xoshiro256StarStar(seed: mode.seed)
        var (h, mode) = prepare(x, mode)
        for layer in layers {
            var layerMode = mode
            layerMode.seed = seeds.next()
            h = layer.forward(h, mode: layerMode)
        }
        return h
    }

    /// Evaluation-mode outputs of the layers at `indices` (keyed by layer index), stopping after
    /// the last one needed. Index `i`'s output is what layer `i` hands to layer `i + 1`.
    public func layerOutputs(_ x: Matrix<Float>, indices: Set<Int>, threads: Int = 1) -> [Int: Matrix<Float>] {
        var outputs = [Int: Matrix<Float>]()
        guard let last = indices.max() else { return outputs }
        let (nodes, mode) = prepare(x, ForwardMode(training: false, threads: threads))
        var h = nodes
        for i in 0...min(last, layers.count - 1) {
            h = layers[i].forward(h, mode: mode)
            if indices.contains(i) { outputs[i] = h }
        }
        return outputs
    }

    /// The learned filtrations of every `togl` layer on graph data rows (evaluation mode): per
    /// layer its name and one row per vertex (each graph's vertices in order), K columns.
    public func learnedFiltrations(_ x: Matrix<Float>, threads: Int = 1) -> [(layer: String, values: Matrix<Float>)] {
        guard let last = layers.lastIndex(where: { $0 is TOGLLayer }) else { return [] }
        let (nodes, mode) = prepare(x, ForwardMode(training: false, threads: threads))
        var h = nodes, found: [(layer: String, values: Matrix<Float>)] = []
        for i in 0...last {
            if let togl = layers[i] as? TOGLLayer, let graphs = mode.graphs { found.append((layerNames[i], togl.filtrationValues(h, graphs: graphs))) }
            h = layers[i].forward(h, mode: mode)
        }
        return found
    }

    /// Backpropagates the gradient of the loss with respect to the output of the last training-mode
    /// forward pass, leaving each parameter's gradient in `Parameter.gradient`. Returns the
    /// gradient with respect to the input (for graph data, its node features); with `inputGradient` false (training) it stops at the
    /// first layer with parameters, skips that layer's input gradient, and returns an empty matrix.
    @discardableResult
    public func backward(_ dOutput: Matrix<Float>, threads: Int = 1, inputGradient: Bool = true) -> Matrix<Float> {
        var g = dOutput
        let first = inputGradient ? nil : layers.firstIndex { !$0.parameters.isEmpty }
        for (i, layer) in layers.enumerated().reversed() {
            guard i == first else {
                g = layer.backward(g, threads: threads)
                continue
            }
            return layer.parameterBackward(g, threads: threads)
        }
        return g
    }
}
