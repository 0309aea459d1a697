/// CRC-32 as zip archives use it (ISO-HDLC: reflected polynomial 0xEDB88320, initial value and
/// final XOR all ones; the check value of `123456789` is 0xCBF43926).
///
/// Slicing by eight: eight 256-entry tables let each step fold eight bytes with eight lookups,
/// instead of one table step per byte. The checksum of an `.npz` entry covers all its bytes,
/// so this runs over every activation written.
public struct CRC32: Sendable {
    public private(set) var value: UInt32 = 0

    public init() {}

    /// The checksum of `bytes` alone.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// Continues the checksum over `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var crc = ~value
        var p = base
        var remaining = bytes.count
        Self.table.withUnsafeBufferPointer { t in
            while remaining >= 8 {
                let word = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) ^ UInt64(crc)
                var next: UInt32 = 0
                for k in 0..<8 { next ^= t[(7 - k) * 256 + Int(truncatingIfNeeded: word >> (8 * k) & 0xFF)] }
                crc = next
                p += 8
                remaining -= 8
            }
            while remaining > 0 {
                crc = t[Int((crc ^ UInt32(p.load(as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                p += 1
                remaining -= 1
            }
        }
        value = ~crc
    }

    /// Table k holds the CRC of byte b followed by k zero bytes (table 0 is the classic one).
    static let table: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for b in 0..<256 {
            var crc = UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
            t[b] = crc
        }
        for k in 1..<8 {
            for b in 0..<256 {
                let previous: UInt32 = t[(k - 1) * 256 + b]
                t[k * 256 + b] = t[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return t
    }()
}
