import Glibc

/// Reads a file or standard input in 4 MiB blocks and hands out its lines without copying.
///
/// Lines are split with `memchr`; a line longer than the buffer grows it. The line number is
/// kept for error messages (`stdin:12`).
public final class LineReader {
    /// The name used in messages: the path, or `stdin`.
    public let name: String
    public private(set) var lineNumber = 0
    let fileDescriptor: Int32
    let ownsDescriptor: Bool
    var buffer: UnsafeMutableRawPointer
    var capacity: Int
    var start = 0
    var filled = 0
    var atEOF = false

    /// Standard input read because no operand was given. A terminal there means the input was
    /// forgotten: say how to give it (usage error) instead of waiting silently; `-` still reads it.
    public static func implicitStandardInput() throws(ToolError) -> LineReader {
        guard isatty(0) == 0 else {
            throw ToolError.usage("no input: standard input is a terminal; give FILE operands or pipe the input in ('-' reads the terminal)")
        }
        return try LineReader(path: "-")
    }

    /// Opens `path` (`-` is standard input); a missing or unreadable file is EX_NOINPUT (66).
    public init(path: String, blockSize: Int = 4 << 20) throws(ToolError) {
        if path == "-" {
            fileDescriptor = 0
            ownsDescriptor = false
            name = "stdin"
        } else {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw ToolError(.noInput, "\(path): cannot open: \(String(cString: strerror(errno)))") }
            fileDescriptor = fd
            ownsDescriptor = true
            name = path
        }
        capacity = blockSize
        buffer = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 64)
    }

    deinit {
        buffer.deallocate()
        if ownsDescriptor { close(fileDescriptor) }
    }

    /// The location of the current line for messages: `NAME:LINE`.
    public var location: String { "\(name):\(lineNumber)" }

    /// Calls `body` with the next line (without its `\n` or a trailing `\r`); false at the end.
    public func nextLine<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
        while true {
            if let newline = memchr(buffer + start, 0x0A, filled - start) {
                let lineEnd = buffer.distance(to: newline)
                let lineStart = start
                start = lineEnd + 1
                lineNumber += 1
                return try body(trimmed(lineStart, lineEnd))
            }
            if atEOF {
                guard start < filled else { return nil }
                let lineStart = start
                start = filled
                lineNumber += 1
                return try body(trimmed(lineStart, filled))
            }
            try refill()
        }
    }

    func trimmed(_ from: Int, _ to: Int) -> UnsafeRawBufferPointer {
        var to = to
        if to > from, buffer.load(fromByteOffset: to - 1, as: UInt8.self) == 0x0D { to -= 1 }
        return UnsafeRawBufferPointer(start: buffer + from, count: to - from)
    }

    /// Moves the unread tail to the front (growing the buffer when one line fills it) and reads more.
    func refill() throws(ToolError) {
        let pending = filled - start
        if pending == capacity {
            let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 64)
            bigger.copyMemory(from: buffer + start, byteCount: pending)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        } else if start > 0 {
            memmove(buffer, buffer + start, pending)
        }
        start = 0
        filled = pending
        while true {
            let n = read(fileDescriptor, buffer + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw ToolError(.ioError, "\(name): read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { atEOF = true }
            filled += n
            return
        }
    }

    /// The next `count` bytes (fewer at the end), left unread: how an input on a pipe shows its format.
    public func peek(_ count: Int) throws(ToolError) -> [UInt8] {
        while filled - start < count, !atEOF { try refill() }
        return [UInt8](UnsafeRawBufferPointer(start: buffer + start, count: min(count, filled - start)))
    }

    /// Passes over `count` bytes already seen with `peek`.
    public func skip(_ count: Int) {
        precondition(count <= filled - start, "skipping bytes not peeked")
        start += count
    }

    /// Fills `destination` with the next bytes, straight from the input past those buffered;
    /// the count read, short only at the end of the input.
    public func fill(_ destination: UnsafeMutableRawBufferPointer) throws(ToolError) -> Int {
        guard let base = destination.baseAddress else { return 0 }
        var done = min(filled - start, destination.count)
        base.copyMemory(from: buffer + start, byteCount: done)
        start += done
        while done < destination.count && !atEOF {
            let n = Glibc.read(fileDescriptor, base + done, destination.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw ToolError(.ioError, "\(name): read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { atEOF = true }
            done += n
        }
        return done
    }

    /// The bytes left to read when the input is a regular file, whose size is known; nil for
    /// a pipe or a terminal.
    public var remainingFileBytes: Int? {
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return max(Int(status.st_size) - Int(lseek(fileDescriptor, 0, SEEK_CUR)), 0) + filled - start
    }

    /// Reads the rest of the input into memory (for CSV and .npy, which are read whole).
    public func readAll() throws(ToolError) -> [UInt8] {
        var bytes = [UInt8]()
        // A regular file's size is known: one allocation instead of doublings that copy
        // (a 48 MB .npy was copied twice over, on the one thread that runs at that point).
        if let size = remainingFileBytes { bytes.reserveCapacity(size) }
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: buffer + start, count: filled - start))
        start = filled
        while !atEOF {
            start = 0
            filled = 0
            try refill()
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: filled))
            start = filled
        }
        return bytes
    }
}
