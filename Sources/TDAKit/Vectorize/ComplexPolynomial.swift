#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `polynomial`: coefficients of the complex polynomial whose roots are the diagram points
/// (Di Fabio and Ferri 2015), as gudhi.representations.ComplexPolynomial. Roots by
/// `polynomial_type`: R: b + i d; S: (b + i d)(d − b) / (√2 α) with α = ‖(b, d)‖ (1 when 0);
/// T: (d − b)/2 · (cos α − sin α + i (cos α + sin α)). The values are the coefficients of
/// x^(N−1), x^(N−2), … (the monic leading one dropped), the first `threshold` (10), zero-padded,
/// each as real then imaginary part.
public struct ComplexPolynomial: Vectorization {
    public static let name = "polynomial"
    public static let summary = "coefficients of the complex polynomial with the points as roots (gudhi ComplexPolynomial)"

    public var polynomialType: String
    public var threshold: Int

    public init(parameters: inout VectorizationParameters) throws {
        polynomialType = try parameters.choice("polynomial_type", ["R", "S", "T"], default: "R")
        threshold = try parameters.int("threshold", default: 10, minimum: 1)
    }

    public var valueNames: [String] { (1...threshold).flatMap { ["c\($0)_re", "c\($0)_im"] } }

    func root(_ p: PersistencePair) -> (re: Double, im: Double) {
        let (b, d) = (p.birth, p.death)
        let alpha = (b * b + d * d).squareRoot()
        switch polynomialType {
        case "S":
            let scale = (d - b) / (2.0.squareRoot() * (alpha == 0 ? 1 : alpha))
            return (b * scale, d * scale)
        case "T":
            let r = (d - b) / 2
            return (r * (cos(alpha) - sin(alpha)), r * (cos(alpha) + sin(alpha)))
        default:
            return (b, d)
        }
    }

    public func vectorize(_ points: [PersistencePair], into values: inout [Double]) {
        // coefficients[k] multiplies x^(n − k): multiply by (x − r) one root at a time.
        var re = [1.0], im = [0.0]
        for p in points {
            let r = root(p)
            re.append(0)
            im.append(0)
            for k in stride(from: re.count - 1, through: 1, by: -1) {
                re[k] -= r.re * re[k - 1] - r.im * im[k - 1]
                im[k] -= r.re * im[k - 1] + r.im * re[k - 1]
            }
        }
        for k in 1...threshold {
            values += k < re.count ? [re[k], im[k]] : [0, 0]
        }
    }
}
