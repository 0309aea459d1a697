import Glibc

/// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten) that cover a data range,
/// after Heckbert, "Nice numbers for graph labels" (Graphics Gems, 1990), loose labelling.
///
/// Tick values are integer multiples of the step, and labels are formatted from those integers,
/// so `0.1 + 0.2` never shows up as `0.30000000000000004`.
public struct NiceTicks: Sendable, Equatable {
    /// The step is `mantissa × 10^exponent` with mantissa 1, 2 or 5.
    public let mantissa: Int
    public let exponent: Int
    /// Tick `i` is `i × step`, for `i` in `first...last`.
    public let first: Int
    public let last: Int

    /// Ticks covering `[lo, hi]` with about `count` intervals. An empty range is widened around
    /// its value; `integral` keeps the step at least 1 (epochs, indices).
    public init(covering lo: Double, _ hi: Double, count: Int = 5, integral: Bool = false) {
        var lo = lo, hi = hi
        if !(lo.isFinite && hi.isFinite) { (lo, hi) = (0, 1) }
        if lo > hi { (lo, hi) = (hi, lo) }
        // Beyond ±1e300 the span overflows; below 1e-280 steps underflow: clamp, then widen.
        (lo, hi) = (Swift.min(Swift.max(lo, -1e300), 1e300), Swift.min(Swift.max(hi, -1e300), 1e300))
        if NiceTicks.isDegenerate(lo, hi) {
            let pad = abs(lo) < 1e-270 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
        }
        var (m, e) = NiceTicks.nice((hi - lo) / Double(Swift.max(count, 1)))
        if integral, e < 0 { (m, e) = (1, 0) }
        mantissa = m
        exponent = e
        let step = NiceTicks.value(1, m, e)
        first = Int((lo / step).rounded(.down))
        last = Int((hi / step).rounded(.up))
    }

    /// A range too narrow to divide: empty, or within rounding of a single value.
    static func isDegenerate(_ lo: Double, _ hi: Double) -> Bool {
        hi - lo <= Swift.max(abs(lo), abs(hi)) * 1e-12 || hi - lo < 1e-280
    }

    /// The nearest nice step to `x` as (mantissa, exponent).
    static func nice(_ x: Double) -> (Int, Int) {
        let e = Int(log10(x).rounded(.down))
        let f = x / pow(10, Double(e))
        let m = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10
        return m == 10 ? (1, e + 1) : (m, e)
    }

    /// `i × m × 10^e`, dividing by an exact power of ten for negative `e` (exact for small values).
    static func value(_ i: Int, _ m: Int, _ e: Int) -> Double {
        e >= 0 ? Double(i * m) * pow(10, Double(e)) : Double(i * m) / pow(10, Double(-e))
    }

    public var step: Double { NiceTicks.value(1, mantissa, exponent) }
    public var lower: Double { NiceTicks.value(first, mantissa, exponent) }
    public var upper: Double { NiceTicks.value(last, mantissa, exponent) }
    public var values: [Double] { (first...last).map { NiceTicks.value($0, mantissa, exponent) } }

    /// The labels of `values`: plain decimals with as many digits as the step needs, or
    /// `3e-7`-style for very small or large steps.
    public var labels: [String] { (first...last).map(label) }

    func label(_ i: Int) -> String {
        let digits = i * mantissa
        if exponent < -5 || exponent > 5 { return NumberText.scientific(digits, shift: exponent) }
        return NumberText.decimal(digits, shift: exponent)
    }
}

/// Number formatting for labels and titles, done with integers for identical bytes everywhere.
public enum NumberText {
    /// `digits × 10^shift` written as a plain decimal (`decimal(25, shift: -2)` is `0.25`).
    public static func decimal(_ digits: Int, shift: Int) -> String {
        if digits == 0 { return shift < 0 ? "0." + String(repeating: "0", count: -shift) : "0" }
        let sign = digits < 0 ? "-" : ""
        var body = String(digits.magnitude)
        if shift >= 0 { return sign + body + String(repeating: "0", count: shift) }
        let places = -shift
        if body.count <= places { body = String(repeating: "0", count: places - body.count + 1) + body }
        let split = body.index(body.endIndex, offsetBy: -places)
        return sign + body[..<split] + "." + body[split...]
    }

    /// `digits × 10^shift` as `1.5e-7`: one digit before the point, no trailing zeros.
    public static func scientific(_ digits: Int, shift: Int) -> String {
        if digits == 0 { return "0" }
        var body = String(digits.magnitude)
        let exponent = shift + body.count - 1
        while body.count > 1, body.hasSuffix("0") { body.removeLast() }
        let lead = body.removeFirst()
        return (digits < 0 ? "-" : "") + String(lead) + (body.isEmpty ? "" : "." + body) + "e\(exponent)"
    }

    /// `x` rounded to `places` decimals (trailing zeros kept, so `0.50` stays aligned in titles).
    public static func fixed(_ x: Double, places: Int) -> String {
        guard x.isFinite, abs(x) < 1e15 else { return x.isNaN ? "nan" : x > 0 ? "∞" : x < 0 ? "-∞" : "0" }
        return decimal(Int((x * pow(10, Double(places))).rounded()), shift: -places)
    }

    /// A short label for a data value: up to 3 significant decimals for ordinary magnitudes.
    public static func short(_ x: Double) -> String {
        guard x.isFinite else { return fixed(x, places: 0) }
        if x == 0 { return "0" }
        let magnitude = abs(x)
        if magnitude >= 1e6 || magnitude < 1e-3 {
            let e = Int(log10(magnitude).rounded(.down))
            return fixed(x / pow(10, Double(e)), places: 2) + "e\(e)"
        }
        let places = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        var text = fixed(x, places: places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
