import Foundation
import Testing
@testable import TDAKit

@Suite struct TableReaderTests {
    @Test func csvWithHeaderAndQuotes() throws {
        let text = "a,\"b, quoted\",c\r\n1,2.5,-3e2\n4,5,6\n"
        let table = try CSV.numericTable(Array(text.utf8), name: "t.csv")
        #expect(table.header == ["a", "b, quoted", "c"])
        #expect(table.matrix == Matrix(rows: 2, cols: 3, storage: [1, 2.5, -300, 4, 5, 6]))
    }

    @Test func csvWithoutHeader() throws {
        let table = try CSV.numericTable(Array("1,2\n3,4".utf8), name: "t.csv")
        #expect(table.header == nil)
        #expect(table.matrix.storage == [1, 2, 3, 4])
    }

    @Test func quotedFieldsMayHoldNewlinesAndQuotes() throws {
        let rows = try CSV.parse(Array("x,\"line\nbreak \"\"q\"\"\"\n".utf8), name: "t.csv")
        #expect(rows == [["x", "line\nbreak \"q\""]])
    }

    @Test(arguments: [
        ("1,2\n3\n", "t.csv:2: row has 1 fields, expected 2"),
        ("a,b\n1,x\n", "t.csv:2: column 2: \"x\" is not a finite number"),
        ("1,nan\n", "t.csv:1: column 2: \"nan\" is not a finite number"),
        ("", "t.csv: empty CSV input"),
        ("a,b\n", "t.csv: CSV input has a header but no data rows"),
        ("1,\"2\n", "t.csv:2: unterminated quoted field"),
    ])
    func csvErrorsNameThePlace(text: String, message: String) {
        #expect(throws: ToolError(.dataError, message)) { try CSV.numericTable(Array(text.utf8), name: "t.csv") }
    }

    @Test func csvLineQuotesOnlyWhenNeeded() {
        #expect(CSV.line(["id", "a,b", "say \"hi\""]) == "id,\"a,b\",\"say \"\"hi\"\"\"\n")
    }

    @Test func npyRoundTripAndFloat32() throws {
        let m = Matrix(rows: 2, cols: 3, storage: [1, -2.5, 1e-300, 0.1, 7, 8])
        #expect(try NPY.read(NPY.bytes(of: m), name: "m.npy") == m)
        // A float32 file as numpy writes it: np.array([[1.5, -2]], dtype='<f4').
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }"
        header += String(repeating: " ", count: 128 - 10 - header.utf8.count - 1) + "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8)
        for x: Float in [1.5, -2] { withUnsafeBytes(of: x.bitPattern.littleEndian) { bytes += $0 } }
        #expect(try NPY.read(bytes, name: "f.npy") == Matrix(rows: 1, cols: 2, storage: [1.5, -2]))
        #expect(NPY.header(descr: "<f4", shape: [1, 2], dataBytes: 8) == Array(bytes.dropLast(8)), "the header numpy writes")
    }

    /// np.array([3, -1, 1 << 40]): a one-dimensional shape is written `(3,)`.
    @Test func npyInt64Vector() throws {
        let bytes = NPY.bytes(of: [3, -1, 1 << 40])
        #expect(String(decoding: bytes.prefix(80), as: UTF8.self).contains("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }"))
        #expect(bytes.count == 128 + 24)
        #expect(try NPY.read(bytes, name: "i.npy") == Matrix(rows: 3, cols: 1, storage: [3, -1, 0x100_0000_0000]))
    }

    /// A file read straight into the matrix (float64 in C order, past the reader's first
    /// buffer) or through the bytes (other types, Fortran order) gives what the bytes give, and
    /// data too short or too long is refused with both sizes, as read whole.
    @Test(arguments: [("<f8", false), ("<f8", true), ("<f4", false), (">f8", false)])
    func npyReadFromAFileAsFromItsBytes(descr: String, fortranOrder: Bool) throws {
        let (rows, cols) = (700, 900)
        let values = (0..<rows * cols).map { Double($0 % 977) * 0.25 - 100 }
        let size = descr.hasSuffix("8") ? 8 : 4
        var bytes = NPY.header(descr: descr, shape: [rows, cols], dataBytes: size * values.count)
        if fortranOrder {  // "True " keeps the header's length
            let text = String(decoding: bytes[10...], as: UTF8.self).replacingOccurrences(of: "False", with: "True ")
            bytes = Array(bytes[..<10]) + Array(text.utf8)
        }
        for i in 0..<values.count {
            let x = fortranOrder ? values[(i % rows) * cols + i / rows] : values[i]
            switch descr {
            case "<f8": withUnsafeBytes(of: x.bitPattern.littleEndian) { bytes += $0 }
            case ">f8": withUnsafeBytes(of: x.bitPattern.bigEndian) { bytes += $0 }
            default: withUnsafeBytes(of: Float(x).bitPattern.littleEndian) { bytes += $0 }
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("npy-\(UUID().uuidString).npy").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        func readFile(_ contents: [UInt8]) throws -> Matrix<Double> {
            FileManager.default.createFile(atPath: path, contents: Data(contents))
            return try NPY.read(from: LineReader(path: path))
        }
        let expected = Matrix(rows: rows, cols: cols, storage: values)
        #expect(try NPY.read(bytes, name: path) == expected)
        #expect(try readFile(bytes) == expected)
        let needs = size * values.count
        for (contents, has) in [(Array(bytes.dropLast(3)), needs - 3), (bytes + [0, 0, 0, 0, 0], needs + 5)] {
            let message = "not a readable .npy file: data has \(has) bytes, shape [700, 900] needs \(needs)"
            #expect(throws: ToolError.data(path, message)) { try readFile(contents) }
            #expect(throws: ToolError.data(path, message)) { try NPY.read(contents, name: path) }
        }
        #expect(throws: ToolError.data(path, "not a readable .npy file: truncated header")) { try readFile(Array(bytes.prefix(40))) }
        // A corrupt shape asking for 2^40 doubles is refused from the file's size, not allocated.
        var huge = NPY.header(descr: descr, shape: [1 << 20, 1 << 20], dataBytes: 0)
        huge += [UInt8](repeating: 0, count: 64)
        #expect(throws: ToolError.data(path, "not a readable .npy file: data has 64 bytes, shape [1048576, 1048576] needs \((1 << 40) * size)")) {
            try readFile(huge)
        }
    }

    @Test func npyRejectsTruncatedData() {
        let bytes = NPY.bytes(of: Matrix<Double>(rows: 2, cols: 2, storage: [1, 2, 3, 4]))
        #expect(throws: ToolError.self) { try NPY.read(Array(bytes.dropLast(3)), name: "m.npy") }
        #expect(throws: ToolError.self) { try NPY.read(Array("not numpy".utf8), name: "m.npy") }
    }
}

extension ToolError: Equatable {
    public static func == (a: ToolError, b: ToolError) -> Bool { a.status == b.status && a.message == b.message }
}

@Suite struct TypedRecordTests {
    func record(_ text: String) throws -> Record {
        var text = text
        return try text.withUTF8 { try RecordReader.parseLine(UnsafeRawBufferPointer($0), location: "in:1")! }
    }

    @Test func cloudRecordRoundTripKeepsMeta() throws {
        let r = try record(#"{"type":"cloud","id":"m07/L2","points":[[1,2],[3,4.5]],"labels":[0,"cat"],"meta":{"gap":0.12,"layers":[64,64]}}"#)
        let cloud = try CloudRecord(r)
        #expect(cloud.points == Matrix(rows: 2, cols: 2, storage: [1, 2, 3, 4.5]))
        #expect(cloud.labels == [.number(0), .string("cat")])
        #expect(try CloudRecord(cloud.record).meta == r.meta)
        #expect(r.derivedID("s03") == "m07/L2/s03")
        #expect(r.derivedMeta([("layer", .string("dense2"))])["gap"] == .number(0.12))
    }

    @Test func raggedCloudNamesRecordAndLengths() throws {
        let r = try record(#"{"type":"cloud","id":"m07/L2","points":[[1,2,3],[3,4,5,6]]}"#)
        #expect(throws: ToolError(.dataError, #"in:1: record "m07/L2" has points of unequal length (3 and 4)"#)) { try CloudRecord(r) }
    }

    @Test func diagramRecordReadsNullAsInfinity() throws {
        let r = try record(#"{"type":"diagram","id":"d","diagrams":[[[0,1.5],[0,null]],[[0.5,0.75]]],"meta":{}}"#)
        let d = try DiagramRecord(r)
        #expect(d.diagram.dimensions[0][1].death == .infinity)
        #expect(try JSONWriter.string(.object(d.record.fields)) == #"{"type":"diagram","id":"d","diagrams":[[[0,1.5],[0,null]],[[0.5,0.75]]],"meta":{}}"#)
        let bad = try record(#"{"type":"diagram","id":"d","diagrams":[[[2,1]]]}"#)
        #expect(throws: ToolError.self) { try DiagramRecord(bad) }
    }

    @Test func vectorNamesMustMatchValues() throws {
        let r = try record(#"{"type":"vector","id":"v","values":[1,2],"names":["a"]}"#)
        #expect(throws: ToolError(.dataError, #"in:1: record "v" has 1 names for 2 values"#)) { try VectorRecord(r) }
    }

    @Test func wrongTypeIsNamed() throws {
        let r = try record(#"{"type":"vector","id":"v","values":[]}"#)
        #expect(throws: ToolError(.dataError, #"in:1: record "v" is a vector record, expected cloud"#)) { try CloudRecord(r) }
    }
}
