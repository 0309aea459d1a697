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
    /// The longest text: `-1.2345678901234567e-308` has 24 bytes. The scratch bytes that
    /// `writeDigits` may store past a short number's end stay within it too (at most 14).
    @usableFromInline static let maxLength = 24

    /// Returns the number of bytes written, or nil (having written nothing) for NaN.
    @inlinable static func write<F: BinaryFloatingPoint>(_ x: F, to p: UnsafeMutablePointer<UInt8>) -> Int? {
        let magnitude = abs(x)
        let exactIntegers = F(UInt64(1) << (F.significandBitCount + 1))
        if magnitude < exactIntegers, magnitude.rounded(.towardZero) == magnitude, x.sign == .plus || x != 0 {
            // Through Double: UInt64(magnitude) would stay a generic bit-by-bit conversion.
            return writeInteger(UInt64(Double(magnitude)), negative: x < 0, to: p)
        }
        if !x.isFinite { return x.isNaN ? nil : copy("null", to: p) }
        if x == 0 { return copy("-0.0", to: p) }
        return writeDecimal(ShortestDecimal(x).trimmed, negative: x.sign == .minus, exponential: magnitude > exactIntegers, to: p)
    }

    @inlinable static func writeInteger(_ magnitude: UInt64, negative: Bool, to p: UnsafeMutablePointer<UInt8>) -> Int {
        p.pointee = UInt8(ascii: "-")  // kept only if negative: a store is cheaper than a branch
        let sign = negative ? 1 : 0
        let count = digitCount(magnitude)
        writeDigits(magnitude, count: count, at: p + sign)
        return sign + count
    }

    /// `digits × 10^exponent`, with no trailing zeros in `digits`.
    @inlinable static func writeDecimal(_ d: ShortestDecimal, negative: Bool, exponential: Bool, to start: UnsafeMutablePointer<UInt8>) -> Int {
        // The sign is half the time one way, half the other: store it always, keep it if needed.
        start.pointee = UInt8(ascii: "-")
        var p = start + (negative ? 1 : 0)
        let count = digitCount(d.digits)
        // The value is 0.d₁d₂…d_count × 10^pointPosition, as SwiftDtoa's decimalExponent.
        let pointPosition = count + d.exponent
        if exponential || pointPosition < -3 {
            // d₁.d₂…e±XX: digits one byte right, then the first moves left past the point.
            writeDigits(d.digits, count: count, at: p + 1)
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
            writeDigits(d.digits, count: count, at: p)
            p += count
        } else if pointPosition < count {
            // ddd.ddd: digits one byte right, then the integer part moves left past the point.
            writeDigits(d.digits, count: count, at: p + 1)
            for i in 0 ..< pointPosition { p[i] = p[i + 1] }
            p[pointPosition] = UInt8(ascii: ".")
            p += count + 1
        } else {
            // ddd000.0
            writeDigits(d.digits, count: count, at: p)
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
        let magnitude = UInt32(truncatingIfNeeded: e.magnitude)
        if magnitude < 100 {
            writePair(magnitude, to: p + 2)
            return 4
        }
        p[2] = UInt8(truncatingIfNeeded: magnitude / 100) + UInt8(ascii: "0")
        writePair(magnitude % 100, to: p + 3)
        return 5
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

    /// Writes the `count` (at most 17) decimal digits of `n` from `p` on, in chunks of eight.
    /// A chunk is one 8-byte store, so up to seven bytes after the last digit may be
    /// overwritten: callers write what follows afterwards, and `maxLength` covers the overrun.
    /// 16 and 17 digits take the same path (a 17th digit is stored first, then overwritten if
    /// there is none): in real data the two lengths alternate at random.
    @inlinable static func writeDigits(_ n: UInt64, count: Int, at p: UnsafeMutablePointer<UInt8>) {
        if count <= 8 {
            store(eightDigits(UInt32(truncatingIfNeeded: n)) &>> (8 &* (8 &- count)), at: p)
            return
        }
        let high = UInt32(truncatingIfNeeded: n / 100_000_000)
        let low = UInt32(truncatingIfNeeded: n % 100_000_000)
        let extra = count > 16 ? 1 : 0
        p.pointee = UInt8(truncatingIfNeeded: high / 100_000_000) &+ UInt8(ascii: "0")
        store(eightDigits(high % 100_000_000) &>> (8 &* (16 &- count &+ extra)), at: p + extra)
        store(eightDigits(low), at: p + count - 8)
    }

    /// The eight digits of `n < 10^8` (with leading zeros) as ASCII bytes in memory order, all
    /// at once in one 64-bit word: split into 4 + 4 digits in 32-bit lanes, each into 2 + 2 in
    /// 16-bit lanes, each into 1 + 1 in bytes. The multiplications divide every lane at once
    /// (n·10486 >> 20 = n / 100 for n < 10^4, n·103 >> 10 = n / 10 for n < 100) and no lane's
    /// product reaches the next lane. Half the write time went to digits before this.
    @inlinable static func eightDigits(_ n: UInt32) -> UInt64 {
        let fours = UInt64(n / 10_000) | UInt64(n % 10_000) &<< 32
        let hundreds = ((fours &* 10_486) &>> 20) & 0x0000_007F_0000_007F
        let twos = hundreds | (fours &- hundreds &* 100) &<< 16
        let tens = ((twos &* 103) &>> 10) & 0x000F_000F_000F_000F
        let ones = twos &- tens &* 10
        return tens | ones &<< 8 | 0x3030_3030_3030_3030
    }

    @inlinable static func store(_ bytes: UInt64, at p: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(p).storeBytes(of: bytes.littleEndian, as: UInt64.self)
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
