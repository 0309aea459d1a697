import Testing
@testable import TDAKit

@Suite struct CRC32Tests {
    /// The bit-at-a-time definition the sliced tables must reproduce.
    static func bitwise(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }

    @Test func checkValueOfTheZipCRC() {
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) } == 0xCBF4_3926)
        #expect([UInt8]().withUnsafeBytes { CRC32.checksum($0) } == 0)
    }

    /// Lengths around the eight-byte steps, and a checksum continued over two pieces.
    @Test func slicedTablesAgreeWithTheBitwiseDefinition() {
        var rng = SplitMix64(seed: 7)
        for length in [1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            #expect(bytes.withUnsafeBytes { CRC32.checksum($0) } == Self.bitwise(bytes), "length \(length)")
            var split = CRC32()
            bytes.prefix(length / 3).withUnsafeBytes { split.update($0) }
            Array(bytes.dropFirst(length / 3)).withUnsafeBytes { split.update($0) }
            #expect(split.value == Self.bitwise(bytes), "length \(length) in two pieces")
        }
    }
}
