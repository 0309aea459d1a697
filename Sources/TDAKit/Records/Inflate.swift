/// A DEFLATE decoder (RFC 1951) for zip entries of method 8, as `np.savez_compressed` writes
/// them: stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// The output size is known from the zip directory, so the output is one buffer of that size
/// and producing more is an error, as is every malformed stream; each loop consumes input or
/// produces output, so no input can make it spin.
public enum Inflate {
    /// Why a stream cannot be inflated, in a few words.
    public struct Failure: Error, Equatable {
        public let reason: String
    }

    /// The `size` bytes that `input` inflates to.
    public static func inflate(_ input: UnsafeRawBufferPointer, size: Int) throws(Failure) -> [UInt8] {
        guard let start = input.baseAddress, !input.isEmpty else { throw Failure(reason: "empty stream") }
        // Word-wide match copies may write up to 7 bytes past the end; the slack absorbs them.
        var output = [UInt8](repeating: 0, count: size + 8)
        let produced = try output.withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> Int in
            var inflater = Inflater(input: start.assumingMemoryBound(to: UInt8.self), inputCount: input.count,
                                    output: buffer.baseAddress!, size: size)
            try inflater.run()
            return inflater.outPos
        }
        guard produced == size else { throw Failure(reason: "inflates to \(produced) bytes, the zip header says \(size)") }
        output.removeLast(8)
        return output
    }

    /// The fixed codes of block type 1 (§3.2.6).
    static let fixedTables: (lengths: HuffmanTable, distances: HuffmanTable) = {
        var lengths = HuffmanTable(primaryBits: 9), distances = HuffmanTable(primaryBits: 5)
        let lengthBits = [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112)
            + [UInt8](repeating: 7, count: 24) + [UInt8](repeating: 8, count: 8)
        _ = lengths.build(lengths: lengthBits[...], symbols: HuffmanTable.lengthSymbols)
        _ = distances.build(lengths: [UInt8](repeating: 5, count: 32)[...], symbols: HuffmanTable.distanceSymbols)
        return (lengths, distances)
    }()
}

/// The decoder's state: input bits not yet used, output written so far, the current block's codes.
struct Inflater {
    var reader: BitReader
    let output: UnsafeMutablePointer<UInt8>
    let size: Int
    var outPos = 0
    var lengths = HuffmanTable(primaryBits: 10), distances = HuffmanTable(primaryBits: 8)

    init(input: UnsafePointer<UInt8>, inputCount: Int, output: UnsafeMutablePointer<UInt8>, size: Int) {
        (reader, self.output, self.size) = (BitReader(input, count: inputCount), output, size)
    }

    mutating func run() throws(Inflate.Failure) {
        var final = false
        while !final {
            final = try reader.take(1) == 1
            switch try reader.take(2) {
            case 0: try copyStoredBlock()
            case 1:
                let fixed = Inflate.fixedTables
                try decodeBlock(fixed.lengths, fixed.distances)
            case 2:
                try readDynamicTables()
                try decodeBlock(lengths, distances)
            default: throw Inflate.Failure(reason: "invalid block type 3")
            }
            try reader.checkNotPastEnd()
        }
    }

    /// Block type 0: skip to a byte boundary, LEN and its complement NLEN, LEN bytes as they are.
    mutating func copyStoredBlock() throws(Inflate.Failure) {
        let (input, start) = (reader.input, reader.alignToByte())
        guard start + 4 <= reader.count else { throw Inflate.Failure(reason: "truncated stream") }
        let length = Int(input[start]) | Int(input[start + 1]) << 8
        let complement = Int(input[start + 2]) | Int(input[start + 3]) << 8
        guard length == complement ^ 0xFFFF else { throw Inflate.Failure(reason: "stored block length does not match its complement") }
        guard start + 4 + length <= reader.count else { throw Inflate.Failure(reason: "truncated stream") }
        guard length <= size - outPos else { throw tooLong }
        (output + outPos).update(from: input + start + 4, count: length)
        reader.position = start + 4 + length
        outPos += length
    }

    var tooLong: Inflate.Failure { Inflate.Failure(reason: "inflates to more than the \(size) bytes the zip header says") }
}

extension Inflater {
    /// The order in which a dynamic block header lists the code-length code's lengths (§3.2.7).
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Block type 2's header: the code-length code, then the literal/length and distance code
    /// lengths in it (16 repeats the previous length 3–6 times, 17 and 18 give 3–10 and 11–138
    /// zeros), built into `lengths` and `distances`.
    mutating func readDynamicTables() throws(Inflate.Failure) {
        let lengthCount = try reader.take(5) + 257, distanceCount = try reader.take(5) + 1, codeLengthCount = try reader.take(4) + 4
        guard lengthCount <= 286, distanceCount <= 30 else { throw Inflate.Failure(reason: "too many length or distance codes") }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<codeLengthCount { codeLengthLengths[Self.codeLengthOrder[i]] = UInt8(try reader.take(3)) }
        var codeLengthTable = HuffmanTable(primaryBits: 7)
        if let problem = codeLengthTable.build(lengths: codeLengthLengths[...], symbols: HuffmanTable.codeLengthSymbols) {
            throw Inflate.Failure(reason: "code-length code: \(problem)")
        }
        let total = lengthCount + distanceCount
        var codeLengths: [UInt8] = []
        codeLengths.reserveCapacity(total + 138)
        while codeLengths.count < total {
            let entry = codeLengthTable.entries[try reader.peek(7)]
            guard entry >> 8 & 7 != HuffmanTable.invalid else { throw Inflate.Failure(reason: "invalid code-length code") }
            _ = reader.consume(Int(entry & 0xF))
            switch entry >> 16 {
            case let length where length < 16: codeLengths.append(UInt8(length))
            case 16:
                guard let previous = codeLengths.last else { throw Inflate.Failure(reason: "length repeat with no previous length") }
                codeLengths += repeatElement(previous, count: 3 + (try reader.take(2)))
            case 17: codeLengths += repeatElement(0, count: 3 + (try reader.take(3)))
            default: codeLengths += repeatElement(0, count: 11 + (try reader.take(7)))
            }
        }
        guard codeLengths.count == total else { throw Inflate.Failure(reason: "code lengths repeat past the last code") }
        guard codeLengths[256] > 0 else { throw Inflate.Failure(reason: "no end-of-block code") }
        if let problem = lengths.build(lengths: codeLengths[..<lengthCount], symbols: HuffmanTable.lengthSymbols) {
            throw Inflate.Failure(reason: "literal/length code: \(problem)")
        }
        if let problem = distances.build(lengths: codeLengths[lengthCount...], symbols: HuffmanTable.distanceSymbols, allowEmpty: true) {
            throw Inflate.Failure(reason: "distance code: \(problem)")
        }
    }

    /// A Huffman-coded block, up to its end-of-block code.
    mutating func decodeBlock(_ lengthTable: HuffmanTable, _ distanceTable: HuffmanTable) throws(Inflate.Failure) {
        try lengthTable.entries.withUnsafeBufferPointer { (lengthEntries) throws(Inflate.Failure) in
            try distanceTable.entries.withUnsafeBufferPointer { (distanceEntries) throws(Inflate.Failure) in
                try decodeSymbols(lengthEntries.baseAddress!, lengthTable.primaryBits, distanceEntries.baseAddress!, distanceTable.primaryBits)
            }
        }
    }

    /// The symbol whose code starts the buffered bits: one table load, two for long codes.
    @inline(__always)
    static func lookup(_ table: UnsafePointer<UInt32>, _ primaryBits: Int, _ bits: UInt64) -> UInt32 {
        let entry = table[Int(truncatingIfNeeded: bits) & (1 &<< primaryBits &- 1)]
        guard entry >> 8 & 7 == HuffmanTable.subtable else { return entry }
        let index = Int(truncatingIfNeeded: bits &>> UInt64(primaryBits)) & (1 &<< Int(entry >> 4 & 0xF) &- 1)
        return table[Int(entry >> 16) &+ index]
    }

    /// The decoding loop: the bit buffer and output position in locals (kept in registers;
    /// through `self` they went to memory on every symbol: 45 instead of 62 MB/s on random
    /// doubles), a refill only below 48 bits, the most a length and a distance with their extra
    /// bits take (62 → 95 MB/s), table entries that carry base and extra bits, and word-wide
    /// match copies.
    mutating func decodeSymbols(_ lengthTable: UnsafePointer<UInt32>, _ lengthBits: Int,
                                _ distanceTable: UnsafePointer<UInt32>, _ distanceBits: Int) throws(Inflate.Failure) {
        var reader = self.reader, outPos = self.outPos
        defer { (self.reader, self.outPos) = (reader, outPos) }
        while true {
            if reader.bitCount < 48 { try reader.refill() }
            let entry = Self.lookup(lengthTable, lengthBits, reader.bits)
            let kind = entry >> 8 & 7
            if kind == HuffmanTable.literal {
                guard outPos < size else { throw tooLong }
                _ = reader.consume(Int(entry & 0xF))
                output[outPos] = UInt8(truncatingIfNeeded: entry >> 16)
                outPos &+= 1
                continue
            }
            guard kind != HuffmanTable.endOfBlock else { _ = reader.consume(Int(entry & 0xF)); return }
            guard kind == HuffmanTable.base else { throw Inflate.Failure(reason: "invalid literal/length code") }
            _ = reader.consume(Int(entry & 0xF))
            let length = Int(entry >> 16) &+ reader.consume(Int(entry >> 4 & 0xF))
            let code = Self.lookup(distanceTable, distanceBits, reader.bits)
            guard code >> 8 & 7 == HuffmanTable.base else { throw Inflate.Failure(reason: "invalid distance code") }
            _ = reader.consume(Int(code & 0xF))
            let distance = Int(code >> 16) &+ reader.consume(Int(code >> 4 & 0xF))
            guard distance <= outPos else { throw Inflate.Failure(reason: "distance \(distance) reaches before the start") }
            guard length <= size &- outPos else { throw tooLong }
            Self.copyMatch(output + outPos, length: length, distance: distance)
            outPos &+= length
        }
    }

    /// Writes `length` bytes at `target` copied from `distance` back, which may overlap them.
    @inline(__always)
    static func copyMatch(_ target: UnsafeMutablePointer<UInt8>, length: Int, distance: Int) {
        let source = target - distance
        if distance >= 8 {
            // 8 bytes per step: each word read lies wholly before the bytes it writes.
            var k = 0
            while k < length {
                UnsafeMutableRawPointer(target + k).storeBytes(of: UnsafeRawPointer(source + k).loadUnaligned(as: UInt64.self), as: UInt64.self)
                k &+= 8
            }
        } else if distance == 1 {
            target.update(repeating: source.pointee, count: length)
        } else {
            for k in 0..<length { target[k] = source[k] }
        }
    }
}
