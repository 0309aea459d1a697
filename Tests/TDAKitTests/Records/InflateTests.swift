import Foundation
import Testing
@testable import TDAKit

/// The DEFLATE decoder on small streams zlib wrote (level 0 and 9, raw) and hand-made broken
/// ones, then numpy's compressed archive cut short and damaged at many places.
@Suite struct InflateTests {
    func inflate(_ stream: [UInt8], size: Int) throws(Inflate.Failure) -> [UInt8] {
        let result = stream.withUnsafeBytes { raw in Result { () throws(Inflate.Failure) in try Inflate.inflate(raw, size: size) } }
        return try result.get()
    }

    @Test func zlibStreams() throws {
        #expect(try inflate([1, 3, 0, 252, 255, 104, 105, 33], size: 3) == Array("hi!".utf8), "stored block")
        let fixed: [UInt8] = [75, 76, 74, 78, 132, 33, 133, 140, 212, 156, 156, 124, 8, 9, 0]
        #expect(try inflate(fixed, size: 24) == Array("abcabcabcabc hello hello".utf8), "fixed block, distance 3 and 6")
        #expect(try inflate([75, 76, 28, 5, 196, 2, 0], size: 300) == [UInt8](repeating: 0x61, count: 300), "distance 1")
    }

    /// Each broken stream is refused with its reason (streams made bit by bit, see the comments).
    @Test(arguments: [
        ([7, 0], 1, "invalid block type 3"),
        ([1, 3, 0, 252, 254, 104, 105, 33], 3, "stored block length does not match its complement"),
        ([1, 3, 0, 252, 255, 104, 105], 3, "truncated stream"),
        // fixed block: literal 'a', then a length-3 match at distance 2
        ([75, 4, 66, 0], 4, "distance 2 reaches before the start"),
        // fixed block: literal 'a', then symbol 286
        ([75, 28, 3, 0], 4, "invalid literal/length code"),
        // dynamic block with 287 literal/length codes
        ([245, 0, 0], 4, "too many length or distance codes"),
        // dynamic block whose 19 code-length codes are all one bit long
        ([5, 224, 147, 36, 73, 146, 36, 73, 146, 0], 4, "code-length code: over-subscribed code lengths"),
        ([75, 76, 74, 78, 132, 33, 133, 140, 212, 156, 156, 124, 8, 9, 0], 23, "inflates to more than the 23 bytes the zip header says"),
        ([75, 76, 74, 78, 132, 33, 133, 140, 212, 156, 156, 124, 8, 9, 0], 25, "inflates to 24 bytes, the zip header says 25"),
        ([75, 76, 74, 78, 132, 33, 133, 140, 212, 156, 156], 24, "truncated stream"),
        ([], 0, "empty stream"),
    ] as [([UInt8], Int, String)])
    func brokenStreams(_ stream: [UInt8], size: Int, reason: String) {
        #expect(throws: Inflate.Failure(reason: reason)) { try inflate(stream, size: size) }
    }

    /// np.savez_compressed's archive cut anywhere, or with one byte of a deflated entry changed,
    /// is a data error (the CRC catches what the stream structure does not); a change only to
    /// bits the decoder never reads (the last byte's padding) leaves the same arrays.
    @Test func damagedCompressedArchives() throws {
        let archive = try NumpyFixtureTests.bytes("numpy_compressed.npz")
        let original = try NPZReader.entries(archive, name: "c.npz")
        var rng = SplitMix(state: 11)
        for _ in 0..<150 {
            let cut = Int(rng.next() % UInt64(archive.count))
            #expect(throws: ToolError.self) { try NPZReader.entries(Array(archive.prefix(cut)), name: "c.npz") }
        }
        // The large entry's first dynamic header is in its first hundred bytes: those are all
        // tried. (Each try inflates 120 kB; a debug build does about 10 MB/s.)
        let streams = deflatedStreams(archive)
        let (large, small) = (streams[0], streams[1])
        let positions = Array(large.prefix(100)) + (0..<60).map { _ in large.randomElement(using: &rng)! } + Array(small)
        var unchanged = 0
        for position in positions {
            var damaged = archive
            damaged[position] ^= UInt8(1 + rng.next() % 255)
            do {
                let entries = try NPZReader.entries(damaged, name: "c.npz")
                #expect(entries.map(\.npy) == original.map(\.npy), "byte \(position) changed the arrays without an error")
                unchanged += 1
            } catch {}
        }
        #expect(unchanged < 5)
    }

    /// Where each entry's deflated bytes lie, from the central directory and local headers.
    func deflatedStreams(_ archive: [UInt8]) -> [Range<Int>] {
        func u16(_ at: Int) -> Int { Int(archive[at]) | Int(archive[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let end = archive.count - 22
        var at = u32(end + 16), streams: [Range<Int>] = []
        for _ in 0..<u16(end + 10) {
            let offset = u32(at + 42), start = offset + 30 + u16(offset + 26) + u16(offset + 28)
            streams.append(start..<(start + u32(at + 20)))
            at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32)
        }
        return streams
    }
}
