/// The shortest decimal that reads back to a given Double or Float, by Raffaello Giulietti's
/// Schubfach algorithm ("The Schubfach way to render doubles", 2020; Drachennest's schubfach_64
/// was the second reference for the 128-bit variant). Among the shortest decimals in the
/// rounding interval it returns the one nearest the exact value, ties to even digits; the
/// interval's ends count when the significand is even (round-half-even reading). This is the
/// digit choice of Swift's `description`, which the writer must reproduce byte for byte.
///
/// Schubfach scales the value and the two ends of its rounding interval by one 128-bit power of
/// ten, rounding to odd, and then needs only comparisons: no loops, no bignums. It replaced the
/// runtime's formatter, which took about 60% of the time of writing records (bench/records.sh).
@usableFromInline
struct ShortestDecimal {
    /// The digits, as an integer; may end in zeros (see `trimmed`).
    @usableFromInline var digits: UInt64
    /// The value is `digits × 10^exponent`.
    @usableFromInline var exponent: Int

    @inlinable init(digits: UInt64, exponent: Int) {
        self.digits = digits
        self.exponent = exponent
    }

    /// A finite, nonzero Double or Float (the sign is ignored). A Float's significand has 24
    /// bits, so the top 64 bits of the power of ten are enough for it (`float32Significand`).
    @inlinable init<F: BinaryFloatingPoint>(_ x: F) {
        let fraction = UInt64(x.significandBitPattern)
        let biased = Int(x.exponentBitPattern)
        let fractionBits = F.significandBitCount
        // Subnormals are fraction × 2^(1 - bias - fractionBits): -1074 for Double, -149 for Float.
        let leastExponent = 2 - (1 << (F.exponentBitCount - 1)) - fractionBits
        let c = biased == 0 ? fraction : fraction | 1 << fractionBits
        let q = biased == 0 ? leastExponent : biased - 1 + leastExponent
        let narrow = fraction == 0 && biased > 1
        if fractionBits <= 23 {  // decided when the generic code is specialised
            self.init(float32Significand: c, exponent: q, lowerGapIsSmaller: narrow)
        } else {
            self.init(significand: c, exponent: q, lowerGapIsSmaller: narrow)
        }
    }

    /// The value `c × 2^q`. At a power of two (other than the least normal) the next value
    /// below is twice as near as the next above, so the interval's lower half is half as wide.
    /// Wrapping arithmetic throughout: nothing here can overflow (c < 2^53, |q| < 1100), so
    /// the overflow traps would only cost instructions.
    @inlinable init(significand c: UInt64, exponent q: Int, lowerGapIsSmaller: Bool) {
        let (k, h) = Self.scale(exponent: q, lowerGapIsSmaller: lowerGapIsSmaller)
        let g = Self.powerOfTen(-k)
        // The value and its interval's ends, in quarters of 2^q.
        let center = c &<< 2
        self.init(choosingFor: c, k: k,
                  low: Self.multiplyRoundingToOdd(g, (center &- (lowerGapIsSmaller ? 1 : 2)) &<< h),
                  center: Self.multiplyRoundingToOdd(g, center &<< h),
                  high: Self.multiplyRoundingToOdd(g, (center &+ 2) &<< h))
    }

    /// The same for c < 2^24 (a Float), with the 64-bit power of ten rounded up: one
    /// multiplication per scaled value instead of two. The product overestimates by less than
    /// the multiplier m, so a remainder up to m is an exact product; Schubfach's float variant
    /// rests on the same bound. scripts/check-float32-shortest.sh compares this with the 128-bit
    /// path for every positive Float; NumberWriterTests samples it.
    @inlinable init(float32Significand c: UInt64, exponent q: Int, lowerGapIsSmaller: Bool) {
        let (k, h) = Self.scale(exponent: q, lowerGapIsSmaller: lowerGapIsSmaller)
        let g = Self.powerOfTen(-k).high &+ 1
        let center = c &<< 2
        self.init(choosingFor: c, k: k,
                  low: Self.multiplyRoundingToOdd(g, (center &- (lowerGapIsSmaller ? 1 : 2)) &<< h),
                  center: Self.multiplyRoundingToOdd(g, center &<< h),
                  high: Self.multiplyRoundingToOdd(g, (center &+ 2) &<< h))
    }

    /// k = floor(log10(2^q)), or floor(log10(3/4 · 2^q)) for the narrow lower half; the
    /// constants are log10(2) · 2^22 and -log10(3/4) · 2^22 rounded (exact for |q| ≤ 1500).
    /// 10^-k = g · 2^r with g 128-bit; the shift h (1...4) puts the product's binary point just
    /// above the bits dropped, so the scaled values keep two fraction bits.
    @inlinable static func scale(exponent q: Int, lowerGapIsSmaller: Bool) -> (k: Int, h: Int) {
        let k = (q &* 1_262_611 &- (lowerGapIsSmaller ? 524_031 : 0)) &>> 22
        return (k, q &+ ((0 &- k) &* 1_741_647) &>> 19 &+ 1)
    }

    /// Picks the digits from the scaled interval (quarters, rounded to odd) of significand `c`.
    @inlinable init(choosingFor c: UInt64, k: Int, low scaledLow: UInt64, center scaled: UInt64, high scaledHigh: UInt64) {
        let lowest = scaledLow &+ (c & 1)  // an odd significand excludes the ends
        let highest = scaledHigh &- (c & 1)

        // One digit fewer if a multiple of 10^(k+1) is inside (at most one fits); otherwise
        // s or s + 1, whichever alone is inside, else the nearer (ties to even). The tests are
        // 0/1 integers combined with bit operations: the choice follows no pattern in real
        // data, and LLVM turned `?:` selects back into mispredicted branches.
        let s = scaled &>> 2
        let shorter = s / 10
        let shorterBelow = Self.bit(lowest <= 40 &* shorter)
        let shorterAbove = Self.bit(40 &* shorter &+ 40 <= highest)
        let useShorter = Self.bit(s >= 10) & (shorterBelow ^ shorterAbove)
        let below = Self.bit(lowest <= 4 &* s)
        let above = Self.bit(4 &* s &+ 4 <= highest)
        let middle = 4 &* s &+ 2
        let nearerAbove = Self.bit(scaled > middle) | (Self.bit(scaled == middle) & s & 1)
        let onlyOne = below ^ above
        let full = s &+ (above & onlyOne | nearerAbove & (onlyOne ^ 1))
        let mask = 0 &- useShorter
        self.init(digits: (shorter &+ shorterAbove) & mask | full & ~mask, exponent: k &+ Int(truncatingIfNeeded: useShorter))
    }

    @inlinable static func bit(_ condition: Bool) -> UInt64 { condition ? 1 : 0 }

    /// The same value with the trailing zeros of its digits moved into the exponent.
    @inlinable var trimmed: ShortestDecimal {
        var result = self
        while result.digits % 10 == 0 {
            result.digits /= 10
            result.exponent += 1
        }
        return result
    }

    /// ⌈10^j / 2^r⌉ normalised into [2^127, 2^128), j in -292...324. 10^j and 5^j share this
    /// mantissa, so the parser's truncated power-of-five table serves, plus one unless 5^j is
    /// exact in 128 bits (0 ≤ j ≤ 55); scripts/gen_power_of_five_continued_table.py checks this
    /// rule and that the increment never carries.
    @inlinable @inline(__always)
    static func powerOfTen(_ j: Int) -> (high: UInt64, low: UInt64) {
        let words = j < powersOfFiveContinuedMinExponent
            ? (powersOfFive128[2 * (j - powerOfFiveMinExponent)], powersOfFive128[2 * (j - powerOfFiveMinExponent) + 1])
            : (powersOfFiveContinued128[2 * (j - powersOfFiveContinuedMinExponent)],
               powersOfFiveContinued128[2 * (j - powersOfFiveContinuedMinExponent) + 1])
        let exact = j >= 0 && j <= 55
        return (words.0, exact ? words.1 : words.1 + 1)
    }

    /// The top 64 bits of the 192-bit product `g × m`, rounded to odd: the lowest bit is set if
    /// the dropped part is more than the 1 unit that rounding g up can account for. With the
    /// rounding recorded this way the comparisons above decide exactly (rounding to odd, as in the paper).
    @inlinable static func multiplyRoundingToOdd(_ g: (high: UInt64, low: UInt64), _ m: UInt64) -> UInt64 {
        let low = m.multipliedFullWidth(by: g.low).high
        let high = m.multipliedFullWidth(by: g.high)
        let (middle, carry) = high.low.addingReportingOverflow(low)
        let top = carry ? high.high &+ 1 : high.high
        return top | (middle > 1 ? 1 : 0)
    }

    /// The top 64 bits of `g × m` (g 64-bit, rounded up), rounded to odd: the lowest bit is set
    /// if the dropped part is more than the m that rounding g up can account for.
    @inlinable static func multiplyRoundingToOdd(_ g: UInt64, _ m: UInt64) -> UInt64 {
        let product = m.multipliedFullWidth(by: g)
        return product.high | (product.low > m ? 1 : 0)
    }
}
