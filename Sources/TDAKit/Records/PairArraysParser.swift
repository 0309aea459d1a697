import Glibc

/// Where the diagram fast path of `JSONParser` leaves the bars of one top-level field.
///
/// Read generically, `"diagrams": [[[b, d], …], …]` costs one `JSONValue` array per bar, converted
/// afterwards; perf showed that to be 75% of `perslay-vec stats`. The fast path parses the same
/// bytes straight into one `[PersistencePair]` (a flat buffer of birth, death) per dimension.
public final class PairArraysCapture {
    /// The top-level key whose value is captured (`diagrams`).
    let key: String
    /// True once the key was met: only its first occurrence is captured, as `JSONObject` reads
    /// the first of duplicate keys.
    var seen = false
    /// The pairs per dimension, when the value had the fast layout; nil: it is in the object.
    var dimensions: [[PersistencePair]]?

    public init(key: String) { self.key = key }

    func reset() {
        seen = false
        dimensions = nil
    }
}

extension JSONParser {
    /// For the first `capture.key` of the top-level object (`depth` 1): parses its value when it is
    /// an array of arrays of `[number, number or null]` (null: an infinite death) into
    /// `capture.dimensions` and returns true. Any other key, or any other layout (even a malformed
    /// one), consumes nothing and returns false: the generic parser then reads the value, so
    /// results and error messages are exactly those of the generic path.
    mutating func captureField(_ key: String, depth: Int) -> Bool {
        guard depth == 1, let capture, !capture.seen, key == capture.key else { return false }
        capture.seen = true
        let start = p
        capture.dimensions = scanList { $0.scanList { $0.scanPair() } }
        if capture.dimensions == nil { p = start }
        return capture.dimensions != nil
    }

    /// `[ element, … ]` with whitespace anywhere; nil when the bytes are anything else.
    mutating func scanList<Element>(_ element: (inout JSONParser) -> Element?) -> [Element]? {
        guard consume("[") else { return nil }
        var elements: [Element] = []
        if consume("]") { return elements }
        repeat {
            guard let next = element(&self) else { return nil }
            elements.append(next)
            if consume("]") { return elements }
        } while consume(",")
        return nil
    }

    /// `[birth, death]` with a finite birth and a finite or `null` (infinite; also Python's
    /// `Infinity`) death.
    mutating func scanPair() -> PersistencePair? {
        guard consume("["), let birth = scanNumber(), consume(",") else { return nil }
        let death: Double
        if let number = scanNumber() {
            death = number
        } else if consumeNull() || consumeInfinity() {
            death = .infinity
        } else {
            return nil
        }
        guard consume("]") else { return nil }
        return PersistencePair(birth: birth, death: death)
    }

    /// A finite JSON number after optional whitespace (the generic parser rejects 1e999 too).
    mutating func scanNumber() -> Double? {
        skipWhitespace()
        guard let (value, next) = NumberParser.parse(p, end), value.isFinite else { return nil }
        p = next
        return value
    }

    /// Skips whitespace, then the byte `ascii` if it is next.
    @inline(__always)
    mutating func consume(_ ascii: Unicode.Scalar) -> Bool {
        skipWhitespace()
        guard p < end, p.pointee == UInt8(ascii.value) else { return false }
        p += 1
        return true
    }

    mutating func consumeInfinity() -> Bool {
        guard end - p >= 8, memcmp(p, "Infinity", 8) == 0 else { return false }
        p += 8
        return true
    }

    mutating func consumeNull() -> Bool {
        skipWhitespace()
        guard end - p >= 4, p[0] == UInt8(ascii: "n"), p[1] == UInt8(ascii: "u"), p[2] == UInt8(ascii: "l"),
              p[3] == UInt8(ascii: "l") else { return false }
        p += 4
        return true
    }
}
