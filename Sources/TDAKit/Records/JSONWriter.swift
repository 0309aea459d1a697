/// Serialises JSON values into a byte buffer: compact, keys in order, doubles in shortest
/// round-trip form (byte for byte Swift's `description`, which reads back to the same bits).
///
/// Infinity is written as `null` (the protocol's infinite death); NaN is refused, since the
/// protocol never carries it and a NaN always means a bug or bad input upstream.
public enum JSONWriter {
    public struct NotANumber: Error, Sendable { public init() {} }

    /// How arrays of numbers are written.
    public enum ArrayPrecision: Sendable {
        /// Every value with the shortest digits of its Double.
        case float64
        /// Values that are exactly Float32 with the shortest digits of that Float32 (`0.1`
        /// for the Float nearest 0.1, where float64 writes `0.10000000149011612`), others as
        /// float64: for data computed in Float32, such as activations, half the bytes.
        case float32
    }

    /// Appends one value; `arrays` chooses the digits of arrays of numbers (single numbers,
    /// such as those of `meta`, are always written as Doubles).
    public static func write(_ value: JSONValue, to out: inout [UInt8], arrays: ArrayPrecision = .float64) throws(NotANumber) {
        switch value {
        case .null: append("null", to: &out)
        case .bool(let b): append(b ? "true" : "false", to: &out)
        case .number(let x): try writeNumber(x, to: &out)
        case .string(let s): writeString(s, to: &out)
        case .numbers(let xs):
            if arrays == .float32 {
                try xs.withUnsafeBufferPointer { xs throws(NotANumber) in try writeFloat32Array(xs, to: &out) }
            } else {
                try writeNumbers(xs, to: &out)
            }
        case .array(let xs):
            out.append(UInt8(ascii: "["))
            for (i, x) in xs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try write(x, to: &out, arrays: arrays)
            }
            out.append(UInt8(ascii: "]"))
        case .rows(let m):
            out.append(UInt8(ascii: "["))
            try m.storage.withUnsafeBufferPointer { all throws(NotANumber) in
                for i in 0..<m.rows {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    let row = UnsafeBufferPointer(rebasing: all[i * m.cols..<(i + 1) * m.cols])
                    if arrays == .float32 { try writeFloat32Array(row, to: &out) } else { try writeArray(row, to: &out) }
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(entry.key, to: &out)
                out.append(UInt8(ascii: ":"))
                try write(entry.value, to: &out, arrays: arrays)
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
    /// counts and indices such as Mapper members. `-0.0` keeps its sign. Everything else is
    /// exactly Swift's `description` (`0.1`, `1e-05`, `1.2345e+20`), from our own Schubfach
    /// formatter (`ShortestDecimal`, `JSONNumberText`): the runtime's took about 60% of the time
    /// of writing records (bench/records.sh).
    public static func writeNumber(_ x: Double, to out: inout [UInt8]) throws(NotANumber) {
        try writeFloatingPoint(x, to: &out)
    }

    /// The shortest digits that read back to the same Float32, as `Float.description`;
    /// whole numbers below 2^24 as integers.
    public static func writeNumber(_ x: Float, to out: inout [UInt8]) throws(NotANumber) {
        try writeFloatingPoint(x, to: &out)
    }

    /// A JSON array of numbers, each written as by `writeNumber`.
    public static func writeNumbers(_ xs: [Double], to out: inout [UInt8]) throws(NotANumber) {
        try xs.withUnsafeBufferPointer { xs throws(NotANumber) in try writeArray(xs, to: &out) }
    }

    /// A JSON array of Float32 numbers, each written as by `writeNumber`.
    public static func writeNumbers(_ xs: [Float], to out: inout [UInt8]) throws(NotANumber) {
        try xs.withUnsafeBufferPointer { xs throws(NotANumber) in try writeArray(xs, to: &out) }
    }

    @inlinable
    static func writeFloatingPoint<F: BinaryFloatingPoint>(_ x: F, to out: inout [UInt8]) throws(NotANumber) {
        try fill(upTo: JSONNumberText.maxLength, of: &out) { JSONNumberText.write(x, to: $0) }
    }

    /// One resize for the whole array, then numbers and commas straight into it: cloud rows
    /// are most of what the tools write.
    @inlinable
    static func writeArray<F: BinaryFloatingPoint>(_ xs: UnsafeBufferPointer<F>, to out: inout [UInt8]) throws(NotANumber) {
        try writeElements(xs, to: &out) { x, p in JSONNumberText.write(x, to: p) }
    }

    /// An array under `.float32`: each value exactly representable as a Float32 in that
    /// type's shortest digits, any other as a Double.
    @inlinable
    static func writeFloat32Array(_ xs: UnsafeBufferPointer<Double>, to out: inout [UInt8]) throws(NotANumber) {
        try writeElements(xs, to: &out) { x, p in digits(x, .float32, to: p) }
    }

    /// One number as an array of `precision` holds it (see `ArrayPrecision`).
    public static func writeNumber(_ x: Double, precision: ArrayPrecision, to out: inout [UInt8]) throws(NotANumber) {
        try fill(upTo: JSONNumberText.maxLength, of: &out) { digits(x, precision, to: $0) }
    }

    /// The digits of `x` at `p` under `precision`; their count, nil for NaN.
    @inlinable
    static func digits(_ x: Double, _ precision: ArrayPrecision, to p: UnsafeMutablePointer<UInt8>) -> Int? {
        let f = Float(x)
        return precision == .float32 && Double(f) == x ? JSONNumberText.write(f, to: p) : JSONNumberText.write(x, to: p)
    }

    /// `[`, the elements as `element` writes them (returning their length, nil for NaN)
    /// separated by commas, `]`.
    @inlinable
    static func writeElements<F: BinaryFloatingPoint>(_ xs: UnsafeBufferPointer<F>, to out: inout [UInt8],
                                                       _ element: (F, UnsafeMutablePointer<UInt8>) -> Int?) throws(NotANumber) {
        try fill(upTo: 2 + xs.count * (JSONNumberText.maxLength + 1), of: &out) { start in
            var p = start
            p.pointee = UInt8(ascii: "[")
            p += 1
            for (i, x) in xs.enumerated() {
                if i > 0 {
                    p.pointee = UInt8(ascii: ",")
                    p += 1
                }
                guard let count = element(x, p) else { return nil }
                p += count
            }
            p.pointee = UInt8(ascii: "]")
            return p + 1 - start
        }
    }

    /// Grows `out` by `bound` bytes, lets `body` write from the old end and return how many it
    /// wrote, then drops the rest. `body` returns nil for NaN, which leaves `out` unchanged.
    /// (An Array cannot expose its spare capacity, so the bytes are zeroed first; that memset
    /// is cheap next to formatting.)
    @inlinable
    static func fill(upTo bound: Int, of out: inout [UInt8], _ body: (UnsafeMutablePointer<UInt8>) -> Int?) throws(NotANumber) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bound))
        let written = out.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { body($0 + start) }
        }
        out.removeLast(bound - (written ?? 0))
        if written == nil { throw NotANumber() }
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
