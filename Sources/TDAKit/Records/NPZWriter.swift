/// Writes a NumPy `.npz` archive (what `np.savez` makes and `np.load` reads): a zip file of
/// `.npy` entries, stored uncompressed, streamed to a `ByteOutput` without seeking.
///
/// Entries carry a fixed time stamp (1980-01-01 00:00, zip's earliest), so the same arrays give
/// the same bytes. Without the zip64 extensions an archive holds at most 65 535 entries and
/// 4 GiB; past either the writer stops with a usage error naming the limit.
public final class NPZWriter {
    public let output: ByteOutput
    private var directory: [UInt8] = []
    private var entries = 0
    private var offset = 0

    public init(output: ByteOutput) { self.output = output }

    /// The error for an archive past what zip without zip64 can hold.
    static let tooLarge = ToolError.usage("--output-format npz: the archive would exceed the zip limits (65535 arrays, 4 GiB); use jsonl")

    /// Adds the array `key` (read back as `np.load(FILE)[key]`) from its `.npy` bytes and
    /// their checksum, computed by the caller so that several entries can be prepared at once.
    public func add(key: String, npy bytes: [UInt8], crc: UInt32) throws(ToolError) {
        let name = Array((key + ".npy").utf8)
        let header = 30 + name.count
        guard entries < 0xFFFF, name.count <= 0xFFFF, offset + header + bytes.count < 0xFFFF_FFFF else {
            throw Self.tooLarge
        }
        var local: [UInt8] = []
        Self.append32(0x0403_4B50, to: &local)
        Self.appendEntryFields(crc: crc, size: bytes.count, nameLength: name.count, to: &local)
        local += name
        // Central directory entry: made by zip 2.0, then the same fields, no comment, no attributes.
        Self.append32(0x0201_4B50, to: &directory)
        Self.append16(20, to: &directory)
        Self.appendEntryFields(crc: crc, size: bytes.count, nameLength: name.count, to: &directory)
        directory += [UInt8](repeating: 0, count: 10)  // comment length, disk, internal and external attributes
        Self.append32(UInt32(offset), to: &directory)
        directory += name
        try output.append(local)
        try output.append(bytes)
        offset += local.count + bytes.count
        entries += 1
    }

    /// Writes the central directory and its end record; the archive is complete after this.
    public func finish() throws(ToolError) {
        guard offset + directory.count < 0xFFFF_FFFF else {
            throw Self.tooLarge
        }
        var end: [UInt8] = []
        Self.append32(0x0605_4B50, to: &end)
        Self.append32(0, to: &end)  // this disk, the directory's disk
        Self.append16(UInt16(entries), to: &end)
        Self.append16(UInt16(entries), to: &end)
        Self.append32(UInt32(directory.count), to: &end)
        Self.append32(UInt32(offset), to: &end)
        Self.append16(0, to: &end)  // comment length
        try output.append(directory)
        try output.append(end)
    }

    /// The fields local and central headers share: version 2.0 needed, no flags, stored, the
    /// fixed time and date, CRC, both sizes, name length, no extra field.
    private static func appendEntryFields(crc: UInt32, size: Int, nameLength: Int, to out: inout [UInt8]) {
        append16(20, to: &out)
        append16(0, to: &out)
        append16(0, to: &out)
        append16(0, to: &out)  // 00:00:00
        append16(1 << 5 | 1, to: &out)  // 1980-01-01
        append32(crc, to: &out)
        append32(UInt32(size), to: &out)
        append32(UInt32(size), to: &out)
        append16(UInt16(nameLength), to: &out)
        append16(0, to: &out)
    }

    private static func append16(_ x: UInt16, to out: inout [UInt8]) {
        out += [UInt8(x & 0xFF), UInt8(x >> 8)]
    }

    private static func append32(_ x: UInt32, to out: inout [UInt8]) {
        out += [UInt8(x & 0xFF), UInt8(x >> 8 & 0xFF), UInt8(x >> 16 & 0xFF), UInt8(x >> 24)]
    }
}
