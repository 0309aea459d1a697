#if canImport(Glibc)
import Glibc
#endif

/// gudhi's `GaussianMixturePerslayWeight`: w(b, d) = Σⱼ exp(−(b − μxⱼ)²/σxⱼ² − (d − μyⱼ)²/σyⱼ²)
/// with the tensor laid out as gudhi's 4 × n array (rows μx, μy, σx, σy), σ started at `sigma`.
public struct GaussianMixtureWeight: PersLayWeight {
    public var tensors: [PersLayTensor]
    public let count: Int
    let initialSigma: Double

    /// `count` Gaussians; mean j starts at birth lo + (j+½)/count·(hi−lo) and death
    /// (birth + hi)/2, so that the band above the diagonal is covered.
    public init(count: Int, sigma: Double, lo: Double, hi: Double) {
        self.count = count
        initialSigma = sigma
        var values = [Double](repeating: sigma, count: 4 * count)
        for j in 0..<count {
            let b = lo + (Double(j) + 0.5) / Double(count) * (hi - lo)
            values[j] = b
            values[count + j] = (b + hi) / 2
        }
        tensors = [PersLayTensor(name: "gaussians", shape: [4, count], values: values)]
    }

    public var token: String { "weight=gmix:gaussians=\(count):wsigma=\(initialSigma)" }

    public func value(_ b: Double, _ d: Double) -> Double {
        let w = tensors[0].values, n = count
        var total = 0.0
        for j in 0..<n {
            let u = (b - w[j]) / w[2 * n + j], v = (d - w[n + j]) / w[3 * n + j]
            total += exp(-(u * u + v * v))
        }
        return total
    }

    /// ∂e/∂μ = 2e(p − μ)/σ², ∂e/∂σ = 2e(p − μ)²/σ³, ∂e/∂p = −∂e/∂μ.
    public func accumulate(_ b: Double, _ d: Double, _ g: Double, into gradients: inout [[Double]]) -> (b: Double, d: Double) {
        let w = tensors[0].values, n = count
        var db = 0.0, dd = 0.0
        for j in 0..<n {
            let (sx, sy) = (w[2 * n + j], w[3 * n + j])
            let (px, py) = (b - w[j], d - w[n + j])
            let e = g * exp(-(px * px / (sx * sx) + py * py / (sy * sy)))
            let (gx, gy) = (2 * e * px / (sx * sx), 2 * e * py / (sy * sy))
            gradients[0][j] += gx
            gradients[0][n + j] += gy
            gradients[0][2 * n + j] += gx * px / sx
            gradients[0][3 * n + j] += gy * py / sy
            db -= gx
            dd -= gy
        }
        return (db, dd)
    }
}
