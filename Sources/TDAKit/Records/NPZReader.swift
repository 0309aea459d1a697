/// Reads a NumPy `.npz` archive (`np.savez`, `nn-activations --output-format npz`): the zip's
/// central directory names the entries, each a stored (uncompressed) `.npy` file.
///
/// The directory's sizes are used, not the local headers': numpy writes every local header
/// with zip64 placeholders (`force_zip64`), and only the directory has the real sizes of small
/// entries. Compressed entries (`np.savez_compressed`) and archives that need zip64 in the
/// directory (over 4 GiB) are refused with a data error naming the archive.
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
            let (method, crc, size, nameLength) = (u16(at + 10), u32(at + 16), u32(at + 24), u16(at + 28))
            let (extraLength, commentLength, offset) = (u16(at + 30), u16(at + 32), u32(at + 42))
            guard at + 46 + nameLength <= end else { throw bad("broken central directory") }
            let entry = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard method == 0 else { throw bad("\(entry) is compressed (np.savez_compressed); save with np.savez") }
            guard size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else { throw bad("zip64 entries are not supported") }
            guard offset + 30 <= directoryStart, u32(offset) == 0x0403_4B50 else { throw bad("\(entry) has no local header") }
            let start = offset + 30 + u16(offset + 26) + u16(offset + 28)
            guard start + size <= directoryStart else { throw bad("\(entry) runs past the end of the data") }
            let data = Array(bytes[start..<(start + size)])
            guard data.withUnsafeBytes({ CRC32.checksum($0) }) == UInt32(crc) else { throw bad("\(entry) fails its CRC check") }
            entries.append((key: entry.hasSuffix(".npy") ? String(entry.dropLast(4)) : entry, npy: data))
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }
}
