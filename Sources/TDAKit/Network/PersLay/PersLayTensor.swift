/// A trainable tensor of a PersLay weight or φ, in Float64: the layer copies its `Parameter`s
/// (Float32, what the optimiser updates) into these before each pass, so that the PersLay
/// formulas and their hand-written derivatives run, and are checked, in double precision.
public struct PersLayTensor: Sendable, Equatable {
    /// The name inside the layer's `state_dict` (`weight.grid`, `phi.sigma`).
    public var name: String
    public var shape: [Int]
    public var values: [Double]

    public init(name: String, shape: [Int], values: [Double]) {
        self.name = name; self.shape = shape; self.values = values
    }
}

/// A part of PersLay with trainable tensors (a weight function or a point transformation).
public protocol PersLayPart: Sendable {
    /// The tensors, in a fixed order; `accumulate` adds gradients in the same layout.
    var tensors: [PersLayTensor] { get set }
    /// The arguments that rebuild the part in an architecture token (`weight=grid:grid=10`).
    var token: String { get }
}

extension PersLayPart {
    /// Zero gradients laid out as `tensors`.
    public func zeroGradients() -> [[Double]] { tensors.map { [Double](repeating: 0, count: $0.values.count) } }
}
