/// NumPy `.npy` arrays (format versions 1–3): float, integer and bool element types of either
/// byte order (see `NPYElementType`), read as doubles; C or Fortran order; one or two dimensions.
public enum NPY {
    /// Reads an array as a matrix; a 1-D array of length n becomes n rows of one column.
    /// `allowInfinity` lets +∞ through (the infinite deaths of a diagram table); NaN and −∞ never pass.
    public static func read(_ bytes: [UInt8], name: String, allowInfinity: Bool = false) throws(ToolError) -> Matrix<Double> {
        func bad(_ what: String) -> ToolError { ToolError.data(name, "not a readable .npy file: \(what)") }
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8) else { throw bad("missing magic") }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1: headerLength = Int(bytes[8]) | Int(bytes[9]) << 8; headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw bad("truncated header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
            headerStart = 12
        default: throw bad("unsupported version \(major)")
        }
        guard headerStart + headerLength <= bytes.count else { throw bad("truncated header") }
        let header = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        guard let descr = quotedValue(of: "descr", in: header) else { throw bad("no descr") }
        guard let type = NPYElementType(descr: descr) else {
            throw bad("dtype \(descr) is not supported (want \(NPYElementType.described))")
        }
        guard let fortranOrder = boolValue(of: "fortran_order", in: header) else { throw bad("no fortran_order") }
        guard let shape = shape(in: header) else { throw bad("no shape") }
        let (rows, cols): (Int, Int)
        switch shape.count {
        case 1: (rows, cols) = (shape[0], 1)
        case 2: (rows, cols) = (shape[0], shape[1])
        default: throw bad("\(shape.count)-dimensional arrays are not supported (want 1 or 2)")
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: cols)
        let (dataBytes, byteOverflow) = count.multipliedReportingOverflow(by: type.size)
        guard !overflow, !byteOverflow else { throw bad("shape too large") }
        let dataStart = headerStart + headerLength
        guard bytes.count - dataStart == dataBytes else {
            throw bad("data has \(bytes.count - dataStart) bytes, shape \(shape) needs \(dataBytes)")
        }
        var values = bytes.withUnsafeBytes { type.values($0.baseAddress! + dataStart, count: count) }
        if fortranOrder, rows > 1, cols > 1 { values = transposed(values, rows: rows, cols: cols) }
        if let bad = values.firstIndex(where: { !$0.isFinite && !(allowInfinity && $0 == .infinity) }) {
            throw ToolError.data(name, "element \(bad) (row \(bad / max(cols, 1)), column \(bad % max(cols, 1))) is not finite")
        }
        return Matrix(rows: rows, cols: cols, storage: values)
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

extension Substring {
    func trimmingSpaces() -> String { String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()) }
}
