/// Writes a Double or Float as JSON text into memory the caller has sized (`maxLength` bytes),
/// byte for byte as Swift's `description` prints it, except that whole numbers below 2^53
/// (2^24 for Float) are written as integers and infinity as `null` (see `JSONWriter.writeNumber`).
///
/// The layout follows the Swift runtime's `swift_format_double` (SwiftDtoa.cpp): exponential
/// form (`1.5e-05`, `1e+16`: a signed exponent of at least two digits) when the decimal
/// exponent is below -3 or the magnitude exceeds 2^53 (2^24 for Float), else positional
/// (`0.00012`, `123.456`, `9007199254740992.0`). Digits come from `ShortestDecimal`.
@usableFromInline
enum JSONNumberText {
    /// The longest text: `-1.2345678901234567e-308` has 24 bytes.
    @usableFromInline static let maxLength = 24

    /// Returns the number of bytes written, or nil (having written nothing) for NaN.
    @inlinable static func write<F: BinaryFloatingPoint>(_ x: F, to p: UnsafeMutablePointer<UInt8>) -> Int? {
        let magnitude = abs(x)
        let exactIntegers = F(UInt64(1) << (F.significandBitCount + 1))
        if magnitude < exactIntegers, magnitude.rounded(.towardZero) == magnitude, x.sign == .plus || x != 0 {
            return writeInteger(UInt64(magnitude), negative: x < 0, to: p)
        }
        if !x.isFinite { return x.isNaN ? nil : copy("null", to: p) }
        if x == 0 { return copy("-0.0", to: p) }
        return writeDecimal(ShortestDecimal(x).trimmed, negative: x.sign == .minus, exponential: magnitude > exactIntegers, to: p)
    }

    @inlinable static func writeInteger(_ magnitude: UInt64, negative: Bool, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let sign = negative ? 1 : 0
        if negative { p.pointee = UInt8(ascii: "-") }
        let count = digitCount(magnitude)
        writeDigits(magnitude, endingAt: p + sign + count)
        return sign + count
    }

    /// `digits × 10^exponent`, with no trailing zeros in `digits`.
    @inlinable static func writeDecimal(_ d: ShortestDecimal, negative: Bool, exponential: Bool, to start: UnsafeMutablePointer<UInt8>) -> Int {
        var p = start
        if negative {
            p.pointee = UInt8(ascii: "-")
            p += 1
        }
        let count = digitCount(d.digits)
        // The value is 0.d₁d₂…d_count × 10^pointPosition, as SwiftDtoa's decimalExponent.
        let pointPosition = count + d.exponent
        if exponential || pointPosition < -3 {
            // d₁.d₂…e±XX: digits one byte right, then the first moves left past the point.
            writeDigits(d.digits, endingAt: p + 1 + count)
            p[0] = p[1]
            if count > 1 {
                p[1] = UInt8(ascii: ".")
                p += count + 1
            } else {
                p += 1
            }
            p += writeExponent(pointPosition - 1, to: p)
        } else if pointPosition <= 0 {
            // 0.000ddd
            p[0] = UInt8(ascii: "0")
            p[1] = UInt8(ascii: ".")
            p += 2
            for _ in 0 ..< -pointPosition {
                p.pointee = UInt8(ascii: "0")
                p += 1
            }
            writeDigits(d.digits, endingAt: p + count)
            p += count
        } else if pointPosition < count {
            // ddd.ddd: digits one byte right, then the integer part moves left past the point.
            writeDigits(d.digits, endingAt: p + 1 + count)
            for i in 0 ..< pointPosition { p[i] = p[i + 1] }
            p[pointPosition] = UInt8(ascii: ".")
            p += count + 1
        } else {
            // ddd000.0
            writeDigits(d.digits, endingAt: p + count)
            for i in count ..< pointPosition { p[i] = UInt8(ascii: "0") }
            p[pointPosition] = UInt8(ascii: ".")
            p[pointPosition + 1] = UInt8(ascii: "0")
            p += pointPosition + 2
        }
        return p - start
    }

    /// `e-05`, `e+16`, `e-324`.
    @inlinable static func writeExponent(_ e: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        p[0] = UInt8(ascii: "e")
        p[1] = e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        let magnitude = UInt64(e.magnitude)
        let count = max(digitCount(magnitude), 2)
        if magnitude < 10 { p[2] = UInt8(ascii: "0") }
        writeDigits(magnitude, endingAt: p + 2 + count)
        return 2 + count
    }

    /// The number of decimal digits of `n` (1 for 0): the bit length estimates it, one
    /// comparison corrects it (log10(2) ≈ 1233 / 4096).
    @inlinable static func digitCount(_ n: UInt64) -> Int {
        let estimate = ((64 - n.leadingZeroBitCount) * 1233) >> 12
        return n >= powersOfTen[estimate] ? estimate + 1 : max(estimate, 1)
    }

    /// 10^0 ... 10^19.
    @usableFromInline static let powersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000,
        1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ]

    /// Writes the decimal digits of `n` so that the last one lands just before `end`: eight at a
    /// time in 32-bit arithmetic, two at a time within those.
    @inlinable static func writeDigits(_ n: UInt64, endingAt end: UnsafeMutablePointer<UInt8>) {
        var p = end
        var rest = n
        while rest >= 100_000_000 {
            let eight = UInt32(truncatingIfNeeded: rest % 100_000_000)
            rest /= 100_000_000
            writePair(eight % 100, to: p - 2)
            writePair(eight / 100 % 100, to: p - 4)
            writePair(eight / 10_000 % 100, to: p - 6)
            writePair(eight / 1_000_000, to: p - 8)
            p -= 8
        }
        var small = UInt32(truncatingIfNeeded: rest)
        while small >= 100 {
            writePair(small % 100, to: p - 2)
            small /= 100
            p -= 2
        }
        if small >= 10 {
            writePair(small, to: p - 2)
        } else {
            p[-1] = UInt8(truncatingIfNeeded: small) + UInt8(ascii: "0")
        }
    }

    /// Two digits of `n < 100`; `n * 103 >> 10` is `n / 10` for n < 179.
    @inlinable static func writePair(_ n: UInt32, to p: UnsafeMutablePointer<UInt8>) {
        let tens = (n &* 103) >> 10
        p[0] = UInt8(truncatingIfNeeded: tens) + UInt8(ascii: "0")
        p[1] = UInt8(truncatingIfNeeded: n &- tens &* 10) + UInt8(ascii: "0")
    }

    @inlinable static func copy(_ text: StaticString, to p: UnsafeMutablePointer<UInt8>) -> Int {
        p.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        return text.utf8CodeUnitCount
    }
}
