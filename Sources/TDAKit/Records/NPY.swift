/// NumPy `.npy` arrays (format versions 1–3): float, integer and bool element types of either
/// byte order (see `NPYElementType`), read as doubles; C or Fortran order; one or two dimensions.
public enum NPY {
    /// Reads an array as a matrix; a 1-D array of length n becomes n rows of one column.
    /// `allowInfinity` lets +∞ through (the infinite deaths of a diagram table); NaN and −∞ never pass.
    public static func read(_ bytes: [UInt8], name: String, allowInfinity: Bool = false) throws(ToolError) -> Matrix<Double> {
        let header = try NPYHeader(bytes, name: name)
        guard bytes.count - header.dataStart == header.dataBytes else { throw header.sizeError(bytes.count - header.dataStart) }
        let values = bytes.withUnsafeBytes { header.type.values($0.baseAddress! + header.dataStart, count: header.count) }
        return try header.matrix(values, allowInfinity: allowInfinity)
    }

    /// Reads an array from a file or standard input, as `read(_:name:allowInfinity:)`. Float64
    /// data in this machine's byte order and C order, what numpy writes by default, is read
    /// straight into the matrix: read whole first, a 3000 × 2000 table took two 48 MB buffers
    /// and their page faults, on the one thread that runs then. (Asking for 2 MiB pages there
    /// made it slower: zeroing fresh huge pages took 0.085 s more on these virtual machines.)
    /// Other arrays, and files whose size does not match their header (never allocated from
    /// the header alone: a corrupt shape would ask for terabytes), are read whole, then
    /// converted; so is standard input on a pipe, whose size is unknown.
    public static func read(from reader: LineReader, allowInfinity: Bool = false) throws(ToolError) -> Matrix<Double> {
        let header = try NPYHeader(reader.peek(try NPYHeader.bounds(reader.peek(12), name: reader.name).end), name: reader.name)
        guard header.type.isNativeFloat64, !header.isTransposed,
              reader.remainingFileBytes.map({ $0 - header.dataStart == header.dataBytes }) == true else {
            return try read(reader.readAll(), name: reader.name, allowInfinity: allowInfinity)
        }
        reader.skip(header.dataStart)
        var got = 0
        var failure: ToolError?
        let values = [Double](unsafeUninitializedCapacity: header.count) { buffer, initialized in
            do throws(ToolError) { got = try reader.fill(UnsafeMutableRawBufferPointer(buffer)) } catch { failure = error }
            initialized = got / MemoryLayout<Double>.size
        }
        if let failure { throw failure }
        // The file may have changed since its size was taken.
        let extra = got == header.dataBytes ? try reader.readAll().count : 0
        guard got + extra == header.dataBytes else { throw header.sizeError(got + extra) }
        return try header.matrix(values, allowInfinity: allowInfinity)
    }

    /// Writes a float64 matrix as a version-1 `.npy` file's bytes.
    public static func bytes(of matrix: Matrix<Double>) -> [UInt8] {
        var out = header(descr: "<f8", shape: [matrix.rows, matrix.cols], dataBytes: 8 * matrix.storage.count)
        for x in matrix.storage { withUnsafeBytes(of: x.bitPattern.littleEndian) { out += $0 } }
        return out
    }

    /// Writes integers as a one-dimensional int64 `.npy` file's bytes.
    public static func bytes(of values: [Int]) -> [UInt8] {
        var out = header(descr: "<i8", shape: [values.count], dataBytes: 8 * values.count)
        for x in values { withUnsafeBytes(of: Int64(x).littleEndian) { out += $0 } }
        return out
    }

    /// The magic, version 1.0 and the header dictionary, padded with spaces so that the data
    /// starts at a multiple of 64 bytes, as numpy writes it; capacity is reserved for the data,
    /// which the caller appends in C order.
    public static func header(descr: String, shape: [Int], dataBytes: Int) -> [UInt8] {
        let dims = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var text = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(dims), }"
        let total = 10 + text.utf8.count + 1
        text += String(repeating: " ", count: (64 - total % 64) % 64) + "\n"
        var out: [UInt8] = []
        out.reserveCapacity(10 + text.utf8.count + dataBytes)
        out += [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(text.utf8.count & 0xFF), UInt8(text.utf8.count >> 8)]
        out += Array(text.utf8)
        return out
    }

    static func quotedValue(of key: String, in header: String) -> String? {
        guard let range = header.firstRange(of: "'\(key)':") else { return nil }
        let rest = header[range.upperBound...].drop(while: { $0 == " " })
        guard rest.first == "'" else { return nil }
        return String(rest.dropFirst().prefix(while: { $0 != "'" }))
    }

    /// A `True`/`False` value of the header dictionary.
    static func boolValue(of key: String, in header: String) -> Bool? {
        guard let range = header.firstRange(of: "'\(key)':") else { return nil }
        let rest = header[range.upperBound...].drop(while: { $0 == " " })
        return rest.hasPrefix("True") ? true : rest.hasPrefix("False") ? false : nil
    }

    /// Column-major elements (Fortran order) rearranged into the row-major matrix storage.
    static func transposed(_ columnMajor: [Double], rows: Int, cols: Int) -> [Double] {
        var rowMajor = [Double](repeating: 0, count: columnMajor.count)
        for j in 0..<cols {
            for i in 0..<rows { rowMajor[i * cols + j] = columnMajor[j * rows + i] }
        }
        return rowMajor
    }

    static func shape(in header: String) -> [Int]? {
        guard let range = header.firstRange(of: "'shape':") else { return nil }
        let rest = header[range.upperBound...].drop(while: { $0 == " " })
        guard rest.first == "(" else { return nil }
        let inside = rest.dropFirst().prefix(while: { $0 != ")" })
        let parts = inside.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        let dims = parts.compactMap { Int($0) }
        guard dims.count == parts.count, dims.allSatisfy({ $0 >= 0 }) else { return nil }
        return dims
    }
}

/// What a `.npy` header says: the element type, the order and shape, where the data starts
/// and how long it is.
struct NPYHeader {
    let name: String
    let type: NPYElementType
    let fortranOrder: Bool
    let shape: [Int]
    let rows: Int, cols: Int
    let dataStart: Int, dataBytes: Int
    var count: Int { rows * cols }
    /// Column-major data of a true matrix, rearranged when read.
    var isTransposed: Bool { fortranOrder && rows > 1 && cols > 1 }

    func bad(_ what: String) -> ToolError { Self.bad(what, name: name) }

    static func bad(_ what: String, name: String) -> ToolError { ToolError.data(name, "not a readable .npy file: \(what)") }

    /// Where the header dictionary starts and ends (the data's start), from the file's first
    /// 12 bytes: the magic, the version and the dictionary's length.
    static func bounds(_ head: [UInt8], name: String) throws(ToolError) -> (start: Int, end: Int) {
        guard head.count >= 10, head[0] == 0x93, Array(head[1..<6]) == Array("NUMPY".utf8) else { throw bad("missing magic", name: name) }
        switch head[6] {
        case 1: return (10, 10 + (Int(head[8]) | Int(head[9]) << 8))
        case 2, 3:
            guard head.count >= 12 else { throw bad("truncated header", name: name) }
            return (12, 12 + (0..<4).reduce(0) { $0 | Int(head[8 + $1]) << (8 * $1) })
        default: throw bad("unsupported version \(head[6])", name: name)
        }
    }

    /// Parses the header at the start of `bytes`, which may end there.
    init(_ bytes: [UInt8], name: String) throws(ToolError) {
        self.name = name
        let (headerStart, headerEnd) = try Self.bounds(Array(bytes.prefix(12)), name: name)
        guard headerEnd <= bytes.count else { throw Self.bad("truncated header", name: name) }
        let header = String(decoding: bytes[headerStart..<headerEnd], as: UTF8.self)
        guard let descr = NPY.quotedValue(of: "descr", in: header) else { throw Self.bad("no descr", name: name) }
        guard let type = NPYElementType(descr: descr) else {
            throw Self.bad("dtype \(descr) is not supported (want \(NPYElementType.described))", name: name)
        }
        guard let fortranOrder = NPY.boolValue(of: "fortran_order", in: header) else { throw Self.bad("no fortran_order", name: name) }
        guard let shape = NPY.shape(in: header) else { throw Self.bad("no shape", name: name) }
        switch shape.count {
        case 1: (rows, cols) = (shape[0], 1)
        case 2: (rows, cols) = (shape[0], shape[1])
        default: throw Self.bad("\(shape.count)-dimensional arrays are not supported (want 1 or 2)", name: name)
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: cols)
        let (dataBytes, byteOverflow) = count.multipliedReportingOverflow(by: type.size)
        guard !overflow, !byteOverflow else { throw Self.bad("shape too large", name: name) }
        (self.type, self.fortranOrder, self.shape, self.dataStart, self.dataBytes) = (type, fortranOrder, shape, headerEnd, dataBytes)
    }

    func sizeError(_ actual: Int) -> ToolError { bad("data has \(actual) bytes, shape \(shape) needs \(dataBytes)") }

    /// The decoded values as the matrix, in row-major order, checked finite.
    func matrix(_ values: [Double], allowInfinity: Bool) throws(ToolError) -> Matrix<Double> {
        var values = values
        if isTransposed { values = NPY.transposed(values, rows: rows, cols: cols) }
        if let bad = values.firstIndex(where: { !$0.isFinite && !(allowInfinity && $0 == .infinity) }) {
            throw ToolError.data(name, "element \(bad) (row \(bad / max(cols, 1)), column \(bad % max(cols, 1))) is not finite")
        }
        return Matrix(rows: rows, cols: cols, storage: values)
    }
}

extension Substring {
    func trimmingSpaces() -> String { String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()) }
}
