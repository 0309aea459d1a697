import Glibc
import Testing
@testable import TDAKit

/// The parser must give the bits `strtod` gives, for every kind of double.
@Suite struct NumberParserTests {
    func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes in
            guard let (x, end) = NumberParser.parse(bytes.baseAddress!, bytes.baseAddress! + bytes.count), end == bytes.baseAddress! + bytes.count else { return nil }
            return x
        }
    }

    func reference(_ text: String) -> Double { strtod(text, nil) }


    @Test func digitRunsEndAtTheFirstNonDigitWhateverTheByte() {
        for byte in UInt8.min...UInt8.max {
            for offset in 0..<12 {
                let bytes = Array(repeating: UInt8(ascii: "7"), count: offset) + [byte] + Array(repeating: UInt8(ascii: "9"), count: 11)
                let expected = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? bytes.count : offset
                let found = bytes.withUnsafeBufferPointer { b in NumberParser.skipDigits(b.baseAddress!, b.baseAddress! + b.count) - b.baseAddress! }
                #expect(found == expected, "byte \(byte) after \(offset) digits")
            }
        }
    }

    @Test func randomBitPatternsRoundTrip() {
        var rng = SplitMix(state: 42)
        var mismatches = 0
        for _ in 0..<200_000 {
            let x = Double(bitPattern: rng.next())
            guard x.isFinite else { continue }
            let text = x.description
            if parse(text)?.bitPattern != x.bitPattern { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func decimalStringsMatchStrtod() {
        var rng = SplitMix(state: 7)
        var mismatches: [String] = []
        for _ in 0..<200_000 {
            let digits = Int(rng.next() % 25) + 1
            var text = rng.next() % 2 == 0 ? "-" : ""
            var mantissa = String(rng.next() % 9 + 1)
            for _ in 1..<digits { mantissa += String(rng.next() % 10) }
            let point = Int(rng.next() % UInt64(digits + 1))
            if point == 0 || point == digits { text += mantissa } else {
                text += String(mantissa.prefix(point)) + "." + String(mantissa.dropFirst(point))
            }
            let exponent = Int(rng.next() % 700) - 350
            text += "e\(exponent)"
            let expected = reference(text)
            guard expected.isFinite else { continue }
            if parse(text)?.bitPattern != expected.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test(arguments: ["0", "-0", "0.0", "1e308", "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308",
                      "2.225073858507201e-308", "4.9406564584124654e-324", "0.1", "0.30000000000000004",
                      "9007199254740993", "123456789012345678901234567890", "1E+2", "0.000001", "-1.5e-10",
                      "2.4703282292062327e-324", "2.4703282292062328e-324", "7.2057594037927933e16"])
    func edgeCases(text: String) {
        #expect(parse(text)?.bitPattern == reference(text).bitPattern)
    }

    @Test func negativeZeroKeepsItsSign() {
        #expect(parse("-0.0")?.sign == .minus)
    }

    @Test(arguments: ["", "-", "01", ".5", "1.", "1e", "1e+", "+1", "NaN", "Infinity", "0x10", "1.2.3"])
    func rejectsNonJSONNumbers(text: String) {
        #expect(parse(text) == nil)
    }
}
