/// PyTorch's default initialisation of `nn.Linear` and `nn.Conv2d`, drawn from the caller's
/// generator: weights `kaiming_uniform_(a=√5)`, i.e. U(−b, b) with b = gain·√(3/fan_in) and
/// gain = √(2/(1+a²)) = √(1/3), so b = 1/√fan_in; biases U(−1/√fan_in, 1/√fan_in).
/// Batch norm starts at weight 1, bias 0 (already set by the layer).
public enum Initialization {
    /// Graph layers, in layer order with the others: `gcn` as PyTorch Geometric's `GCNConv`
    /// (Glorot-uniform weight, zero bias), `togl` by its own rule (`TOGLLayer.initialize`).
    public static func pytorchDefault<G: RandomNumberGenerator>(_ network: Network, rng: inout G) {
        for layer in network.layers {
            if let gcn = layer as? GCNLayer {
                let (out, inputs) = (gcn.weight.shape[0], gcn.weight.shape[1])
                let bound = (6 / Double(out + inputs)).squareRoot()
                for i in gcn.weight.value.indices { gcn.weight.value[i] = Float(NetworkRandom.uniform(-bound, bound, &rng)) }
            } else if let togl = layer as? TOGLLayer {
                togl.initialize(&rng)
            } else if layer.isWeighted, let weight = layer.parameters.first, let bias = layer.parameters.last {
                linear(weight, bias, &rng)
            }
        }
    }

    /// `nn.Linear`'s and `nn.Conv2d`'s default: weight and bias U(−1/√fan_in, 1/√fan_in).
    static func linear<G: RandomNumberGenerator>(_ weight: Parameter, _ bias: Parameter, _ rng: inout G) {
        let fanIn = weight.shape.dropFirst().reduce(1, *)
        let bound = 1 / Double(fanIn).squareRoot()
        for i in weight.value.indices { weight.value[i] = Float(NetworkRandom.uniform(-bound, bound, &rng)) }
        for i in bias.value.indices { bias.value[i] = Float(NetworkRandom.uniform(-bound, bound, &rng)) }
    }

    /// A network of `architecture` as `nn-train fit` starts it: PyTorch's defaults drawn first
    /// from xoshiro256** seeded with the training seed, and that generator, which training goes
    /// on drawing from. `nn-train measures` rebuilds a model's initial weights with it.
    public static func seeded(architecture: String, input: TensorShape, seed: UInt64) throws -> (network: Network, rng: Xoshiro256StarStar) {
        let network = try Network(architecture: architecture, input: input)
        var rng = Xoshiro256StarStar(seed: seed)
        pytorchDefault(network, rng: &rng)
        return (network, rng)
    }
}
