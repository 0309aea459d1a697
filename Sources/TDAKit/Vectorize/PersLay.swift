#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `perslay`: the PersLay form op({w(p) · φ(p) : p ∈ D}) (Carrière et al. 2020) with fixed,
/// non-learned parameters, following gudhi.tensorflow.perslay where it has the piece.
///
/// φ (`phi=`):
/// - `gaussian` (default): gudhi's `GaussianPerslayPhi` — on (b, d − b), a Gaussian of σ = `variance`
///   evaluated at the grid x = x0 + i(x1 − x0)/nx (i < nx), y likewise (`image_size=nx,ny`,
///   `image_bnds=x0,x1,y0,y1`): exp(−((b − x)² + (d − b − y)²)/(2σ²)) / (2πσ²), values row by row in y.
/// - `exponential`: the same grid with the Laplace kernel exp(−‖(b, d − b) − (x, y)‖₂ / σ).
/// - `tent`: gudhi's `TentPerslayPhi` — max(0, (d − b)/2 − |s − (b + d)/2|) at the samples
///   s = linspace(`sample_range`, `resolution`).
/// - `line`: ⟨(b, d), (cos θₖ, sin θₖ)⟩ for θₖ = kπ/`num_lines`, k < num_lines.
/// w (`weight=`): `constant`, `linear`, `power` (see `PointWeight`), or `grid` — gudhi's
/// `GridPerslayWeight`: `grid=v,...` (gx · gy values, row-major) over `grid_size=gx,gy` and
/// `grid_bnds=x0,x1,y0,y1`, the value at cell (⌊gx(b − x0)/(x1 − x0)⌋, ⌊gy(d − y0)/(y1 − y0)⌋),
/// clamped to the grid (gudhi fails outside it).
/// op (`op=`): `sum` (default), `mean`, `max`, `topk` with `k=` (the k largest of each coordinate,
/// values coordinate by coordinate); an empty diagram gives zeros (gudhi pads top-k with −1e10).
public struct PersLay: Vectorization {
    public static let name = "perslay"
    public static let summary = "PersLay op({w(p)·φ(p)}) with fixed φ, w and op"

    enum Phi: Sendable {
        case gaussian(xs: [Double], ys: [Double], sigma: Double, laplace: Bool)
        case tent(samples: [Double])
        case line(directions: [(Double, Double)])
    }
    enum Weight: Sendable {
        case point(PointWeight)
        case grid(values: [Double], size: [Int], bounds: [Double])
    }
    enum Operation: String, Sendable { case sum, mean, max, topk }

    let phi: Phi
    let weight: Weight
    let operation: Operation
    let k: Int
    let width: Int

    public init(parameters: inout VectorizationParameters) throws {
        switch try parameters.choice("phi", ["gaussian", "exponential", "tent", "line"], default: "gaussian") {
        case "tent":
            let range = try parameters.doubles("sample_range", count: 2, default: [0, 1])
            guard range[0] <= range[1] else {
                throw VectorizationError.emptyRange(vectorization: Self.name, parameter: "sample_range", low: range[0], high: range[1])
            }
            let resolution = try parameters.int("resolution", default: 10, minimum: 1)
            try parameters.checkLength(Double(resolution), asked: "resolution=\(resolution)")
            phi = .tent(samples: linspace(range[0], range[1], resolution))
        case "line":
            let q = try parameters.int("num_lines", default: 8, minimum: 1)
            try parameters.checkLength(Double(q), asked: "num_lines=\(q)")
            phi = .line(directions: (0..<q).map { (cos(Double($0) * .pi / Double(q)), sin(Double($0) * .pi / Double(q))) })
        case let kind:
            let size = try parameters.ints("image_size", count: 2, default: [10, 10], minimum: 1)
            let bounds = try parameters.doubles("image_bnds", count: 4, default: [0, 1, 0, 1])
            let sigma = try parameters.double("variance", default: 0.1)
            guard sigma > 0 else { throw parameters.invalid("variance", "\(sigma)", "positive") }
            for axis in 0..<2 where !(bounds[2 * axis] < bounds[2 * axis + 1]) {
                throw VectorizationError.emptyRange(vectorization: Self.name, parameter: "image_bnds",
                                                    low: bounds[2 * axis], high: bounds[2 * axis + 1])
            }
            let axes = (0..<2).map { a in
                (0..<size[a]).map { bounds[2 * a] + Double($0) * (bounds[2 * a + 1] - bounds[2 * a]) / Double(size[a]) }
            }
            phi = .gaussian(xs: axes[0], ys: axes[1], sigma: sigma, laplace: kind == "exponential")
        }
        let weightKind = try parameters.choice("weight", PointWeight.kinds + ["grid"], default: "constant")
        if weightKind == "grid" {
            let size = try parameters.ints("grid_size", count: 2, default: [1, 1], minimum: 1)
            let bounds = try parameters.doubles("grid_bnds", count: 4, default: [0, 1, 0, 1])
            let values = try parameters.doubles("grid", count: size[0] * size[1], default: [Double](repeating: 1, count: size[0] * size[1]))
            for axis in 0..<2 where !(bounds[2 * axis] < bounds[2 * axis + 1]) {
                throw VectorizationError.emptyRange(vectorization: Self.name, parameter: "grid_bnds",
                                                    low: bounds[2 * axis], high: bounds[2 * axis + 1])
            }
            weight = .grid(values: values, size: size, bounds: bounds)
        } else {
            weight = .point(try PointWeight(kind: weightKind, parameters: &parameters))
        }
        operation = Operation(rawValue: try parameters.choice("op", ["sum", "mean", "max", "topk"], default: "sum")) ?? .sum
        k = try parameters.int("k", default: 1, minimum: 1)
        switch phi {
        case let .gaussian(xs, ys, _, _): width = xs.count * ys.count
        case let .tent(samples): width = samples.count
        case let .line(directions): width = directions.count
        }
    }

    public var valueNames: [String] {
        let base = (0..<width).map { "f\($0)" }
        return operation == .topk ? base.flatMap { f in (1...k).map { "\(f)_top\($0)" } } : base
    }

    func transform(_ p: PersistencePair, into out: inout [Double]) {
        switch phi {
        case let .gaussian(xs, ys, sigma, laplace):
            let persistence = p.death - p.birth
            var i = 0
            for y in ys {
                for x in xs {
                    let squared = (p.birth - x) * (p.birth - x) + (persistence - y) * (persistence - y)
                    out[i] = laplace ? exp(-squared.squareRoot() / sigma) : exp(-squared / (2 * sigma * sigma)) / (2 * .pi * sigma * sigma)
                    i += 1
                }
            }
        case let .tent(samples):
            for (i, s) in samples.enumerated() { out[i] = max(0, (p.death - p.birth) / 2 - abs(s - (p.birth + p.death) / 2)) }
        case let .line(directions):
            for (i, e) in directions.enumerated() { out[i] = p.birth * e.0 + p.death * e.1 }
        }
    }

    func weightOf(_ p: PersistencePair) -> Double {
        switch weight {
        case let .point(w): return w(p)
        case let .grid(values, size, bounds):
            let cell = [p.birth, p.death].enumerated().map { axis, coordinate in
                let position = Double(size[axis]) * (coordinate - bounds[2 * axis]) / (bounds[2 * axis + 1] - bounds[2 * axis])
                return Int(min(max(position.rounded(.towardZero), 0), Double(size[axis] - 1)))
            }
            return values[cell[0] * size[1] + cell[1]]
        }
    }

    public func vectorize(_ points: [PersistencePair], into values: inout [Double]) {
        var phi = [Double](repeating: 0, count: width)
        var columns = [[Double]](repeating: [], count: operation == .topk ? width : 0)
        var accumulator = [Double](repeating: operation == .max && !points.isEmpty ? -.infinity : 0, count: width)
        for p in points {
            transform(p, into: &phi)
            let w = weightOf(p)
            for c in 0..<width {
                let v = w * phi[c]
                switch operation {
                case .sum, .mean: accumulator[c] += v
                case .max: accumulator[c] = max(accumulator[c], v)
                case .topk: columns[c].append(v)
                }
            }
        }
        switch operation {
        case .sum, .max: values += accumulator
        case .mean: values += accumulator.map { points.isEmpty ? 0 : $0 / Double(points.count) }
        case .topk:
            for column in columns {
                let top = column.sorted(by: >).prefix(k)
                values += top + [Double](repeating: 0, count: k - top.count)
            }
        }
    }
}
