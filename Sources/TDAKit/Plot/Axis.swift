/// One axis of a Cartesian panel: its label, the data interval it shows, and its ticks.
public struct Axis {
    public var label: String
    /// The interval mapped onto the plot area; always covers the data (tests check this).
    public var domain: ClosedRange<Double>
    public var ticks: [(value: Double, label: String)]
    /// Tick labels turned 45° (long category names).
    public var slantedLabels = false

    public init(label: String, domain: ClosedRange<Double>, ticks: [(value: Double, label: String)]) {
        self.label = label
        self.domain = domain
        self.ticks = ticks
    }

    /// A numeric axis over `[lo, hi]` plus a 4% margin at each end (as matplotlib's default
    /// margins), so no mark sits on the frame, with nice ticks inside.
    public static func numeric(_ label: String, _ lo: Double, _ hi: Double, integral: Bool = false) -> Axis {
        let ticks = NiceTicks(covering: lo, hi, integral: integral)
        var (low, high) = (max(min(lo, hi), -1e300), min(max(lo, hi), 1e300))
        if NiceTicks.isDegenerate(low, high) { (low, high) = (ticks.lower, ticks.upper) }
        let pad = 0.04 * (high - low)
        let domain = (low - pad)...(high + pad)
        return Axis(label: label, domain: domain,
                    ticks: zip(ticks.values, ticks.labels).filter { domain.contains($0.0) }.map { (value: $0.0, label: $0.1) })
    }

    /// A numeric axis over the finite values of `values` (0...1 when there are none).
    public static func covering(_ label: String, _ values: [Double], including extra: [Double] = [], integral: Bool = false) -> Axis {
        let finite = (values + extra).filter(\.isFinite)
        return numeric(label, finite.min() ?? 0, finite.max() ?? 1, integral: integral)
    }

    /// Positions `0..<names.count`, one tick per name, with half a slot of room at both ends.
    public static func categories(_ label: String, _ names: [String]) -> Axis {
        var axis = Axis(label: label, domain: -0.5...(Double(names.count) - 0.5),
                        ticks: names.enumerated().map { (value: Double($0.offset), label: $0.element) })
        axis.slantedLabels = names.contains { $0.count > 3 }
        return axis
    }

    /// Height or width the tick labels take, for margins.
    var tickLabelExtent: Double {
        let widest = ticks.map { TextMetrics.width($0.label) }.max() ?? 0
        return slantedLabels ? widest * 0.72 + 8 : widest
    }
}

/// A linear map from a data interval onto a pixel interval (reversed for y, which grows down).
public struct LinearScale: Sendable {
    public let domain: ClosedRange<Double>
    public let start: Double
    public let end: Double

    public init(domain: ClosedRange<Double>, start: Double, end: Double) {
        self.domain = domain
        self.start = start
        self.end = end
    }

    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return (start + end) / 2 }
        return start + (value - domain.lowerBound) / span * (end - start)
    }
}

/// A rectangle in SVG pixels.
public struct PlotRect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    public func contains(_ px: Double, _ py: Double, tolerance: Double = 0.01) -> Bool {
        px >= x - tolerance && px <= maxX + tolerance && py >= y - tolerance && py <= maxY + tolerance
    }
}
