/// gudhi's `GridPerslayWeight`: w(b, d) = W[⌊n(b − lo)/(hi − lo)⌋, ⌊n(d − lo)/(hi − lo)⌋], a
/// trainable n × n grid (birth index first, row-major) over [lo, hi]², started at 1 as in
/// PersLay's MUTAG model. Indices are clamped to the grid (gudhi's gather fails outside it), so a
/// test diagram slightly beyond the training fold's scaling uses the border cells.
public struct GridWeight: PersLayWeight {
    public var tensors: [PersLayTensor]
    public let size: Int
    public let lo: Double, hi: Double

    public init(size: Int, lo: Double, hi: Double) {
        self.size = size; self.lo = lo; self.hi = hi
        tensors = [PersLayTensor(name: "grid", shape: [size, size], values: [Double](repeating: 1, count: size * size))]
    }

    public var token: String { "weight=grid:grid=\(size)" }

    /// The cell of a coordinate: truncation toward zero as TensorFlow's float-to-int cast.
    func cell(_ x: Double) -> Int {
        let t = Double(size) * (x - lo) / (hi - lo)
        guard t.isFinite else { return 0 }
        return min(size - 1, max(0, Int(t.rounded(.towardZero))))
    }

    public func value(_ b: Double, _ d: Double) -> Double { tensors[0].values[cell(b) * size + cell(d)] }

    /// Piecewise constant: no gradient reaches the point.
    public func accumulate(_ b: Double, _ d: Double, _ g: Double, into gradients: inout [[Double]]) -> (b: Double, d: Double) {
        gradients[0][cell(b) * size + cell(d)] += g
        return (0, 0)
    }
}
