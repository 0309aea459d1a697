#if canImport(Glibc)
import Glibc
#endif

/// gudhi's `FlatPerslayPhi`: φⱼ = sigmoid(θ·((d − b)/2 − |tⱼ − (b + d)/2|)), a smooth indicator
/// of the bar at trainable samples tⱼ with a trainable sharpness θ.
public struct FlatPhi: PersLayPhi {
    public var tensors: [PersLayTensor]
    public let count: Int
    public let lo: Double, hi: Double
    let initialTheta: Double

    public init(count: Int, lo: Double, hi: Double, theta: Double) {
        self.count = count; self.lo = lo; self.hi = hi
        initialTheta = theta
        tensors = [PersLayTensor(name: "samples", shape: [count], values: persLayGrid(lo, hi, count)),
                   PersLayTensor(name: "theta", shape: [1], values: [theta])]
    }

    public var token: String { "phi=flat:samples=\(count):theta=\(initialTheta)" }
    public var outputCount: Int { count }

    public func evaluate(_ b: Double, _ d: Double, into out: UnsafeMutablePointer<Double>) {
        let theta = tensors[1].values[0]
        for (j, t) in tensors[0].values.enumerated() { out[j] = 1 / (1 + exp(-theta * tentArgument(t, b, d))) }
    }

    /// With s = sigmoid(θu): ∂/∂θ = s(1 − s)u and ∂/∂x = s(1 − s)θ·∂u/∂x for x = t, b, d.
    public func accumulate(_ b: Double, _ d: Double, _ g: UnsafePointer<Double>, into gradients: inout [[Double]]) -> (b: Double, d: Double) {
        let theta = tensors[1].values[0]
        var db = 0.0, dd = 0.0
        for (j, t) in tensors[0].values.enumerated() {
            let u = tentArgument(t, b, d), s = 1 / (1 + exp(-theta * u))
            let slope = g[j] * s * (1 - s), sign: Double = t >= (b + d) / 2 ? 1 : -1
            gradients[1][0] += slope * u
            gradients[0][j] -= slope * theta * sign
            db += slope * theta * (sign - 1) / 2
            dd += slope * theta * (sign + 1) / 2
        }
        return (db, dd)
    }
}
