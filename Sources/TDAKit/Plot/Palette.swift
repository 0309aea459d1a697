/// Colours that stay distinct for colour-blind readers.
///
/// Categories use the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), in an
/// order that puts the strongest contrasts on white first and yellow last; labels that are not
/// class indices use Paul Tol's muted palette (see `Categories.style(of:)`). Continuous values use
/// viridis (matplotlib's default map, perceptually uniform and colour-blind safe).
public enum Palette {
    /// Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, black, yellow.
    public static let okabeIto = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]

    /// Paul Tol's muted scheme ("Colour schemes", SRON/EPS/TN/09-002, 2021): rose, indigo, sand,
    /// green, cyan, wine, teal, olive, purple.
    public static let tolMuted = ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"]

    /// The colour of category `index` (cycles after eight).
    public static func category(_ index: Int) -> String { okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count] }

    /// Neutral colours for axes, grids and reference lines.
    public static let ink = "#222222"
    public static let axis = "#444444"
    public static let grid = "#e4e4e4"
    public static let reference = "#888888"

    /// matplotlib's viridis sampled at nine evenly spaced points (0, 1/8, …, 1).
    static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 45, 123), (59, 82, 139), (44, 114, 142), (33, 145, 140),
        (40, 174, 128), (94, 201, 98), (173, 220, 48), (253, 231, 37),
    ]

    /// Viridis at `t` in [0, 1] (clamped; NaN gives the low end), linearly interpolated.
    public static func sequential(_ t: Double) -> String {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = clamped * Double(viridis.count - 1)
        let i = min(Int(position), viridis.count - 2)
        let f = position - Double(i)
        let (a, b) = (viridis[i], viridis[i + 1])
        return hex(a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for channel in [r, g, b] {
            let v = Int(channel.rounded())
            out.append(digits[v / 16])
            out.append(digits[v % 16])
        }
        return out
    }
}

/// How a mark is painted: solid in its colour, or as a ring (white inside, coloured edge), which
/// tells categories 9–16 apart from 1–8 when eight colours are not enough.
public struct MarkStyle: Sendable, Equatable {
    public var color: String
    public var ring: Bool

    public init(_ color: String, ring: Bool = false) {
        self.color = color
        self.ring = ring
    }

    /// Category `index`: Okabe–Ito solid for the first eight, rings for the next eight, and so on.
    public static func category(_ index: Int) -> MarkStyle {
        MarkStyle(Palette.category(index), ring: (index / Palette.okabeIto.count) % 2 == 1)
    }

    public var fill: String { ring ? "#ffffff" : color }
    /// Attributes to add to a mark (after its group's, so they win).
    public var attributes: [(String, String)] { ring ? [("stroke", color), ("stroke-width", "1.5")] : [] }
}
