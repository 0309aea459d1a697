#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `image`: the persistence image (Adams et al. 2017) as gudhi.representations.PersistenceImage.
/// Points move to (b, d − b); pixel (i, j) at x = linspace(im_range[0], im_range[1], resolution[0])[i],
/// y = linspace(im_range[2], im_range[3], resolution[1])[j] holds
/// Σₖ w(pₖ) exp(−((bₖ − x)² + (dₖ − bₖ − y)²) / (2σ²)) / (2πσ²); values row by row in y, then x.
/// Parameters: `bandwidth` σ (1), `weight` (see `PointWeight`), `resolution=nx,ny` (20,20),
/// `im_range=xmin,xmax,ymin,ymax` (`nan` ends fitted as gudhi: min/max of births and persistences).
public struct PersistenceImage: Vectorization {
    public static let name = "image"
    public static let summary = "persistence image on a birth–persistence grid (gudhi PersistenceImage)"

    public var bandwidth: Double
    public var weight: PointWeight
    public var resolution: [Int]
    public var range: [Double]

    public init(parameters: inout VectorizationParameters) throws {
        bandwidth = try parameters.double("bandwidth", default: 1)
        weight = try PointWeight(parameters: &parameters)
        resolution = try parameters.ints("resolution", count: 2, default: [20, 20], minimum: 1)
        try parameters.checkLength(Double(resolution[0]) * Double(resolution[1]), asked: "resolution=\(resolution[0]),\(resolution[1])")
        range = try parameters.doubles("im_range", count: 4, default: [.nan, .nan, .nan, .nan])
        guard bandwidth > 0 else { throw parameters.invalid("bandwidth", "\(bandwidth)", "positive") }
        for axis in 0..<2 where !(range[2 * axis] <= range[2 * axis + 1]) && !range[2 * axis].isNaN && !range[2 * axis + 1].isNaN {
            throw VectorizationError.emptyRange(vectorization: Self.name, parameter: "im_range",
                                                low: range[2 * axis], high: range[2 * axis + 1])
        }
    }

    public var needsFit: Bool { range.contains { $0.isNaN } }

    public var valueNames: [String] {
        (0..<resolution[1]).flatMap { j in (0..<resolution[0]).map { i in "p\(j)_\(i)" } }
    }

    public func fitted(to diagrams: [[PersistencePair]]) -> PersistenceImage {
        let points = Array(diagrams.joined())
        guard !points.isEmpty else { return self }
        let births = points.map(\.birth), persistences = points.map { $0.death - $0.birth }
        let data = [births.min(), births.max(), persistences.min(), persistences.max()].map { $0 ?? .nan }
        var copy = self
        copy.range = zip(range, data).map { $0.isNaN ? $1 : $0 }
        return copy
    }

    public func vectorize(_ points: [PersistencePair], into values: inout [Double]) {
        let xs = linspace(range[0], range[1], resolution[0]), ys = linspace(range[2], range[3], resolution[1])
        let twoSigma2 = 2 * bandwidth * bandwidth, norm = 1 / (bandwidth * bandwidth * 2 * Double.pi)
        let start = values.count, nx = xs.count, ny = ys.count
        values.append(contentsOf: repeatElement(0, count: nx * ny))
        // The Gaussian is separable: nx + ny exponentials per point (eight at a time, `VectorExp`,
        // gx in g[0 ..< nx] and gy after it), then a rank-one update of the image through raw
        // pointers (bounds-checked subscripts kept this loop from vectorising).
        let padded = VectorExp.padded(nx + ny)
        let g = UnsafeMutablePointer<Double>.allocate(capacity: padded)
        defer { g.deallocate() }
        values.withUnsafeMutableBufferPointer { image in
            guard let out = image.baseAddress.map({ $0 + start }) else { return }
            let gy = g + nx
            for p in points {
                let persistence = p.death - p.birth
                for i in 0..<nx { g[i] = -(xs[i] - p.birth) * (xs[i] - p.birth) / twoSigma2 }
                for j in 0..<ny { gy[j] = -(persistence - ys[j]) * (persistence - ys[j]) / twoSigma2 }
                for i in (nx + ny)..<padded { g[i] = 0 }
                VectorExp.exponentiate(g, count: padded)
                let w = weight(p) * norm
                for j in 0..<ny {
                    let row = out + j * nx, scale = w * gy[j]
                    for i in 0..<nx { row[i] += scale * g[i] }
                }
            }
        }
    }
}
