#if canImport(Glibc)
import Glibc
#endif

/// TOGL's coordinate functions (Horn et al., 2022, after Hofer et al., 2017): maps of a
/// persistence point (b, d) to `Self.width` numbers, three of each kind, with parameters
/// shared by all filtrations of a layer:
/// - triangle: relu(d − |tⱼ − b|);
/// - Gaussian: exp(−((b − tⱼ)² + (d − tⱼ)²) / 2σ²), centred on the diagonal;
/// - line: wⱼ·(b, d) + cⱼ;
/// - rational hat: 1/(1 + ‖p − cⱼ‖₁) − 1/(1 + ||r| − ‖p − cⱼ‖₁|).
///
/// Parameters are one flat vector in that order (`names`, `shapes`); evaluation and
/// derivatives are in Float64 so finite-difference checks can be tight.
struct CoordinateFunctions {
    static let perKind = 3
    static let width = 4 * perKind
    static let names = ["triangle", "gaussian", "sigma", "line.weight", "line.bias", "hat.center", "hat.radius"]
    static let shapes = [[perKind], [perKind], [1], [perKind, 2], [perKind], [perKind, 2], [1]]
    static let count = shapes.reduce(0) { $0 + $1.reduce(1, *) }
    // Offsets of each parameter in the flat vector.
    static let triangle = 0, gaussian = 3, sigma = 6, lineWeight = 7, lineBias = 13, hatCenter = 16, hatRadius = 22

    /// The `width` values of (b, d) under parameters `p` (flat, `count`), written to `out`.
    static func evaluate(_ b: Double, _ d: Double, _ p: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let sigma = p[Self.sigma], radius = abs(p[hatRadius])
        for j in 0..<perKind {
            let t = p[triangle + j]
            out[j] = max(0, d - abs(t - b))
            let g = p[gaussian + j], q = (b - g) * (b - g) + (d - g) * (d - g)
            out[perKind + j] = exp(-q / (2 * sigma * sigma))
            out[2 * perKind + j] = p[lineWeight + 2 * j] * b + p[lineWeight + 2 * j + 1] * d + p[lineBias + j]
            let s = abs(b - p[hatCenter + 2 * j]) + abs(d - p[hatCenter + 2 * j + 1])
            out[3 * perKind + j] = 1 / (1 + s) - 1 / (1 + abs(radius - s))
        }
    }

    /// Given the gradient `g` of the `width` outputs at (b, d), adds the parameters' gradient to
    /// `dp` and returns the gradient with respect to b and d.
    static func backward(_ b: Double, _ d: Double, _ p: UnsafePointer<Double>, _ g: UnsafePointer<Double>,
                         into dp: UnsafeMutablePointer<Double>) -> (b: Double, d: Double) {
        var (db, dd) = (0.0, 0.0)
        let sigma = p[Self.sigma], radius = abs(p[hatRadius])
        for j in 0..<perKind {
            let t = p[triangle + j]
            if d - abs(t - b) > 0 {
                let gt = g[j], s = sign(t - b)
                dd += gt
                db += gt * s
                dp[triangle + j] -= gt * s
            }
            let c = p[gaussian + j], q = (b - c) * (b - c) + (d - c) * (d - c)
            let e = exp(-q / (2 * sigma * sigma)) * g[perKind + j], s2 = sigma * sigma
            db -= e * (b - c) / s2
            dd -= e * (d - c) / s2
            dp[gaussian + j] += e * ((b - c) + (d - c)) / s2
            dp[Self.sigma] += e * q / (s2 * sigma)
            let gl = g[2 * perKind + j]
            db += gl * p[lineWeight + 2 * j]
            dd += gl * p[lineWeight + 2 * j + 1]
            dp[lineWeight + 2 * j] += gl * b
            dp[lineWeight + 2 * j + 1] += gl * d
            dp[lineBias + j] += gl
            let (cb, cd) = (p[hatCenter + 2 * j], p[hatCenter + 2 * j + 1])
            let s = abs(b - cb) + abs(d - cd), u = radius - s, gh = g[3 * perKind + j]
            let ds = -1 / ((1 + s) * (1 + s)) - sign(u) / ((1 + abs(u)) * (1 + abs(u)))
            db += gh * ds * sign(b - cb)
            dd += gh * ds * sign(d - cd)
            dp[hatCenter + 2 * j] -= gh * ds * sign(b - cb)
            dp[hatCenter + 2 * j + 1] -= gh * ds * sign(d - cd)
            dp[hatRadius] += gh * sign(u) / ((1 + abs(u)) * (1 + abs(u))) * sign(p[hatRadius])
        }
        return (db, dd)
    }

    /// −1, 0 or 1 (PyTorch's `sign`, the derivative of |x| it uses, 0 at 0).
    private static func sign(_ x: Double) -> Double { x > 0 ? 1 : (x < 0 ? -1 : 0) }

    /// TOGL's initial values: triangle and Gaussian centres and the hat's centres and radius
    /// N(0, 0.1²), σ = 1, and the line as PyTorch's `nn.Linear(2, 3)`.
    static func initial<G: RandomNumberGenerator>(_ rng: inout G) -> [Double] {
        var p = [Double](repeating: 0, count: count)
        for j in 0..<perKind { p[triangle + j] = 0.1 * NetworkRandom.normal(&rng) }
        for j in 0..<perKind { p[gaussian + j] = 0.1 * NetworkRandom.normal(&rng) }
        p[sigma] = 1
        let bound = 1 / 2.0.squareRoot()
        for k in 0..<(2 * perKind) { p[lineWeight + k] = NetworkRandom.uniform(-bound, bound, &rng) }
        for j in 0..<perKind { p[lineBias + j] = NetworkRandom.uniform(-bound, bound, &rng) }
        for k in 0..<(2 * perKind) { p[hatCenter + k] = 0.1 * NetworkRandom.normal(&rng) }
        p[hatRadius] = 0.1 * NetworkRandom.normal(&rng)
        return p
    }
}
