/// The weight w(p) of a diagram point p = (b, d) in PersLay(D) = op{w(p)·φ(p)}; gudhi's
/// `GridPerslayWeight`, `GaussianMixturePerslayWeight` and `PowerPerslayWeight`.
public protocol PersLayWeight: PersLayPart {
    func value(_ b: Double, _ d: Double) -> Double
    /// Adds g·∂w/∂θ to `gradients` (laid out as `tensors`) and returns g·(∂w/∂b, ∂w/∂d).
    func accumulate(_ b: Double, _ d: Double, _ g: Double, into gradients: inout [[Double]]) -> (b: Double, d: Double)
}
