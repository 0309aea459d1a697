/// The safetensors file format (Hugging Face), the interchange format of PyTorch weights:
/// an 8-byte little-endian header length N, N bytes of JSON header mapping each tensor name to
/// `{"dtype", "shape", "data_offsets": [begin, end]}` (offsets into the data that follows) plus
/// an optional `"__metadata__"` object of strings, then the raw little-endian tensor bytes.
///
/// Reading converts every floating dtype (F64, F32, F16, BF16) to `Float`; integer tensors are
/// kept only as their element count (PyTorch's `num_batches_tracked` is an I64 scalar that a
/// model of ours does not use). Writing emits F32 tensors and I64 for integer ones.
public struct SafeTensors: Sendable, Equatable {
    public struct Tensor: Sendable, Equatable {
        public var name: String
        public var shape: [Int]
        /// The values as Float (empty for an integer tensor, whose `integers` hold the values).
        public var values: [Float]
        public var integers: [Int64]
        public var isInteger: Bool { !(dtype.hasPrefix("F") || dtype == "BF16") }
        /// The dtype read from the file (`F32`, `BF16`, `I64`, …).
        public var dtype: String

        public init(name: String, shape: [Int], values: [Float]) {
            self.name = name; self.shape = shape; self.values = values; integers = []; dtype = "F32"
        }

        public init(name: String, shape: [Int], integers: [Int64]) {
            self.name = name; self.shape = shape; values = []; self.integers = integers; dtype = "I64"
        }
    }

    /// Tensors in file order (by data offset when read).
    public var tensors: [Tensor]
    /// The header's `__metadata__` strings, in file order.
    public var metadata: [(String, String)]

    public init(tensors: [Tensor], metadata: [(String, String)] = []) {
        self.tensors = tensors
        self.metadata = metadata
    }

    public func metadata(_ key: String) -> String? { metadata.first { $0.0 == key }?.1 }

    public static func == (a: SafeTensors, b: SafeTensors) -> Bool {
        a.tensors == b.tensors && a.metadata.map(\.0) == b.metadata.map(\.0) && a.metadata.map(\.1) == b.metadata.map(\.1)
    }

    /// The safetensors reference implementation refuses headers over 100 MB; so do we, before
    /// allocating anything a corrupt length would ask for.
    static let maximumHeaderBytes = 100_000_000

    static let elementSizes: [String: Int] = ["F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1]

    /// Parses a whole file's bytes.
    public static func decode(_ bytes: [UInt8]) throws(SafeTensorsError) -> SafeTensors {
        guard bytes.count >= 8 else { throw .malformed("shorter than its 8-byte header length") }
        let length = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        guard length <= UInt64(min(maximumHeaderBytes, bytes.count - 8)) else {
            throw .malformed("header length \(length) exceeds the file (\(bytes.count) bytes)")
        }
        let headerEnd = 8 + Int(length)
        let header: JSONValue
        do { header = try bytes[8..<headerEnd].withUnsafeBytes { try JSONParser.parse($0) } } catch {
            throw .malformed("header is not JSON (\(error))")
        }
        guard case .object(let entries) = header else { throw .malformed("header is not a JSON object") }
        var tensors: [(offset: Int, tensor: Tensor)] = []
        var metadata: [(String, String)] = []
        let dataCount = bytes.count - headerEnd
        for (name, value) in entries.entries {
            if name == "__metadata__" {
                guard case .object(let fields) = value else { throw .malformed("__metadata__ is not an object") }
                for (key, text) in fields.entries {
                    guard let text = text.stringValue else { throw .malformed("__metadata__.\(key) is not a string") }
                    metadata.append((key, text))
                }
                continue
            }
            let (begin, tensor) = try readTensor(name, value, bytes: bytes, dataStart: headerEnd, dataCount: dataCount)
            tensors.append((begin, tensor))
        }
        return SafeTensors(tensors: tensors.sorted { $0.offset < $1.offset }.map(\.tensor), metadata: metadata)
    }

    private static func readTensor(_ name: String, _ value: JSONValue, bytes: [UInt8], dataStart: Int, dataCount: Int) throws(SafeTensorsError) -> (Int, Tensor) {
        guard case .object(let fields) = value, let dtype = fields["dtype"]?.stringValue,
              let shapeValues = fields["shape"]?.arrayElements, let offsetValues = fields["data_offsets"]?.arrayElements else {
            throw .malformed("tensor \(name) lacks dtype, shape or data_offsets")
        }
        guard let size = elementSizes[dtype] else { throw .malformed("tensor \(name) has unsupported dtype \(dtype)") }
        let shape = shapeValues.compactMap(\.intValue)
        let offsets = offsetValues.compactMap(\.intValue)
        guard shape.count == shapeValues.count, shape.allSatisfy({ $0 >= 0 && $0 < 1 << 40 }) else {
            throw .malformed("tensor \(name) has a bad shape")
        }
        let (count, overflow) = shape.reduce((1, false)) { acc, n in
            let (p, o) = acc.0.multipliedReportingOverflow(by: n)
            return (p, acc.1 || o)
        }
        guard offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataCount else {
            throw .malformed("tensor \(name) has data_offsets outside the file's \(dataCount) data bytes")
        }
        let bytesNeeded = count.multipliedReportingOverflow(by: size)
        guard !overflow, !bytesNeeded.overflow, bytesNeeded.partialValue == offsets[1] - offsets[0] else {
            throw .malformed("tensor \(name): shape \(shape) of \(dtype) does not fill data_offsets \(offsets)")
        }
        let start = dataStart + offsets[0]
        var tensor = Tensor(name: name, shape: shape, values: [])
        tensor.dtype = dtype
        bytes.withUnsafeBytes { raw in
            let data = UnsafeRawBufferPointer(rebasing: raw[start..<(start + count * size)])
            if dtype.hasPrefix("F") || dtype == "BF16" {
                tensor.values = (0..<count).map { floatValue(data, $0, dtype: dtype) }
            } else {
                tensor.integers = (0..<count).map { integerValue(data, $0, dtype: dtype, size: size) }
            }
        }
        return (offsets[0], tensor)
    }

    private static func floatValue(_ data: UnsafeRawBufferPointer, _ i: Int, dtype: String) -> Float {
        switch dtype {
        case "F64": return Float(Double(bitPattern: UInt64(littleEndian: data.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
        case "F32": return Float(bitPattern: UInt32(littleEndian: data.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
        case "F16": return Float(Float16(bitPattern: UInt16(littleEndian: data.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))))
        default: // BF16 is the upper half of a float32.
            return Float(bitPattern: UInt32(UInt16(littleEndian: data.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) << 16)
        }
    }

    private static func integerValue(_ data: UnsafeRawBufferPointer, _ i: Int, dtype: String, size: Int) -> Int64 {
        var value: UInt64 = 0
        for b in 0..<size { value |= UInt64(data[size * i + b]) << (8 * UInt64(b)) }
        if dtype.hasPrefix("I"), size < 8, value >> (8 * UInt64(size) - 1) & 1 == 1 {
            value |= ~0 << (8 * UInt64(size))  // sign-extend
        }
        return Int64(bitPattern: value)
    }

    /// The file's bytes: tensors in order, F32 (or I64), header padded with spaces to a multiple
    /// of 8 bytes as the reference writer does so that the data is aligned.
    public func encoded() throws(SafeTensorsError) -> [UInt8] {
        var entries: [(String, JSONValue)] = []
        if !metadata.isEmpty { entries.append(("__metadata__", .object(JSONObject(metadata.map { ($0.0, JSONValue.string($0.1)) })))) }
        var offset = 0
        for tensor in tensors {
            let bytes = tensor.isInteger ? 8 * tensor.integers.count : 4 * tensor.values.count
            entries.append((tensor.name, .object(JSONObject([
                ("dtype", .string(tensor.isInteger ? "I64" : "F32")),
                ("shape", .numbers(tensor.shape.map(Double.init))),
                ("data_offsets", .numbers([Double(offset), Double(offset + bytes)])),
            ]))))
            offset += bytes
        }
        var header: [UInt8] = []
        do { try JSONWriter.write(.object(JSONObject(entries)), to: &header) } catch { throw .malformed("NaN in a header") }
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + offset)
        for b in 0..<8 { out.append(UInt8(truncatingIfNeeded: UInt64(header.count) >> (8 * UInt64(b)))) }
        out += header
        for tensor in tensors {
            if tensor.isInteger {
                for v in tensor.integers { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
            } else {
                for v in tensor.values { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
            }
        }
        return out
    }
}

public enum SafeTensorsError: Error, CustomStringConvertible, Equatable {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let why): return "not a safetensors file: \(why)"
        }
    }
}
