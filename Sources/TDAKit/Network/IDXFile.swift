/// Reads MNIST-style IDX files (big-endian header: two zero bytes, a type code, the number of
/// dimensions, then each dimension as a 32-bit integer, then the values in C order).
///
/// Unsigned-byte images are scaled to [0, 1] when asked (as torchvision's `ToTensor`); labels are
/// read as plain numbers. An image file with dimensions `N × H × W` gives `N` samples of shape 1 × H × W.
public enum IDXFile {
    public struct Contents {
        public var dimensions: [Int]
        public var values: [Double]
    }

    public static func read(_ bytes: [UInt8], name: String, scaleBytes: Bool = false) throws -> Contents {
        guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0 else { throw ToolError.data(name, "not an IDX file (bad magic number)") }
        let (type, rank) = (bytes[2], Int(bytes[3]))
        let width: Int
        switch type {
        case 0x08, 0x09: width = 1
        case 0x0B: width = 2
        case 0x0C, 0x0D: width = 4
        case 0x0E: width = 8
        default: throw ToolError.data(name, "IDX value type 0x\(String(type, radix: 16)) is not supported")
        }
        guard rank > 0, bytes.count >= 4 + 4 * rank else { throw ToolError.data(name, "IDX header is truncated") }
        let dimensions = (0..<rank).map { Int(bigEndian(bytes, at: 4 + 4 * $0, width: 4)) }
        let count = dimensions.reduce(1, *), start = 4 + 4 * rank
        guard bytes.count == start + count * width else {
            throw ToolError.data(name, "IDX file has \(bytes.count - start) data bytes, its header promises \(count * width)")
        }
        let values: [Double] = (0..<count).map { i in
            let raw = bigEndian(bytes, at: start + i * width, width: width)
            switch type {
            case 0x08: return scaleBytes ? Double(raw) / 255 : Double(raw)
            case 0x09: return Double(Int8(truncatingIfNeeded: raw))
            case 0x0B: return Double(Int16(truncatingIfNeeded: raw))
            case 0x0C: return Double(Int32(truncatingIfNeeded: raw))
            case 0x0D: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
            default: return Double(bitPattern: raw)
            }
        }
        return Contents(dimensions: dimensions, values: values)
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64 {
        (0..<width).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[offset + $1]) }
    }
}
