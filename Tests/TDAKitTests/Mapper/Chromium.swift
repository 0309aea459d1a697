import Foundation
import Testing
@testable import TDAKit

/// Headless Chromium on a page written to a temporary file (`make test-deps` installs it).
/// `--virtual-time-budget` lets the page's script finish before the DOM or pixels are taken,
/// without a wall-clock wait.
enum Chromium {
    static func executable() throws -> String {
        try #require(["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) },
                     "Chromium is required (make test-deps installs it)")
    }

    /// The DOM after the page's script ran, opened at `#fragment`.
    static func dumpDOM(_ html: String, fragment: String? = nil) throws -> String {
        String(decoding: try run(html, fragment: fragment, ["--dump-dom"]), as: UTF8.self)
    }

    /// A PNG screenshot of the page opened at `#fragment`.
    static func screenshot(_ html: String, fragment: String? = nil, width: Int, height: Int) throws -> [UInt8] {
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("mapper-shot-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).png")
        defer { try? FileManager.default.removeItem(at: png) }
        _ = try run(html, fragment: fragment, ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars"])
        return [UInt8](try Data(contentsOf: png))
    }

    private static func run(_ html: String, fragment: String?, _ arguments: [String]) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mapper-page-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000"] + arguments
            + [file.absoluteString + (fragment.map { "#" + $0 } ?? "")]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return output
    }
}

/// An 8-bit RGB or RGBA, non-interlaced PNG as Chromium writes screenshots, decoded with the
/// library's inflater (IDAT is one zlib stream: two header bytes, deflate, Adler-32).
struct PNGImage {
    let width: Int, height: Int, channels: Int
    let pixels: [UInt8]

    struct Failure: Error { let reason: String }

    init(_ png: [UInt8]) throws {
        guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure(reason: "not a PNG") }
        func be32(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        var at = 8, header: ArraySlice<UInt8> = [], idat: [UInt8] = []
        while at + 8 <= png.count {
            let length = be32(at), type = String(decoding: png[(at + 4)..<(at + 8)], as: UTF8.self)
            guard at + 12 + length <= png.count else { throw Failure(reason: "truncated \(type)") }
            let body = png[(at + 8)..<(at + 8 + length)]
            if type == "IHDR" { header = body } else if type == "IDAT" { idat += body }
            at += 12 + length
        }
        guard header.count == 13 else { throw Failure(reason: "no IHDR") }
        let h = Array(header)
        width = h[0..<4].reduce(0) { $0 << 8 | Int($1) }
        height = h[4..<8].reduce(0) { $0 << 8 | Int($1) }
        guard h[8] == 8, h[9] == 2 || h[9] == 6, h[12] == 0 else { throw Failure(reason: "unsupported PNG format") }
        let channels = h[9] == 6 ? 4 : 3, stride = width * channels, size = height * (stride + 1)
        self.channels = channels
        let raw = try idat.dropFirst(2).withUnsafeBytes { try Inflate.inflate($0, size: size) }
        var out = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            for x in 0..<stride {
                let value = Int(raw[y * (stride + 1) + 1 + x])
                let a = x >= channels ? Int(out[y * stride + x - channels]) : 0
                let b = y > 0 ? Int(out[(y - 1) * stride + x]) : 0
                let c = x >= channels && y > 0 ? Int(out[(y - 1) * stride + x - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Failure(reason: "filter \(filter)")
                }
                out[y * stride + x] = UInt8((value + predicted) & 0xFF)
            }
        }
        pixels = out
    }

    /// The red, green and blue of pixel `i` (row-major).
    func rgb(_ i: Int) -> [UInt8] { Array(pixels[(i * channels)..<(i * channels + 3)]) }
}
