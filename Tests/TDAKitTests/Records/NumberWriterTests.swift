import Testing
@testable import TDAKit

/// The writer's own shortest-digit formatter (Schubfach) must print every number byte for byte
/// as before, when numbers went through the runtime: whole numbers below 2^53 (2^24 for Float)
/// as integers, infinity as null, everything else exactly as Swift's `description`.
@Suite struct NumberWriterTests {
    func expected<F: BinaryFloatingPoint & LosslessStringConvertible>(_ x: F) -> String {
        if x.isInfinite { return "null" }
        let exactIntegers = F(UInt64(1) << (F.significandBitCount + 1))
        if abs(x) < exactIntegers, x.rounded(.towardZero) == x, !(x == 0 && x.sign == .minus) { return String(Int64(x)) }
        return x.description
    }

    func written(_ x: Double) throws -> String {
        var out: [UInt8] = Array("prefix".utf8)
        try JSONWriter.writeNumber(x, to: &out)
        return String(decoding: out.dropFirst(6), as: UTF8.self)
    }

    func written(_ x: Float) throws -> String {
        var out: [UInt8] = []
        try JSONWriter.writeNumber(x, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Values where formatters go wrong: interval ends, powers of two (narrower lower gap),
    /// powers of ten, the 2^53 and exponent-form thresholds, subnormals, ties.
    static var doubleEdgeCases: [Double] {
        var xs: [Double] = [0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
                            Double.leastNormalMagnitude.nextDown, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                            .infinity, -.infinity, 0.1, 0.2, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 1e23, 5e-324, 1e-4, 9.999e-5,
                            1e-5, 0.00012, 123.456, 1.2345e20, 18014398509482008, 18014398509481988, 9007199254740993,
                            4.35, 2.5e-5, 1.7976931348623157e308, 2.2250738585072014e-308, 2.225073858507201e-308]
        for e in -1074...1023 { xs.append(Double(sign: .plus, exponent: e, significand: 1)) }
        for e in -330...310 {
            if let x = Double("1e\(e)") { xs.append(x) }
            if let x = Double("-9.999999999999999e\(e)") { xs.append(x) }
        }
        for x in [0x1p53, 0x1p54, 0x1p24, 1e15, 1e16, 1e17] { xs += [x, x.nextUp, x.nextDown, -x] }
        // Exactly halfway between two shortest candidates: c / 4 with c odd and 2^52 ≤ c < 2^53.
        for c: UInt64 in [1 << 52 + 1, 1 << 52 + 3, 1 << 53 - 1, 6_755_399_441_055_745] { xs.append(Double(c) / 4) }
        return xs.flatMap { x in [x, x.nextUp, x.nextDown] }
    }

    @Test func edgeCaseDoublesMatchDescription() throws {
        for x in Self.doubleEdgeCases where !x.isNaN {
            #expect(try written(x) == expected(x), "bits \(x.bitPattern)")
        }
    }

    @Test func randomDoubleBitPatternsMatchDescription() throws {
        var rng = SplitMix(state: 2026)
        var mismatches: [UInt64] = []
        for _ in 0..<200_000 {
            let bits = rng.next()
            let x = Double(bitPattern: bits)
            if !x.isNaN, try written(x) != expected(x) { mismatches.append(bits) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ; bit patterns \(mismatches.prefix(5))")
    }

    /// Doubles as data holds them: a few significant digits, or a float32 widened.
    @Test func shortAndWidenedDoublesMatchDescription() throws {
        var rng = SplitMix(state: 11)
        var mismatches: [Double] = []
        for _ in 0..<50_000 {
            let scale = Double(sign: .plus, exponent: Int(rng.next() % 80) - 40, significand: 1)
            let short = Double(rng.next() % 100_000) / 1000 * scale
            let widened = Double(Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())))
            for x in [short, widened] where !x.isNaN {
                if try written(x) != expected(x) { mismatches.append(x) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ, first \(mismatches.prefix(5))")
    }

    @Test func edgeCaseFloatsMatchDescription() throws {
        var xs: [Float] = [0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, Float.leastNormalMagnitude.nextDown,
                           .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, 0.1, 1.0 / 3.0, 1e-4, 9.999e-5,
                           16_777_216, 16_777_218, 33_554_436, 1e7, 1e8, 3.4028235e38, 1.1754944e-38]
        for e in -149...127 { xs.append(Float(sign: .plus, exponent: e, significand: 1)) }
        for e in -46...39 { if let x = Float("1e\(e)") { xs.append(x) } }
        // Halfway cases: c / 4 with c odd and 2^23 ≤ c < 2^24.
        for c: UInt32 in [1 << 23 + 1, 1 << 23 + 3, 1 << 24 - 1, 12_345_679] { xs.append(Float(c) / 4) }
        for x in xs.flatMap({ [$0, $0.nextUp, $0.nextDown, -$0] }) where !x.isNaN {
            #expect(try written(x) == expected(x), "bits \(x.bitPattern)")
        }
    }

    /// The 64-bit float32 path against the 128-bit one, on every 9973rd bit pattern (all of
    /// them: scripts/check-float32-shortest.sh); its rounded-up power of ten never wraps.
    @Test func float32ScalingAgreesWithTheWideOne() {
        var mismatches: [UInt32] = []
        for bits in stride(from: UInt32(1), to: 0x7F80_0000, by: 9973) {
            let x = Float(bitPattern: bits)
            let fraction = UInt64(x.significandBitPattern), biased = Int(x.exponentBitPattern)
            let (c, q) = biased == 0 ? (fraction, -149) : (fraction | 1 << 23, biased - 150)
            let narrow = fraction == 0 && biased > 1
            let fast = ShortestDecimal(float32Significand: c, exponent: q, lowerGapIsSmaller: narrow)
            let wide = ShortestDecimal(significand: c, exponent: q, lowerGapIsSmaller: narrow)
            if fast.digits != wide.digits || fast.exponent != wide.exponent { mismatches.append(bits) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ; bit patterns \(mismatches.prefix(5))")
        // Floats need 10^j for j in -31...46 (k from their exponents -149...104).
        #expect((-31...46).allSatisfy { ShortestDecimal.powerOfTen($0).high < UInt64.max })
    }

    @Test func randomFloatBitPatternsMatchDescription() throws {
        var rng = SplitMix(state: 32)
        var mismatches: [UInt32] = []
        for _ in 0..<200_000 {
            let bits = UInt32(truncatingIfNeeded: rng.next())
            let x = Float(bitPattern: bits)
            if !x.isNaN, try written(x) != expected(x) { mismatches.append(bits) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ; bit patterns \(mismatches.prefix(5))")
    }

    /// Long and short numbers side by side: a short one's digits are stored eight bytes at a
    /// time, so what follows must overwrite the spill.
    @Test func arraysAreTheirNumbersJoined() throws {
        var rng = SplitMix(state: 5)
        let doubles = (0..<3_000).map { i -> Double in
            switch i % 3 {
            case 0: return Double(bitPattern: rng.next())
            case 1: return Double(Int(rng.next() % 2_000) - 1_000)
            default: return Double(Int(rng.next() % 2_000) - 1_000) / 64
            }
        }.filter { !$0.isNaN }
        let floats = doubles.map(Float.init)
        var out: [UInt8] = []
        try JSONWriter.writeNumbers(doubles, to: &out)
        try JSONWriter.writeNumbers(floats, to: &out)
        try JSONWriter.writeNumbers([Double](), to: &out)
        let text = "[" + doubles.map(expected).joined(separator: ",") + "]" + "[" + floats.map(expected).joined(separator: ",") + "][]"
        #expect(String(decoding: out, as: UTF8.self) == text)
    }

    @Test func notANumberIsRefusedAndLeavesTheOutputAlone() {
        var out: [UInt8] = Array("kept".utf8)
        #expect(throws: JSONWriter.NotANumber.self) { try JSONWriter.writeNumbers([1, 2, Double.nan], to: &out) }
        #expect(throws: JSONWriter.NotANumber.self) { try JSONWriter.writeNumber(Float.nan, to: &out) }
        #expect(out == Array("kept".utf8))
    }

    @Test func digitCountsAreExact() {
        var power: UInt64 = 1
        for digits in 1...19 {
            #expect(JSONNumberText.digitCount(power) == digits)
            #expect(JSONNumberText.digitCount(power - 1) == max(digits - 1, 1))
            power *= 10
        }
        #expect(JSONNumberText.digitCount(.max) == 20)
    }

    @Test func float32ArraysUseFloatDigitsOnlyForExactFloats() throws {
        var rng = SplitMix(77)
        let floats = (0..<2000).map { _ in Float(bitPattern: UInt32.random(in: 0..<0x7F80_0000, using: &rng)) * (Bool.random(using: &rng) ? 1 : -1) }
        let values = floats.map(Double.init) + [0.1, 1.0 / 3.0, .infinity, 3]
        var out: [UInt8] = []
        try JSONWriter.write(.object(JSONObject([("points", .array([.numbers(values)])), ("gap", .number(Double(Float(0.1))))])), to: &out, arrays: .float32)
        let text = String(decoding: out, as: UTF8.self)
        let expectedItems = floats.map(expected) + [expected(0.1), expected(1.0 / 3.0), "null", "3"]
        #expect(text == #"{"points":[["# + expectedItems.joined(separator: ",") + #"]],"gap":0.10000000149011612}"#,
                "exact floats in Float digits, other doubles as doubles, single numbers always as doubles")
    }
}
