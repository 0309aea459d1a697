import Glibc

/// A byte-level JSON parser for one record line.
///
/// It accepts exactly RFC 8259 JSON (strings with every escape, nested objects, any number) and
/// stores arrays of numbers packed (`JSONValue.numbers`), so a cloud of a million coordinates
/// costs one allocation per row instead of one per number.
public struct JSONParser {
    /// A syntax error at a byte offset within the parsed text.
    public struct SyntaxError: Error, Sendable {
        public var offset: Int
        public var message: String
    }

    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let end: UnsafePointer<UInt8>
    @usableFromInline var p: UnsafePointer<UInt8>
    /// Where the fast path puts one top-level field's pairs (`parse(_:capturing:)`); nil: no fast path.
    var capture: PairArraysCapture?
    /// Deeper nesting than this is rejected rather than risking the stack.
    @usableFromInline static let maximumDepth = 256

    @usableFromInline
    init(_ bytes: UnsafeRawBufferPointer) {
        let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        base = start
        end = start + bytes.count
        p = start
    }

    /// Parses one complete JSON value; only whitespace may follow it.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(SyntaxError) -> JSONValue {
        try parse(bytes, capturing: nil)
    }

    /// Parses like `parse(_:)`, except that when `capture` is given and the text is an object, the
    /// first value of the key `capture.key` goes through `captureField(_:depth:)`: when it is an array of
    /// arrays of [number, number or null] pairs it lands in `capture.dimensions`, not in the object.
    static func parse(_ bytes: UnsafeRawBufferPointer, capturing capture: PairArraysCapture?) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        capture?.reset()
        parser.capture = capture
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.p == parser.end else { throw parser.error("unexpected \(parser.describeCurrent()) after the JSON value") }
        return value
    }

    /// Parses a JSON text held in a string (tests, small inputs).
    public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        var copy = text
        do {
            return try copy.withUTF8 { try JSONParser.parse(UnsafeRawBufferPointer($0)) }
        } catch let error as SyntaxError {
            throw error
        } catch {
            throw SyntaxError(offset: 0, message: "\(error)")
        }
    }

    @usableFromInline
    func error(_ message: String) -> SyntaxError { SyntaxError(offset: p - base, message: message) }

    @usableFromInline
    func describeCurrent() -> String {
        guard p < end else { return "end of line" }
        let c = p.pointee
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(String(c, radix: 16))"
    }

    @inlinable
    mutating func skipWhitespace() {
        while p < end {
            let c = p.pointee
            guard c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D else { return }
            p += 1
        }
    }

    @inlinable
    mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
        skipWhitespace()
        guard p < end else { throw error("unexpected end of line, expected a value") }
        switch p.pointee {
        case UInt8(ascii: "{"): return .object(try parseObject(depth: depth + 1))
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        // Python's json.dumps writes a diagram's infinite death as Infinity: it reads as the
        // protocol's null. -Infinity and NaN have no meaning in a record.
        case UInt8(ascii: "I"): try expectLiteral("Infinity"); return .null
        case UInt8(ascii: "N") where end - p >= 3 && p[1] == UInt8(ascii: "a") && p[2] == UInt8(ascii: "N"):
            throw error("NaN is not a number a record can hold")
        default: return .number(try parseNumber())
        }
    }

    @inlinable
    mutating func parseNumber() throws(SyntaxError) -> Double {
        guard let (value, next) = NumberParser.parse(p, end) else {
            if end - p >= 2, p[0] == UInt8(ascii: "-"), p[1] == UInt8(ascii: "I") {
                throw error("-Infinity is not a number a record can hold (an infinite death is null or Infinity)")
            }
            throw error("unexpected \(describeCurrent()), expected a value")
        }
        guard value.isFinite else { throw error("number out of the range of a double") }
        p = next
        return value
    }

    @usableFromInline
    mutating func expectLiteral(_ word: StaticString) throws(SyntaxError) {
        let n = word.utf8CodeUnitCount
        guard end - p >= n, memcmp(p, word.utf8Start, n) == 0 else {
            throw error("unexpected \(describeCurrent()), expected a value")
        }
        p += n
    }

    @inlinable
    mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue {
        guard depth <= JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
        p += 1
        var numbers: [Double] = []
        var values: [JSONValue]? = nil
        skipWhitespace()
        if p < end, p.pointee == UInt8(ascii: "]") { p += 1; return .numbers([]) }
        while true {
            skipWhitespace()
            if values == nil, p < end, p.pointee == UInt8(ascii: "-") || NumberParser.isDigit(p.pointee) {
                numbers.append(try parseNumber())
            } else {
                let value = try parseValue(depth: depth)
                if values == nil { values = numbers.map(JSONValue.number) }
                values!.append(value)
            }
            skipWhitespace()
            guard p < end else { throw error("unexpected end of line inside an array") }
            if p.pointee == UInt8(ascii: ",") { p += 1; continue }
            if p.pointee == UInt8(ascii: "]") { p += 1; break }
            throw error("unexpected \(describeCurrent()) in an array, expected ',' or ']'")
        }
        if let values { return .array(values) }
        return .numbers(numbers)
    }

    @usableFromInline
    mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONObject {
        guard depth <= JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
        p += 1
        var entries: [(String, JSONValue)] = []
        skipWhitespace()
        if p < end, p.pointee == UInt8(ascii: "}") { p += 1; return JSONObject(entries) }
        while true {
            skipWhitespace()
            guard p < end, p.pointee == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()) in an object, expected a key string")
            }
            let key = try parseString()
            skipWhitespace()
            guard p < end, p.pointee == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()) after key \"\(key)\", expected ':'")
            }
            p += 1
            if !captureField(key, depth: depth) { entries.append((key, try parseValue(depth: depth))) }
            skipWhitespace()
            guard p < end else { throw error("unexpected end of line inside an object") }
            if p.pointee == UInt8(ascii: ",") { p += 1; continue }
            if p.pointee == UInt8(ascii: "}") { p += 1; break }
            throw error("unexpected \(describeCurrent()) in an object, expected ',' or '}'")
        }
        return JSONObject(entries)
    }

    /// Parses a string literal: escapes decoded, control characters and invalid UTF-8 rejected.
    @usableFromInline
    mutating func parseString() throws(SyntaxError) -> String {
        p += 1
        let start = p
        // Fast path: no escapes.
        while p < end, p.pointee != UInt8(ascii: "\""), p.pointee != UInt8(ascii: "\\"), p.pointee >= 0x20 { p += 1 }
        if p < end, p.pointee == UInt8(ascii: "\"") {
            let bytes = UnsafeBufferPointer(start: start, count: p - start)
            guard let s = String(validating: bytes, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
            p += 1
            return s
        }
        var bytes = [UInt8](UnsafeBufferPointer(start: start, count: p - start))
        while true {
            guard p < end else { throw error("unterminated string") }
            let c = p.pointee
            if c == UInt8(ascii: "\"") { p += 1; break }
            if c < 0x20 { throw error("control character 0x\(String(c, radix: 16)) in a string") }
            if c != UInt8(ascii: "\\") { bytes.append(c); p += 1; continue }
            p += 1
            guard p < end else { throw error("unterminated string") }
            let escape = p.pointee
            p += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"): appendUTF8(of: try parseUnicodeEscape(), to: &bytes)
            default: p -= 1; throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
            }
        }
        guard let s = String(validating: bytes, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
        return s
    }

    /// Decodes `XXXX` after `\u`, combining a surrogate pair when one follows.
    @usableFromInline
    mutating func parseUnicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
        let high = try parseHex4()
        if high >= 0xD800 && high < 0xDC00 {
            guard end - p >= 6, p[0] == UInt8(ascii: "\\"), p[1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate \\u\(String(high, radix: 16)) in a string")
            }
            p += 2
            let low = try parseHex4()
            guard low >= 0xDC00 && low < 0xE000 else { throw error("invalid surrogate pair in a string") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(high) else { throw error("unpaired surrogate \\u\(String(high, radix: 16)) in a string") }
        return scalar
    }

    @usableFromInline
    mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard end - p >= 4 else { throw error("truncated \\u escape in a string") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = p.pointee
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - 55)
            default: throw error("invalid hex digit in a \\u escape")
            }
            value = value << 4 | digit
            p += 1
        }
        return value
    }

    @usableFromInline
    func appendUTF8(of scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        UTF8.encode(scalar) { bytes.append($0) }
    }
}
