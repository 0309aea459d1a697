/// The line φ of PersLay's paper (legacy `perslay` "line" layer): φⱼ = αⱼb + βⱼd + γⱼ, projections
/// of the point on trainable lines, started at the directions (cos kπ/n, sin kπ/n) with γ = 0
/// (the fixed `line` of perslay-vec).
public struct LinePhi: PersLayPhi {
    public var tensors: [PersLayTensor]
    public let count: Int

    public init(count: Int) {
        self.count = count
        var values = [Double](repeating: 0, count: 3 * count)
        for k in 0..<count {
            let angle = Double(k) * .pi / Double(count)
            (values[3 * k], values[3 * k + 1]) = (cosValue(angle), sinValue(angle))
        }
        tensors = [PersLayTensor(name: "lines", shape: [count, 3], values: values)]
    }

    public var token: String { "phi=line:lines=\(count)" }
    public var outputCount: Int { count }

    public func evaluate(_ b: Double, _ d: Double, into out: UnsafeMutablePointer<Double>) {
        let l = tensors[0].values
        for j in 0..<count { out[j] = l[3 * j] * b + l[3 * j + 1] * d + l[3 * j + 2] }
    }

    public func accumulate(_ b: Double, _ d: Double, _ g: UnsafePointer<Double>, into gradients: inout [[Double]]) -> (b: Double, d: Double) {
        let l = tensors[0].values
        var db = 0.0, dd = 0.0
        for j in 0..<count {
            gradients[0][3 * j] += g[j] * b
            gradients[0][3 * j + 1] += g[j] * d
            gradients[0][3 * j + 2] += g[j]
            db += g[j] * l[3 * j]
            dd += g[j] * l[3 * j + 1]
        }
        return (db, dd)
    }
}
