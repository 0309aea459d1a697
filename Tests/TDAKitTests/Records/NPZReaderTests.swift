import Foundation
import Testing
@testable import TDAKit

@Suite struct NPZReaderTests {
    static func savez() throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.root.appendingPathComponent("records/savez.npz")))
    }

    /// numpy's own archive: zip64 local headers, sizes only in the central directory.
    @Test func readsAnArchiveNumpyWrote() throws {
        let entries = try NPZReader.entries(try Self.savez(), name: "savez.npz")
        #expect(entries.map(\.key) == ["m/dense1/s0", "m/dense1/s0.labels", "table"])
        let cloud = try NPY.read(entries[0].npy, name: "cloud")
        #expect(cloud.rows == 2 && cloud.storage == [0.5, -1.25, 3.0, Double(Float(0.1)), 0, 2.5])
        #expect(try NPY.read(entries[1].npy, name: "labels").storage == [4, 7])
    }

    /// Each table is a record under its key; `KEY.labels` becomes the labels of KEY.
    @Test func tablesBecomeRecordsWithTheirLabels() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("npz-\(UUID().uuidString).npz").path
        try Data(try Self.savez()).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var source = RecordSource(paths: [path], format: "npz", tableType: "cloud")
        var clouds: [CloudRecord] = []
        while let record = try source.next() { clouds.append(try CloudRecord(record)) }
        #expect(clouds.map(\.id) == ["m/dense1/s0", "table"])
        #expect(clouds[0].labels == [.number(4), .number(7)] && clouds[1].labels == nil)
        #expect(clouds[1].points == Matrix(rows: 3, cols: 2, storage: [1, 2, 3, 4, 5, 6]))
    }

    /// Our writer's archive reads back; a flipped data byte fails the CRC; truncation, an
    /// unknown compression method and a stored entry marked deflated are data errors that say so.
    @Test func writerRoundTripAndDamagedArchives() throws {
        let output = ByteOutput(fileDescriptor: -1, name: "mem", capacity: 1 << 30)
        let writer = NPZWriter(output: output)
        let npy = NPY.bytes(of: [1, 2, 3])
        try writer.add(key: "x", npy: npy, crc: npy.withUnsafeBytes { CRC32.checksum($0) })
        try writer.finish()
        let archive = output.buffer
        #expect(try NPZReader.entries(archive, name: "a.npz").map(\.key) == ["x"])
        var flipped = archive
        flipped[100] ^= 1
        #expect(throws: ToolError.data("a.npz", "not a readable .npz archive: x.npy fails its CRC check")) {
            try NPZReader.entries(flipped, name: "a.npz")
        }
        #expect(throws: ToolError.data("a.npz", "not a readable .npz archive: no zip end record")) {
            try NPZReader.entries(Array(archive.dropLast(5)), name: "a.npz")
        }
        let directory = archive.count - 22 - 46 - 5
        var bzip2 = archive
        bzip2[directory + 10] = 12
        #expect(throws: ToolError.data("a.npz", "not a readable .npz archive: x.npy uses compression method 12 (want 0, stored, or 8, deflate)")) {
            try NPZReader.entries(bzip2, name: "a.npz")
        }
        var deflated = archive
        deflated[directory + 10] = 8
        #expect(throws: ToolError.data("a.npz", "not a readable .npz archive: x.npy does not inflate: inflates to 6 bytes, the zip header says 152")) {
            try NPZReader.entries(deflated, name: "a.npz")
        }
    }
}
