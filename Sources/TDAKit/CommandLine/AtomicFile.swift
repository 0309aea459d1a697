import Glibc

/// An output file written atomically: bytes go to a temporary file in the same directory,
/// which is renamed over the target only when the tool succeeds, so a failed run never leaves
/// a half-written file (and never destroys an old one).
///
/// A target that exists and is not a regular file — `/dev/null`, a FIFO, a terminal — is
/// written in place: renaming over it would replace the device with a plain file.
public final class AtomicFile {
    public let path: String
    /// The temporary file, or nil when writing in place to a non-regular file.
    let temporaryPath: String?
    public let output: ByteOutput
    var finished = false

    /// Creates the temporary file (or opens a device in place); failure is EX_CANTCREAT (73).
    public init(path: String) throws(ToolError) {
        self.path = path
        var info = stat()
        let special = stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
        if special {
            temporaryPath = nil
        } else {
            let slash = path.lastIndex(of: "/")
            let directory = slash.map { String(path[..<$0]) } ?? "."
            let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
            temporaryPath = "\(directory)/.\(base).tmp.\(getpid())"
        }
        let fd = special ? open(path, O_WRONLY | O_CLOEXEC) : open(temporaryPath!, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ToolError(.cannotCreate, "\(path): cannot create: \(String(cString: strerror(errno)))") }
        output = ByteOutput(fileDescriptor: fd, name: path)
    }

    /// Flushes, closes and renames into place.
    public func commit() throws(ToolError) {
        guard !finished else { return }
        finished = true
        do {
            try output.flush()
        } catch {
            close(output.fileDescriptor)
            if let temporaryPath { unlink(temporaryPath) }
            throw error
        }
        close(output.fileDescriptor)
        guard let temporaryPath else { return }
        guard rename(temporaryPath, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw ToolError(.cannotCreate, "\(path): cannot create: \(message)")
        }
    }

    /// Removes the temporary file, leaving any previous file at `path` untouched.
    public func abandon() {
        guard !finished else { return }
        finished = true
        close(output.fileDescriptor)
        if let temporaryPath { unlink(temporaryPath) }
    }
}
