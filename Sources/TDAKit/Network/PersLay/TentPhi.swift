/// gudhi's `TentPerslayPhi`: φⱼ = max(0, (d − b)/2 − |tⱼ − (b + d)/2|) at trainable samples tⱼ,
/// started at `count` grid points over [lo, hi].
public struct TentPhi: PersLayPhi {
    public var tensors: [PersLayTensor]
    public let count: Int
    public let lo: Double, hi: Double

    public init(count: Int, lo: Double, hi: Double) {
        self.count = count; self.lo = lo; self.hi = hi
        tensors = [PersLayTensor(name: "samples", shape: [count], values: persLayGrid(lo, hi, count))]
    }

    public var token: String { "phi=tent:samples=\(count)" }
    public var outputCount: Int { count }

    public func evaluate(_ b: Double, _ d: Double, into out: UnsafeMutablePointer<Double>) {
        for (j, t) in tensors[0].values.enumerated() { out[j] = max(0, tentArgument(t, b, d)) }
    }

    /// Where the tent is positive: ∂/∂t = −sgn(t − m), ∂/∂b = (sgn − 1)/2, ∂/∂d = (sgn + 1)/2.
    public func accumulate(_ b: Double, _ d: Double, _ g: UnsafePointer<Double>, into gradients: inout [[Double]]) -> (b: Double, d: Double) {
        var db = 0.0, dd = 0.0
        for (j, t) in tensors[0].values.enumerated() where tentArgument(t, b, d) > 0 {
            let s: Double = t >= (b + d) / 2 ? 1 : -1
            gradients[0][j] -= g[j] * s
            db += g[j] * (s - 1) / 2
            dd += g[j] * (s + 1) / 2
        }
        return (db, dd)
    }
}

/// (d − b)/2 − |t − (b + d)/2|: the tent of the bar [b, d] at t before clipping at 0, shared by
/// the tent and flat φ.
@inline(__always)
func tentArgument(_ t: Double, _ b: Double, _ d: Double) -> Double { (d - b) / 2 - abs(t - (b + d) / 2) }
