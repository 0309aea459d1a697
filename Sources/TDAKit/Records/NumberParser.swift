import Glibc

/// Parses JSON numbers from raw bytes into the exact nearest `Double`, the value `strtod` gives.
///
/// Most numbers take one of two fast paths: Clinger's (mantissa ≤ 2^53 and a power of ten that is
/// exact in a double) or Eisel–Lemire's 128-bit product with a table of powers of five. Anything
/// those cannot decide exactly (more than 19 significant digits, subnormals, halfway ambiguity)
/// falls back to `strtod`, so the result is always correctly rounded.
@usableFromInline
enum NumberParser {
    /// Exact powers of ten representable as doubles (Clinger's fast path).
    @usableFromInline
    static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses the JSON number starting at `start`; returns the value and the position after it,
    /// or nil when the bytes are not a JSON number.
    ///
    /// Two passes: the first finds the integer, fraction and exponent parts (validating the
    /// syntax), the second converts the digits eight at a time. Profiling showed the per-digit
    /// bookkeeping of a one-pass loop took half the reader's time.
    @inlinable
    static func parse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> (Double, UnsafePointer<UInt8>)? {
        var p = start
        let negative = p < end && p.pointee == UInt8(ascii: "-")
        if negative { p += 1 }
        guard p < end, isDigit(p.pointee) else { return nil }
        let integerStart = p
        if p.pointee == UInt8(ascii: "0") { p += 1 } else { p = skipDigits(p, end) }
        let integerEnd = p
        var fractionStart = p, fractionEnd = p
        if p < end, p.pointee == UInt8(ascii: ".") {
            fractionStart = p + 1
            p = skipDigits(fractionStart, end)
            fractionEnd = p
            guard fractionEnd > fractionStart else { return nil }
        }
        var exponent = 0
        if p < end, p.pointee | 0x20 == UInt8(ascii: "e") {
            p += 1
            var exponentNegative = false
            if p < end, p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
                exponentNegative = p.pointee == UInt8(ascii: "-")
                p += 1
            }
            guard p < end, isDigit(p.pointee) else { return nil }
            while p < end, isDigit(p.pointee) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(p.pointee &- 48) }
                p += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        // Significant digits: skip leading zeros of "0.000ddd".
        var digitStart = fractionStart
        if integerEnd - integerStart == 1, integerStart.pointee == UInt8(ascii: "0") {
            while digitStart < fractionEnd, digitStart.pointee == UInt8(ascii: "0") { digitStart += 1 }
            if digitStart == fractionEnd { return (negative ? -0.0 : 0.0, p) }
        } else {
            digitStart = integerStart
        }
        let integerDigits = digitStart < integerEnd ? integerEnd - digitStart : 0
        let fractionDigits = digitStart < integerEnd ? fractionEnd - fractionStart : fractionEnd - digitStart
        guard integerDigits + fractionDigits <= 19 else { return (viaStrtod(start, p), p) }
        var mantissa: UInt64 = 0
        if integerDigits > 0 { mantissa = accumulate(mantissa, digitStart, integerEnd) }
        mantissa = accumulate(mantissa, fractionEnd - fractionDigits, fractionEnd)
        guard let value = fastPath(mantissa, exponent - (fractionEnd - fractionStart)) else { return (viaStrtod(start, p), p) }
        return (negative ? -value : value, p)
    }

    @inlinable
    static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

    /// The first non-digit at or after `from`, eight bytes at a time: a byte is a digit when
    /// its high nibble is 3 both as it is and after adding 6 (0x30...0x39 stay below 0x40).
    /// A carry out of a byte only happens for a byte ≥ 0xFA, itself a non-digit, so it can
    /// only disturb bytes after the first non-digit. (Digit scanning was half of reading the
    /// numbers of diagram records one byte at a time; perf, perslay-vec stats.)
    @inlinable
    static func skipDigits(_ from: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var p = from
        let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, threes: UInt64 = 0x3030_3030_3030_3030
        while end - p >= 8 {
            let x = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
            let nonDigits = ((x & high) ^ threes) | (((x &+ 0x0606_0606_0606_0606) & high) ^ threes)
            if nonDigits != 0 { return p + nonDigits.trailingZeroBitCount / 8 }
            p += 8
        }
        while p < end, isDigit(p.pointee) { p += 1 }
        return p
    }

    /// Appends the (known valid, at most 19) digits in `from..<to` to `mantissa`, eight at a time.
    @inlinable
    static func accumulate(_ mantissa: UInt64, _ from: UnsafePointer<UInt8>, _ to: UnsafePointer<UInt8>) -> UInt64 {
        var m = mantissa
        var p = from
        while to - p >= 8 {
            m = m &* 100_000_000 &+ UInt64(eightDigits(UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)))
            p += 8
        }
        while p < to {
            m = m &* 10 &+ UInt64(p.pointee &- 48)
            p += 1
        }
        return m
    }

    /// Converts eight ASCII digits loaded little-endian into their value (SWAR, as fast_float).
    @inlinable
    static func eightDigits(_ word: UInt64) -> UInt32 {
        var v = UInt64(littleEndian: word) &- 0x3030_3030_3030_3030
        v = (v &* 10) &+ (v >> 8)
        v = (((v & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064) &+ (((v >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001)) >> 32
        return UInt32(truncatingIfNeeded: v)
    }

    /// The correctly rounded value of `mantissa × 10^exponent`, or nil when the fast paths cannot
    /// guarantee it.
    @inlinable
    static func fastPath(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        if mantissa == 0 { return 0 }
        if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            return exponent < 0 ? m / exactPowersOfTen[-exponent] : m * exactPowersOfTen[exponent]
        }
        return eiselLemire(mantissa, exponent)
    }

    /// Eisel–Lemire: multiply the normalised mantissa by a 128-bit approximation of 5^q and
    /// read the 53-bit result off the top; nil when the truncated product could round either way.
    @inlinable
    static func eiselLemire(_ mantissa: UInt64, _ q: Int) -> Double? {
        guard q >= powerOfFiveMinExponent, q <= 308 else { return nil }
        let leadingZeros = mantissa.leadingZeroBitCount
        let w = mantissa << UInt64(leadingZeros)
        let index = 2 * (q - powerOfFiveMinExponent)
        var (hi, lo) = w.multipliedFullWidth(by: powersOfFive128[index])
        if hi & 0x1FF == 0x1FF {
            let (secondHi, _) = w.multipliedFullWidth(by: powersOfFive128[index + 1])
            let (sum, carry) = lo.addingReportingOverflow(secondHi)
            lo = sum
            if carry { hi &+= 1 }
            if lo == UInt64.max { return nil }
        }
        let upperBit = Int(hi >> 63)
        var significand = hi >> UInt64(upperBit + 9)
        // ((152170 + 65536) * q) >> 16 is floor(q * log2(10)); 1023 is the exponent bias.
        var binaryExponent = (((152_170 + 65_536) &* q) >> 16) + 63 + upperBit - leadingZeros + 1023
        guard binaryExponent > 0 else { return nil }  // subnormal: leave it to strtod
        // A product that sits exactly on a halfway point needs the exact tie-breaking of strtod.
        if lo <= 1, significand & 3 == 1, significand << UInt64(upperBit + 9) == hi { return nil }
        significand += significand & 1
        significand >>= 1
        if significand >= 1 << 53 {
            significand = 1 << 52
            binaryExponent += 1
        }
        guard binaryExponent < 0x7FF else { return nil }
        return Double(bitPattern: UInt64(binaryExponent) << 52 | (significand & ((1 << 52) - 1)))
    }

    /// The exact slow path: copy the bytes into a NUL-terminated buffer for `strtod`.
    @usableFromInline
    static func viaStrtod(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Double {
        let count = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            let base = buffer.baseAddress!
            UnsafeMutableRawPointer(base).copyMemory(from: start, byteCount: count)
            base[count] = 0
            return strtod(base, nil)
        }
    }
}
