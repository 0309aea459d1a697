/// The point transformation φ(p) of PersLay(D) = op{w(p)·φ(p)}, a vector of `outputCount`
/// values; gudhi's `GaussianPerslayPhi`, `TentPerslayPhi`, `FlatPerslayPhi`, and a line φ.
public protocol PersLayPhi: PersLayPart {
    var outputCount: Int { get }
    /// (rows, columns) when φ is an image (rows = the persistence axis, as gudhi's meshgrid),
    /// so that the layer's output can feed a convolution; nil for a 1-D vector.
    var imageSize: (rows: Int, cols: Int)? { get }
    /// Writes φ(b, d) to `out[0..<outputCount]`.
    func evaluate(_ b: Double, _ d: Double, into out: UnsafeMutablePointer<Double>)
    /// Adds Σⱼ gⱼ·∂φⱼ/∂θ to `gradients` and returns Σⱼ gⱼ·(∂φⱼ/∂b, ∂φⱼ/∂d).
    func accumulate(_ b: Double, _ d: Double, _ g: UnsafePointer<Double>, into gradients: inout [[Double]]) -> (b: Double, d: Double)
}

extension PersLayPhi {
    public var imageSize: (rows: Int, cols: Int)? { nil }
}

/// `count` samples lo + i·(hi − lo)/count, i < count: gudhi's grids (`tf.range(lo, hi, step)`),
/// built as i·step so that rounding never adds a sample.
func persLayGrid(_ lo: Double, _ hi: Double, _ count: Int) -> [Double] {
    let step = (hi - lo) / Double(count)
    return (0..<count).map { lo + Double($0) * step }
}
