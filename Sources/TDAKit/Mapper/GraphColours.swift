/// Colours shared by the DOT and HTML writers.
enum GraphColours {
    /// matplotlib's `tab10`, the usual palette for class labels; label k gets entry k mod 10.
    static let categorical = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                              "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// Stops of matplotlib's `viridis` at 0, 0.25, 0.5, 0.75, 1.
    static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]

    /// `viridis(t)` for t in [0, 1] by linear interpolation between the stops, as `#rrggbb`.
    static func sequential(_ t: Double) -> String {
        let x = min(max(t.isFinite ? t : 0, 0), 1) * Double(viridis.count - 1)
        let k = min(Int(x), viridis.count - 2)
        let f = x - Double(k)
        let (a, b) = (viridis[k], viridis[k + 1])
        return hex(a.0 + f * (b.0 - a.0), a.1 + f * (b.1 - a.1), a.2 + f * (b.2 - a.2))
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789abcdef")
        return "#" + [r, g, b].map { v -> String in
            let c = Int(min(max(v.rounded(), 0), 255))
            return String([digits[c / 16], digits[c % 16]])
        }.joined()
    }

    /// Each value scaled to [0, 1] by the minimum and maximum (all 0.5 when constant).
    static func normalised(_ values: [Double]) -> [Double] {
        guard let lo = values.min(), let hi = values.max(), hi > lo else { return values.map { _ in 0.5 } }
        return values.map { ($0 - lo) / (hi - lo) }
    }
}
