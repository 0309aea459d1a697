import Glibc

/// Large buffers written whole as soon as they are made ask for 2 MiB pages. The kernel of
/// these machines gives them only on request (transparent huge pages on `madvise`), and a
/// first touch of each 4 KiB page costs a fault: 12 000 of them for a 48 MB table.
enum HugePages {
    static let size = 2 << 20

    /// Advises the whole 2 MiB pages inside `buffer`; smaller buffers are left alone.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        guard buffer.count >= 2 * size, let base = buffer.baseAddress else { return }
        let first = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
        guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(start, end - first, MADV_HUGEPAGE)
    }
}
