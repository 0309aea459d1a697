import Foundation
import Testing
@testable import TDAKit

/// Files numpy itself wrote (scripts/references/numpy_fixtures.py): every element type and
/// byte order, Fortran order, and an `np.savez_compressed` archive, read back bit for bit.
@Suite struct NumpyFixtureTests {
    struct Expected: Decodable {
        struct Array: Decodable {
            let shape: [Int]
            let bits: [String]
        }
        struct Large: Decodable {
            let shape: [Int]
            let first_row_bits: [String]
            let crc32_of_values: UInt32
        }
        struct Archive: Decodable {
            let small: Array
            let large: Large
        }
        let npy: [String: Array]
        let npz: Archive
    }

    static let expected = Result { try Fixtures.decode(Expected.self, "records/numpy_expected.json") }
    static let npyNames = ((try? expected.get())?.npy.keys.sorted()) ?? []

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.url("records/\(name)")))
    }

    static func bits(_ values: [Double]) -> [String] {
        values.map { String(repeating: "0", count: 16 - String($0.bitPattern, radix: 16).count) + String($0.bitPattern, radix: 16) }
    }

    @Test func everyTypeIsInTheFixtures() throws {
        #expect(Self.npyNames.count == 12)
    }

    @Test(arguments: npyNames)
    func npyFileReadsExactly(_ name: String) throws {
        let array = try #require(try Self.expected.get().npy[name])
        let matrix = try NPY.read(try Self.bytes(name), name: name)
        #expect([matrix.rows, matrix.cols] == (array.shape.count == 1 ? array.shape + [1] : array.shape))
        #expect(Self.bits(matrix.storage) == array.bits)
    }

    @Test func fortranOrderEqualsCOrder() throws {
        let fortran = try NPY.read(try Self.bytes("numpy_fortran.npy"), name: "f")
        #expect(fortran == (try NPY.read(try Self.bytes("numpy_c_order.npy"), name: "c")))
        #expect(String(decoding: try Self.bytes("numpy_fortran.npy").prefix(80), as: UTF8.self).contains("'fortran_order': True"))
    }

    /// Half-precision corner cases, against what numpy's astype(float64) gave.
    @Test func halfPrecisionValues() throws {
        let half = try NPY.read(try Self.bytes("numpy_float16.npy"), name: "h").storage
        #expect(half[0] == 0x1p-20 && half[1] == 0x1p-24, "subnormals")
        #expect(half[2] == 0.0999755859375 && half[3] == -2.5 && half[4] == 65504)
        #expect(NPYElementType.half(0x7C00) == .infinity && NPYElementType.half(0xFC00) == -.infinity)
        #expect(NPYElementType.half(0x7E00).isNaN && NPYElementType.half(0x8000).sign == .minus)
    }

    /// np.savez_compressed's archive: deflated entries (dynamic Huffman for the large array,
    /// fixed for the small) give the same .npy bytes as np.savez's stored ones.
    @Test func compressedArchiveReadsExactly() throws {
        let expected = try Self.expected.get().npz
        let compressed = try NPZReader.entries(try Self.bytes("numpy_compressed.npz"), name: "c.npz")
        let stored = try NPZReader.entries(try Self.bytes("numpy_stored.npz"), name: "s.npz")
        #expect(compressed.map(\.key) == ["large", "small"])
        #expect(compressed.map(\.npy) == stored.map(\.npy))
        let small = try NPY.read(compressed[1].npy, name: "small")
        #expect([small.rows, small.cols] == expected.small.shape && Self.bits(small.storage) == expected.small.bits)
        let large = try NPY.read(compressed[0].npy, name: "large")
        #expect([large.rows, large.cols] == expected.large.shape)
        #expect(Self.bits(Array(large.storage.prefix(large.cols))) == expected.large.first_row_bits)
        let littleEndian = large.storage.map { $0.bitPattern.littleEndian }
        #expect(littleEndian.withUnsafeBytes { CRC32.checksum($0) } == expected.large.crc32_of_values)
    }

    /// Damaged numpy files are one-line data errors, checked before anything is read.
    @Test func malformedNPYFilesAreDataErrors() throws {
        func header(_ text: String) -> [UInt8] {
            let dict = Array(text.utf8)
            return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(dict.count), 0] + dict
        }
        func message(_ bytes: [UInt8]) -> String? {
            do { _ = try NPY.read(bytes, name: "x.npy"); return nil } catch { return "\(error)" }
        }
        let huge = header("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }")
        #expect(message(huge)?.contains("shape too large") == true)
        let wide = header("{'descr': '<f8', 'fortran_order': False, 'shape': (1152921504606846976, 1), }")
        #expect(message(wide)?.contains("shape too large") == true)
        let short = header("{'descr': '>f4', 'fortran_order': True, 'shape': (2, 2), }") + [0, 0, 0]
        #expect(message(short)?.contains("data has 3 bytes, shape [2, 2] needs 16") == true)
        #expect(message(header("{'descr': '|f8', 'fortran_order': False, 'shape': (1,), }") + [UInt8](repeating: 0, count: 8))?
            .contains("dtype |f8 is not supported") == true)
        #expect(message(header("{'descr': '<f8', 'shape': (1,), }") + [UInt8](repeating: 0, count: 8))?.contains("no fortran_order") == true)
        let infinite = header("{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }") + [0, 0x3C, 0, 0x7C]
        #expect(message(infinite)?.contains("element 1 (row 1, column 0) is not finite") == true)
        let native = header("{'descr': '=u2', 'fortran_order': False, 'shape': (1,), }") + [2, 1]
        #expect(try NPY.read(native, name: "n.npy").storage == [258])
    }
}
