/// Splits the lens image into overlapping cover elements (intervals, or cubes for a
/// multi-dimensional lens).
public protocol Cover: Sendable {
    /// The non-empty cover elements of the lens values (rows = points), each as ascending row
    /// indices. Elements are in KeplerMapper's order and empty ones are dropped *before*
    /// numbering, as `kmapper.Cover.transform` does, so element `i` is KeplerMapper's `cube<i>`.
    func elements(lens: Matrix<Double>) throws -> [[Int]]
}

/// The covers by command-line name (`--cover`).
public enum CoverRegistry {
    public static let entries: [(name: String, summary: String)] = [
        ("uniform", "equal-width overlapping intervals, exactly kmapper.Cover(n_cubes, perc_overlap)"),
        ("balanced", "the uniform cover of each lens coordinate's ranks: equal point counts per interval"),
    ]

    public static var names: [String] { entries.map(\.name) }

    public static func make(_ name: String, intervals: Int, overlap: Double) throws -> any Cover {
        let uniform = try UniformCover(intervals: intervals, overlap: overlap)
        switch name {
        case "uniform": return uniform
        case "balanced": return BalancedCover(uniform: uniform)
        default: throw MapperError.unknownName(kind: "cover", name: name, known: names)
        }
    }
}

/// KeplerMapper's `Cover(n_cubes, perc_overlap)`, with the same floating-point steps so that
/// points exactly on a cube edge land in the same cubes. Per lens dimension, with `lo`/`hi`
/// the lens minimum/maximum and `n` intervals:
///
///     range  = hi - lo
///     inset  = (range - ((n - 1) / n) * range) / 2
///     radius = range / (2 n (1 - overlap))
///     centre = numpy.linspace(lo + inset, hi - inset, n)   (start + k * step; last = stop)
///
/// and a point is in a cube when `centre - radius <= x <= centre + radius` in every dimension
/// (closed at both ends). Cubes are the product of the per-dimension intervals, last dimension
/// varying fastest (`itertools.product`).
public struct UniformCover: Cover {
    public let intervals: Int
    public let overlap: Double

    public init(intervals: Int, overlap: Double) throws {
        guard intervals >= 1 else { throw MapperError.badIntervals(intervals) }
        guard overlap >= 0, overlap < 1 else { throw MapperError.badOverlap(overlap) }
        self.intervals = intervals
        self.overlap = overlap
    }

    /// The closed intervals `[centre - radius, centre + radius]` of one lens dimension.
    public func intervals(lo: Double, hi: Double) -> [ClosedRange<Double>] {
        let axis = IntervalAxis(cover: self, lo: lo, hi: hi)
        return (0..<intervals).map(axis.interval)
    }

    public func elements(lens: Matrix<Double>) throws -> [[Int]] {
        let dims = lens.cols
        var axes: [IntervalAxis] = []
        for j in 0..<dims {
            var lo = Double.infinity, hi = -Double.infinity
            for i in 0..<lens.rows {
                let x = lens[i, j]
                guard x.isFinite else { throw MapperError.nonFinite(what: "lens value", row: i) }
                lo = min(lo, x); hi = max(hi, x)
            }
            guard hi > lo else { throw MapperError.constantLens(dimension: j) }
            axes.append(IntervalAxis(cover: self, lo: lo, hi: hi))
        }
        var cubeCount = 1
        for _ in 0..<dims {
            let (product, overflow) = cubeCount.multipliedReportingOverflow(by: intervals)
            guard !overflow else { throw MapperError.tooManyCubes(intervals: intervals, dimensions: dims) }
            cubeCount = product
        }
        // Only the cubes that hold points are kept, keyed by flat index (the cover may have far
        // more cubes than there are points: --intervals 100000000 must not allocate them all).
        var cubes: [Int: [Int]] = [:]
        for i in 0..<lens.rows {
            // Flat indices of every cube holding point i, built one dimension at a time.
            var flat = [0]
            for j in 0..<dims {
                let hits = axes[j].hits(lens[i, j])
                flat = flat.flatMap { f in hits.map { f * intervals + $0 } }
            }
            for f in flat { cubes[f, default: []].append(i) }
        }
        return cubes.keys.sorted().map { cubes[$0]! }
    }
}

/// The intervals of one lens dimension, computed on demand rather than stored. Centres are
/// `numpy.linspace` values (`start + k * step`, the last exactly `stop`), so both ends of the
/// intervals grow with `k` and the intervals holding a value are one contiguous run, found by
/// binary search: the same set a scan of every interval finds.
struct IntervalAxis {
    let start: Double, stop: Double, step: Double, radius: Double, count: Int

    init(cover: UniformCover, lo: Double, hi: Double) {
        let n = Double(cover.intervals)
        let range = hi - lo
        let innerRange = ((n - 1) / n) * range
        let inset = (range - innerRange) / 2
        radius = range / (2 * n * (1 - cover.overlap))
        start = lo + inset
        stop = hi - inset
        count = cover.intervals
        step = count > 1 ? (stop - start) / Double(count - 1) : 0
    }

    func centre(_ k: Int) -> Double { k == 0 ? start : k == count - 1 ? stop : start + Double(k) * step }

    func interval(_ k: Int) -> ClosedRange<Double> { (centre(k) - radius)...(centre(k) + radius) }

    /// The indices of the intervals that contain `x`.
    func hits(_ x: Double) -> Range<Int> {
        let first = partitionPoint(0, count) { centre($0) + radius >= x }
        let end = partitionPoint(0, count) { centre($0) - radius > x }
        return first..<max(first, end)
    }
}

/// A balanced (quantile) cover: the uniform cover applied to each lens coordinate's rank
/// (ties share the lowest rank), so intervals hold about equal numbers of points however
/// skewed the lens is.
public struct BalancedCover: Cover {
    public let uniform: UniformCover

    public init(uniform: UniformCover) { self.uniform = uniform }

    public func elements(lens: Matrix<Double>) throws -> [[Int]] {
        var ranks = Matrix<Double>(rows: lens.rows, cols: lens.cols)
        for j in 0..<lens.cols {
            for i in 0..<lens.rows where !lens[i, j].isFinite { throw MapperError.nonFinite(what: "lens value", row: i) }
            let order = (0..<lens.rows).sorted { lens[$0, j] < lens[$1, j] }
            var rank = 0
            for (k, i) in order.enumerated() {
                if k > 0, lens[i, j] != lens[order[k - 1], j] { rank = k }
                ranks[i, j] = Double(rank)
            }
        }
        return try uniform.elements(lens: ranks)
    }
}
