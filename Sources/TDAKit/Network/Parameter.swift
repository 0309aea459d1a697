/// A trainable tensor (weight or bias) with its gradient, shared by the layer that owns it
/// and the optimiser that updates it.
public final class Parameter {
    /// The short name inside its layer, as in PyTorch's `state_dict` (`weight`, `bias`).
    public let name: String
    /// PyTorch's shape, e.g. `[out, in]` for a dense weight, `[out, in, kh, kw]` for a conv weight.
    public let shape: [Int]
    public var value: [Float]
    public var gradient: [Float]
    /// False for running statistics, which the optimiser must not touch.
    public let isTrainable: Bool

    public init(name: String, shape: [Int], value: [Float], isTrainable: Bool = true) {
        self.name = name
        self.shape = shape
        self.value = value
        self.isTrainable = isTrainable
        gradient = [Float](repeating: 0, count: value.count)
    }

    public var count: Int { value.count }
}
