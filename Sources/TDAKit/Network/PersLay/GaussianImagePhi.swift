#if canImport(Glibc)
import Glibc
#endif

/// gudhi's `GaussianPerslayPhi`: the point moved to (b, d − b) and a Gaussian of trainable σ
/// evaluated on an n × n grid over [lo, hi]²: φ[i][j] = exp(−((b − xⱼ)² + (d − b − yᵢ)²)/(2σ²))
/// / (2πσ²), rows i along the persistence axis (meshgrid 'xy'), values row by row.
public struct GaussianImagePhi: PersLayPhi {
    public var tensors: [PersLayTensor]
    public let size: Int
    public let lo: Double, hi: Double
    let grid: [Double]
    let initialSigma: Double

    public init(size: Int, lo: Double, hi: Double, sigma: Double) {
        self.size = size; self.lo = lo; self.hi = hi
        initialSigma = sigma
        grid = persLayGrid(lo, hi, size)
        tensors = [PersLayTensor(name: "sigma", shape: [1], values: [sigma])]
    }

    public var token: String { "phi=gaussian:size=\(size):sigma=\(initialSigma)" }
    public var outputCount: Int { size * size }
    public var imageSize: (rows: Int, cols: Int)? { (size, size) }

    public func evaluate(_ b: Double, _ d: Double, into out: UnsafeMutablePointer<Double>) {
        let s2 = 2 * tensors[0].values[0] * tensors[0].values[0], norm = 1 / (.pi * s2), p = d - b
        for i in 0..<size {
            let v = p - grid[i]
            for j in 0..<size {
                let u = b - grid[j]
                out[i * size + j] = exp(-(u * u + v * v) / s2) * norm
            }
        }
    }

    /// ∂g/∂σ = g(r²/σ³ − 2/σ); ∂g/∂b = −g((b − x) − (p − y))/σ²; ∂g/∂d = −g(p − y)/σ².
    public func accumulate(_ b: Double, _ d: Double, _ g: UnsafePointer<Double>, into gradients: inout [[Double]]) -> (b: Double, d: Double) {
        let sigma = tensors[0].values[0], s2 = sigma * sigma, norm = 1 / (2 * .pi * s2), p = d - b
        var dSigma = 0.0, du = 0.0, dv = 0.0
        for i in 0..<size {
            let v = p - grid[i]
            for j in 0..<size {
                let u = b - grid[j], r2 = u * u + v * v
                let value = g[i * size + j] * exp(-r2 / (2 * s2)) * norm
                dSigma += value * (r2 / (s2 * sigma) - 2 / sigma)
                du -= value * u / s2
                dv -= value * v / s2
            }
        }
        gradients[0][0] += dSigma
        return (du - dv, dv)
    }
}
