/// Reads a NumPy `.npz` archive (`np.savez`, `np.savez_compressed`, `nn-activations
/// --output-format npz`): the zip's central directory names the entries, each an `.npy` file
/// stored as it is (method 0) or deflated (method 8, see `Inflate`).
///
/// The directory's sizes are used, not the local headers': numpy writes every local header
/// with zip64 placeholders (`force_zip64`), and only the directory has the real sizes of small
/// entries. Other compression methods and archives that need zip64 in the directory (over
/// 4 GiB) are refused with a data error naming the archive.
public enum NPZReader {
    /// The archive's arrays in directory order: key (the entry name without `.npy`) and the
    /// `.npy` bytes, whose CRC-32 has been checked.
    public static func entries(_ bytes: [UInt8], name: String) throws(ToolError) -> [(key: String, npy: [UInt8])] {
        func bad(_ what: String) -> ToolError { ToolError.data(name, "not a readable .npz archive: \(what)") }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end record is the last 22 bytes unless the archive has a comment (at most 64 KiB).
        var end = bytes.count - 22
        while end >= 0, end >= bytes.count - 22 - 0xFFFF, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0, end >= bytes.count - 22 - 0xFFFF else { throw bad("no zip end record") }
        let count = u16(end + 10), directorySize = u32(end + 12), directoryStart = u32(end + 16)
        guard count != 0xFFFF, directoryStart != 0xFFFF_FFFF else { throw bad("zip64 archives are not supported") }
        guard directoryStart + directorySize <= end else { throw bad("the central directory lies outside the file") }
        var entries: [(key: String, npy: [UInt8])] = []
        var at = directoryStart
        for _ in 0..<count {
            guard at + 46 <= end, u32(at) == 0x0201_4B50 else { throw bad("broken central directory") }
            let (method, crc, stored, size) = (u16(at + 10), u32(at + 16), u32(at + 20), u32(at + 24))
            let nameLength = u16(at + 28)
            let (extraLength, commentLength, offset) = (u16(at + 30), u16(at + 32), u32(at + 42))
            guard at + 46 + nameLength <= end else { throw bad("broken central directory") }
            let entry = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard method == 0 || method == 8 else { throw bad("\(entry) uses compression method \(method) (want 0, stored, or 8, deflate)") }
            guard stored != 0xFFFF_FFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else { throw bad("zip64 entries are not supported") }
            guard offset + 30 <= directoryStart, u32(offset) == 0x0403_4B50 else { throw bad("\(entry) has no local header") }
            let start = offset + 30 + u16(offset + 26) + u16(offset + 28)
            guard start + stored <= directoryStart else { throw bad("\(entry) runs past the end of the data") }
            let data = method == 0 ? Array(bytes[start..<(start + stored)]) : try inflated(bytes[start..<(start + stored)], size: size, bad: { bad("\(entry) \($0)") })
            guard data.withUnsafeBytes({ CRC32.checksum($0) }) == UInt32(crc) else { throw bad("\(entry) fails its CRC check") }
            entries.append((key: entry.hasSuffix(".npy") ? String(entry.dropLast(4)) : entry, npy: data))
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// A deflated entry's bytes. The size is checked against the most DEFLATE can produce
    /// (two bits per 258-byte match: 1032 bytes per input byte) before it is allocated.
    static func inflated(_ deflated: ArraySlice<UInt8>, size: Int, bad: (String) -> ToolError) throws(ToolError) -> [UInt8] {
        guard size <= deflated.count * 1032 else { throw bad("claims \(size) bytes from \(deflated.count), more than DEFLATE can give") }
        let result = deflated.withUnsafeBytes { raw in Result { () throws(Inflate.Failure) in try Inflate.inflate(raw, size: size) } }
        switch result {
        case .success(let bytes): return bytes
        case .failure(let failure): throw bad("does not inflate: \(failure.reason)")
        }
    }
}
