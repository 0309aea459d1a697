import Glibc

/// A buffered byte sink over a file descriptor: one `write(2)` per 1 MiB instead of one per record.
///
/// Standard output is owned by exactly one `ByteOutput`. A closed pipe downstream (EPIPE) ends
/// the process at once with status 0 and no message, as `cat` does, so `tool | head -1` wastes
/// no work. SIGPIPE itself is ignored by the tool runner so that this check sees EPIPE.
public final class ByteOutput {
    public let fileDescriptor: Int32
    /// Where errors say the bytes were going (`stdout` or a file name).
    public let name: String
    @usableFromInline var buffer: [UInt8] = []
    @usableFromInline let flushThreshold: Int
    /// Flush after every record (for `--unbuffered` streaming into slow consumers).
    public var flushEachRecord = false

    public init(fileDescriptor: Int32, name: String, capacity: Int = 1 << 20) {
        self.fileDescriptor = fileDescriptor
        self.name = name
        flushThreshold = capacity
        buffer.reserveCapacity(capacity + 4096)
    }

    /// The process's standard output.
    public static func standardOutput() -> ByteOutput { ByteOutput(fileDescriptor: 1, name: "stdout") }

    /// Appends bytes; a block of the buffer's size or more is written straight from where it
    /// is (after what is buffered), without a copy into the buffer.
    @inlinable
    public func append(_ bytes: UnsafeRawBufferPointer) throws(ToolError) {
        guard bytes.count < flushThreshold else {
            try flush()
            return try writeAll(bytes)
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    @inlinable
    public func append(_ text: String) throws(ToolError) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Appends bytes as `append(_: UnsafeRawBufferPointer)` does.
    public func append(_ bytes: [UInt8]) throws(ToolError) {
        try bytes.withUnsafeBytes { raw in Result { () throws(ToolError) in try append(raw) } }.get()
    }

    /// Appends without flushing; the caller ends the record with `endRecord()`, which flushes.
    @inlinable
    public func appendUnchecked(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Called by writers at the end of each record.
    @inlinable
    public func endRecord() throws(ToolError) {
        if flushEachRecord || buffer.count >= flushThreshold { try flush() }
    }

    /// Writes everything buffered; EPIPE exits quietly, other errors are I/O errors (74).
    public func flush() throws(ToolError) {
        try buffer.withUnsafeBytes { bytes in Result { () throws(ToolError) in try writeAll(bytes) } }.get()
        buffer.removeAll(keepingCapacity: true)
    }

    /// `write(2)` until every byte is out.
    @usableFromInline func writeAll(_ bytes: UnsafeRawBufferPointer) throws(ToolError) {
        var offset = 0
        let total = bytes.count
        while offset < total {
            let written = write(fileDescriptor, bytes.baseAddress! + offset, total - offset)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EPIPE { exit(0) }
                throw ToolError(.ioError, "\(name): write failed: \(String(cString: strerror(code)))")
            }
            offset += written
        }
    }
}
