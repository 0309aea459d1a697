/// The element type an `.npy` header's `descr` names: byte order, kind and size, as numpy's
/// array-interface type strings spell them (`<f8`, `>i2`, `|b1`, ...).
struct NPYElementType: Equatable {
    enum Kind: Character { case float = "f", signed = "i", unsigned = "u", bool = "b" }

    let kind: Kind
    let size: Int
    let bigEndian: Bool

    /// The descr strings read: `<` little and `>` big endian; `=` native (this machine's order)
    /// and `|` not applicable, which numpy writes for one-byte types.
    static let described = "f2, f4, f8, i1, i2, i4, i8, u1, u2, u4, u8 or b1, with <, >, = or |"

    init?(descr: String) {
        let text = Array(descr)
        guard text.count == 3, let kind = Kind(rawValue: text[1]), let size = text[2].wholeNumberValue else { return nil }
        let sizes: [Kind: [Int]] = [.float: [2, 4, 8], .signed: [1, 2, 4, 8], .unsigned: [1, 2, 4, 8], .bool: [1]]
        guard sizes[kind]?.contains(size) == true else { return nil }
        switch text[0] {
        case "<": bigEndian = false
        case ">": bigEndian = true
        case "=": bigEndian = 1.bigEndian == 1
        case "|" where size == 1: bigEndian = false
        default: return nil
        }
        (self.kind, self.size) = (kind, size)
    }

    /// Float64 in this machine's byte order: its bytes are the doubles.
    var isNativeFloat64: Bool { kind == .float && size == 8 && bigEndian == (1.bigEndian == 1) }

    /// Decodes `count` elements stored one after another from `start` (the caller has checked
    /// that `count * size` bytes are there), each converted exactly to a double.
    func values(_ start: UnsafeRawPointer, count: Int) -> [Double] {
        // One loop per type keeps the per-element work a load and a conversion (no closure call).
        func load<T: FixedWidthInteger>(_: T.Type, _ convert: (T) -> Double) -> [Double] {
            (0..<count).map { i in
                let raw = start.loadUnaligned(fromByteOffset: i * size, as: T.self)
                return convert(bigEndian ? T(bigEndian: raw) : T(littleEndian: raw))
            }
        }
        switch (kind, size) {
        case (.float, 2): return load(UInt16.self, Self.half)
        case (.float, 4): return load(UInt32.self) { Double(Float(bitPattern: $0)) }
        case (.float, _): return load(UInt64.self) { Double(bitPattern: $0) }
        case (.signed, 1): return load(Int8.self) { Double($0) }
        case (.signed, 2): return load(Int16.self) { Double($0) }
        case (.signed, 4): return load(Int32.self) { Double($0) }
        case (.signed, _): return load(Int64.self) { Double($0) }
        case (.unsigned, 1): return load(UInt8.self) { Double($0) }
        case (.unsigned, 2): return load(UInt16.self) { Double($0) }
        case (.unsigned, 4): return load(UInt32.self) { Double($0) }
        case (.unsigned, _): return load(UInt64.self) { Double($0) }
        case (.bool, _): return load(UInt8.self) { $0 == 0 ? 0 : 1 }
        }
    }

    /// An IEEE 754 binary16 value from its bits, exactly (every half is a double): subnormals
    /// are fraction × 2⁻²⁴, exponent 31 is infinity or NaN.
    static func half(_ bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 == 0 ? 1 : -1
        let exponent = Int(bits >> 10 & 0x1F), fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
