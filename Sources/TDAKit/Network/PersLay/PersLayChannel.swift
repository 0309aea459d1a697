/// PersLay on one diagram channel, in Float64: PersLay(D) = op{w(p)·φ(p) : p ∈ D} (Carrière et
/// al., AISTATS 2020; gudhi's `Perslay` with ρ the identity — our ρ is the rest of the network).
public struct PersLayChannel: Sendable {
    public var weight: any PersLayWeight
    public var phi: any PersLayPhi
    public let operation: PersLayOperation

    public init(weight: any PersLayWeight, phi: any PersLayPhi, operation: PersLayOperation) {
        self.weight = weight; self.phi = phi; self.operation = operation
    }

    /// Values of `forward`.
    public var outputCount: Int { phi.outputCount * operation.ranks }

    /// The channel's tensors: the weight's, then φ's.
    public var tensors: [PersLayTensor] {
        get { weight.tensors + phi.tensors }
        set {
            let split = weight.tensors.count
            weight.tensors = Array(newValue[..<split])
            phi.tensors = Array(newValue[split...])
        }
    }

    /// The vector of the diagram with births `b` and deaths `d`.
    public func forward(_ b: [Double], _ d: [Double]) -> [Double] {
        let m = phi.outputCount
        var v = vectors(b, d)
        var out = [Double](repeating: 0, count: outputCount)
        v.withUnsafeMutableBufferPointer { vp in
            out.withUnsafeMutableBufferPointer { operation.apply(vp.baseAddress!, n: b.count, m: m, into: $0.baseAddress!) }
        }
        return out
    }

    /// Gradients of ⟨g, forward(b, d)⟩: for the tensors (layout of `tensors`, added into
    /// `gradients`) and returned for the points (∂/∂b, ∂/∂d per point).
    @discardableResult
    public func backward(_ b: [Double], _ d: [Double], _ g: [Double], into gradients: inout [[Double]]) -> (b: [Double], d: [Double]) {
        let n = b.count, m = phi.outputCount, split = weight.tensors.count
        var values = [Double](repeating: 0, count: n * m), dv = values
        var weights = [Double](repeating: 0, count: n)
        values.withUnsafeMutableBufferPointer { fp in
            for i in 0..<n {
                phi.evaluate(b[i], d[i], into: fp.baseAddress! + i * m)
                weights[i] = weight.value(b[i], d[i])
            }
        }
        let v = (0..<(n * m)).map { values[$0] * weights[$0 / m] }
        v.withUnsafeBufferPointer { vp in
            g.withUnsafeBufferPointer { gp in
                dv.withUnsafeMutableBufferPointer { operation.backward(vp.baseAddress!, n: n, m: m, gp.baseAddress!, into: $0.baseAddress!) }
            }
        }
        var weightGradients = Array(gradients[..<split]), phiGradients = Array(gradients[split...])
        var db = [Double](repeating: 0, count: n), dd = db
        var dPhi = [Double](repeating: 0, count: m)
        for i in 0..<n {
            // v = w·φ: ∂/∂w = Σⱼ dvⱼφⱼ, ∂/∂φⱼ = w·dvⱼ.
            var dw = 0.0
            for j in 0..<m {
                dw += dv[i * m + j] * values[i * m + j]
                dPhi[j] = weights[i] * dv[i * m + j]
            }
            let fromWeight = weight.accumulate(b[i], d[i], dw, into: &weightGradients)
            let fromPhi = dPhi.withUnsafeBufferPointer { phi.accumulate(b[i], d[i], $0.baseAddress!, into: &phiGradients) }
            (db[i], dd[i]) = (fromWeight.b + fromPhi.b, fromWeight.d + fromPhi.d)
        }
        gradients = weightGradients + phiGradients
        return (db, dd)
    }

    /// vᵢ = w(pᵢ)·φ(pᵢ), row-major n × m.
    private func vectors(_ b: [Double], _ d: [Double]) -> [Double] {
        let n = b.count, m = phi.outputCount
        var v = [Double](repeating: 0, count: n * m)
        v.withUnsafeMutableBufferPointer { vp in
            for i in 0..<n {
                let row = vp.baseAddress! + i * m
                phi.evaluate(b[i], d[i], into: row)
                let w = weight.value(b[i], d[i])
                for j in 0..<m { row[j] *= w }
            }
        }
        return v
    }
}
