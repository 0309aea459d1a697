/// Serialises JSON values into a byte buffer: compact, keys in order, doubles in shortest
/// round-trip form (Swift's `description`, which reads back to the same bits).
///
/// Infinity is written as `null` (the protocol's infinite death); NaN is refused, since the
/// protocol never carries it and a NaN always means a bug or bad input upstream.
public enum JSONWriter {
    public struct NotANumber: Error, Sendable { public init() {} }

    /// Appends one value.
    public static func write(_ value: JSONValue, to out: inout [UInt8]) throws(NotANumber) {
        switch value {
        case .null: append("null", to: &out)
        case .bool(let b): append(b ? "true" : "false", to: &out)
        case .number(let x): try writeNumber(x, to: &out)
        case .string(let s): writeString(s, to: &out)
        case .numbers(let xs):
            out.append(UInt8(ascii: "["))
            for (i, x) in xs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try writeNumber(x, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .array(let xs):
            out.append(UInt8(ascii: "["))
            for (i, x) in xs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try write(x, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(entry.key, to: &out)
                out.append(UInt8(ascii: ":"))
                try write(entry.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The compact JSON text of a value.
    public static func string(_ value: JSONValue) throws(NotANumber) -> String {
        var bytes: [UInt8] = []
        try write(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Shortest round-trip digits. Whole numbers below 2^53 are written as integers (`9`, not
    /// `9.0`): the same double, and readers that type numbers (Python's json) get ints for
    /// counts and indices such as Mapper members. `-0.0` keeps its sign.
    ///
    /// Other values go through `Double.write(to:)`, which hands its digits to the stream's
    /// `_writeASCII` straight from a stack buffer; going through `description` allocated a
    /// String per long number and made writing records 2.3× slower (bench/records.sh).
    @inlinable
    public static func writeNumber(_ x: Double, to out: inout [UInt8]) throws(NotANumber) {
        if x.isNaN { throw NotANumber() }
        if x.isInfinite { append("null", to: &out); return }
        if x.rounded(.towardZero) == x, abs(x) < 9_007_199_254_740_992, !(x == 0 && x.sign == .minus) {
            writeInteger(Int64(x), to: &out)
            return
        }
        var sink = ASCIISink(bytes: [])
        swap(&sink.bytes, &out)
        x.write(to: &sink)
        swap(&sink.bytes, &out)
    }

    @inlinable
    static func writeInteger(_ n: Int64, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits: (UInt64, UInt64) = (0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 48
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    @inlinable
    static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; other
    /// Unicode written as UTF-8.
    public static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A text stream that appends to a byte array; ASCII arrives without becoming a String.
@usableFromInline
struct ASCIISink: TextOutputStream {
    @usableFromInline var bytes: [UInt8]

    @inlinable init(bytes: [UInt8]) { self.bytes = bytes }

    @inlinable mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

    @inlinable mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}
