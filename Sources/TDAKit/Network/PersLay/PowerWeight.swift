#if canImport(Glibc)
import Glibc
#endif

/// gudhi's `PowerPerslayWeight`: w(b, d) = c·|d − b|^q with c trainable (started at 1) and the
/// exponent q fixed (q = 0 is the constant weight, 0⁰ = 1 as in TensorFlow's pow).
public struct PowerWeight: PersLayWeight {
    public var tensors: [PersLayTensor]
    public let power: Double

    public init(power: Double) {
        self.power = power
        tensors = [PersLayTensor(name: "constant", shape: [1], values: [1])]
    }

    public var token: String { "weight=power:power=\(power)" }

    public func value(_ b: Double, _ d: Double) -> Double { tensors[0].values[0] * pow(abs(d - b), power) }

    public func accumulate(_ b: Double, _ d: Double, _ g: Double, into gradients: inout [[Double]]) -> (b: Double, d: Double) {
        let p = abs(d - b)
        gradients[0][0] += g * pow(p, power)
        guard power != 0, p > 0 else { return (0, 0) }
        let slope = g * tensors[0].values[0] * power * pow(p, power - 1) * (d >= b ? 1 : -1)
        return (-slope, slope)
    }
}
