/// A run of consecutive input lines copied into one buffer, with where each came from, so that
/// several threads can parse them (`RecordReader.nextLines`). Blank lines are kept.
public struct LineBatch: Sendable {
    public init() {}

    var bytes: [UInt8] = []
    /// Line i is `bytes[ends[i - 1] ..< ends[i]]` (from 0 for the first).
    var ends: [Int] = []
    /// `NAME:LINE` of each line, for messages.
    public private(set) var locations: [String] = []

    public var count: Int { ends.count }

    /// Empties the batch, keeping its storage for the next one.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        locations.removeAll(keepingCapacity: true)
    }

    mutating func append(_ line: UnsafeRawBufferPointer, location: String) {
        bytes.append(contentsOf: line)
        ends.append(bytes.count)
        locations.append(location)
    }

    /// Calls `body` with the bytes of line `i`.
    public func withLine<Result>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws(ToolError) -> Result) throws(ToolError) -> Result {
        let start = i == 0 ? 0 : ends[i - 1]
        let result = bytes.withUnsafeBytes { all in
            Swift.Result { () throws(ToolError) in try body(UnsafeRawBufferPointer(rebasing: all[start..<ends[i]])) }
        }
        return try result.get()
    }
}
