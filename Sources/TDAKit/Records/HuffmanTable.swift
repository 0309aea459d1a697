/// A lookup table for one canonical DEFLATE Huffman code (RFC 1951 §3.2.2), indexed by the
/// next input bits: the low `primaryBits` bits find a code at most that long in one step;
/// longer codes go through a second-level table under their first `primaryBits` bits.
///
/// Each entry packs what the decoder needs, so one load decodes a symbol (as zlib's
/// `inflate_table`, but the layout is ours): bits 0–3 the code length, 4–7 extra bits (or a
/// second-level table's index bits), 8–10 the kind, 16–31 the value (a literal byte, a length or
/// distance base, or a second-level table's offset).
struct HuffmanTable {
    // The kinds are computed properties, not stored `static let`s: reading one of those in the
    // decoding loop was a call to its lazy-initialisation accessor, which took 69% of the time.
    static var literal: UInt32 { 0 }
    static var base: UInt32 { 1 }
    static var endOfBlock: UInt32 { 2 }
    static var subtable: UInt32 { 3 }
    static var invalid: UInt32 { 4 }

    private(set) var entries: [UInt32] = []
    let primaryBits: Int

    init(primaryBits: Int) { self.primaryBits = primaryBits }

    static func entry(kind: UInt32, value: Int, extra: Int = 0) -> UInt32 {
        UInt32(value) << 16 | kind << 8 | UInt32(extra) << 4
    }

    /// The literal/length alphabet: bytes 0–255, end of block, then 29 length codes (§3.2.5:
    /// extra bits grow by one every four codes; code 285 is 258 with none); 286, 287 are invalid.
    static let lengthSymbols: [UInt32] = {
        var symbols = (0..<256).map { entry(kind: literal, value: $0) } + [entry(kind: endOfBlock, value: 0)]
        var length = 3
        for code in 0..<28 {
            let extra = code < 8 ? 0 : code / 4 - 1
            symbols.append(entry(kind: base, value: length, extra: extra))
            length += 1 << extra
        }
        return symbols + [entry(kind: base, value: 258), entry(kind: invalid, value: 0), entry(kind: invalid, value: 0)]
    }()

    /// The distance alphabet: 30 codes, extra bits growing by one every two codes; 30, 31 are invalid.
    static let distanceSymbols: [UInt32] = {
        var symbols: [UInt32] = []
        var distance = 1
        for code in 0..<30 {
            let extra = code < 4 ? 0 : code / 2 - 1
            symbols.append(entry(kind: base, value: distance, extra: extra))
            distance += 1 << extra
        }
        return symbols + [entry(kind: invalid, value: 0), entry(kind: invalid, value: 0)]
    }()

    /// The code-length alphabet of dynamic block headers: the symbol itself is the value.
    static let codeLengthSymbols: [UInt32] = (0..<19).map { entry(kind: literal, value: $0) }

    /// Builds the table for code lengths `lengths` (0 = symbol unused) of the symbols described
    /// by `symbols`. Returns why the lengths are not a usable code: over-subscribed, or
    /// incomplete (allowed only for a single code of length one, as zlib allows, or for no codes
    /// at all when `allowEmpty`, which a block without distances may have).
    mutating func build(lengths: ArraySlice<UInt8>, symbols: [UInt32], allowEmpty: Bool = false) -> String? {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0
        var left = 1
        for length in 1...15 {
            left = left << 1 - counts[length]
            if left < 0 { return "over-subscribed code lengths" }
        }
        let used = counts.reduce(0, +)
        if used == 0, !allowEmpty { return "no codes" }
        if left > 0, used > 0, !(used == 1 && counts[1] == 1) { return "incomplete code lengths" }
        var next = [UInt32](repeating: 0, count: 16)
        for length in 1...15 { next[length] = (next[length - 1] + UInt32(counts[length - 1])) << 1 }

        // Codes as they arrive (first bit lowest), with the symbol's entry and the length.
        var codes: [(reversed: Int, entry: UInt32, length: Int)] = []
        codes.reserveCapacity(used)
        for (symbol, length) in zip(symbols.indices, lengths) where length > 0 {
            var code = next[Int(length)], reversed = 0
            next[Int(length)] += 1
            for _ in 0..<length { reversed = reversed << 1 | Int(code & 1); code >>= 1 }
            codes.append((reversed, symbols[symbol] | UInt32(length), Int(length)))
        }
        fill(codes)
        return nil
    }

    /// Writes every code's entry at each index whose low bits are the code; codes longer than
    /// `primaryBits` share a second-level table per first `primaryBits` bits, sized for the
    /// longest of them.
    private mutating func fill(_ codes: [(reversed: Int, entry: UInt32, length: Int)]) {
        let size = 1 << primaryBits, mask = size - 1
        entries.removeAll(keepingCapacity: true)
        entries.append(contentsOf: repeatElement(Self.entry(kind: Self.invalid, value: 0), count: size))
        var longest = [UInt8](repeating: 0, count: size)
        for code in codes where code.length > primaryBits {
            longest[code.reversed & mask] = max(longest[code.reversed & mask], UInt8(code.length))
        }
        for prefix in 0..<size where longest[prefix] > 0 {
            let bits = Int(longest[prefix]) - primaryBits
            entries[prefix] = Self.entry(kind: Self.subtable, value: entries.count, extra: bits)
            entries.append(contentsOf: repeatElement(Self.entry(kind: Self.invalid, value: 0), count: 1 << bits))
        }
        // Raw pointer writes: through the array each store checked uniqueness and bounds;
        // building (once per dynamic block) went from 10.5% to 8% of inflating random doubles.
        entries.withUnsafeMutableBufferPointer { table in
            let table = table.baseAddress!
            for code in codes {
                if code.length <= primaryBits {
                    for index in stride(from: code.reversed, to: size, by: 1 << code.length) { table[index] = code.entry }
                } else {
                    let pointer = table[code.reversed & mask]
                    let offset = Int(pointer >> 16), end = offset + 1 << Int(pointer >> 4 & 0xF)
                    let start = offset + code.reversed >> primaryBits
                    for index in stride(from: start, to: end, by: 1 << (code.length - primaryBits)) { table[index] = code.entry }
                }
            }
        }
    }
}
