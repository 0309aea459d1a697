import Foundation

/// Runs shell command lines against the built executables, exactly as a user would.
///
/// Output goes to temporary files rather than pipes, so a child that writes more than a pipe
/// holds can never deadlock the test (STYLE.md: waiting before draining stalls at 64 KiB).
/// bash opens those files itself (`exec < in > out 2> err`), so a child's standard streams never
/// depend on descriptors of the test process.
enum Shell {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    /// Where the tools are: `TDA_BIN`, else the debug build directory.
    static let binDirectory = ProcessInfo.processInfo.environment["TDA_BIN"] ?? "\(packageRoot)/.build/debug"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The release build's tools for the documented examples (`make test` sets
    /// `TDA_RELEASE_BIN`), else those of `binDirectory`.
    static let releaseBinDirectory = ProcessInfo.processInfo.environment["TDA_RELEASE_BIN"] ?? binDirectory

    /// Runs `script` with bash in the package root, the tools of `bin` first on PATH.
    static func run(_ script: String, stdin: String? = nil, bin: String = binDirectory) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tda-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err"), input = dir.appendingPathComponent("in")
        try (stdin ?? "").write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "exec < '\(input.path)' > '\(out.path)' 2> '\(err.path)'\n" + script]
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "\(bin):\(environment["PATH"] ?? "/usr/bin:/bin")"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }

    static func available(_ command: String) -> Bool {
        (try? run("command -v \(command)"))?.status == 0
    }
}
