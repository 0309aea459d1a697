/// DEFLATE's input bits (RFC 1951 §3.1.1: each byte used from its lowest bit), buffered in one
/// 64-bit word that is refilled to 56 bits or more at a time.
struct BitReader {
    let input: UnsafePointer<UInt8>
    let count: Int
    /// Bits are used from the low end; `position` counts the bytes loaded, past the end of the
    /// input when zero bytes were loaded there (`checkNotPastEnd` tells that apart).
    var bits: UInt64 = 0, bitCount = 0, position = 0

    init(_ input: UnsafePointer<UInt8>, count: Int) { (self.input, self.count) = (input, count) }

    /// Loads input bytes until at least 56 bits are buffered, enough for a length and a
    /// distance with their extra bits (48). Past the end of the input it loads zeros, at most
    /// 16 bytes' worth, so that a truncated stream fails here or at `checkNotPastEnd`.
    @inline(__always)
    mutating func refill() throws(Inflate.Failure) {
        if position &+ 8 <= count {
            // One unaligned word per refill: bytes already buffered are loaded again at the
            // same place (OR of equal bits), the trick libdeflate's decoder uses.
            bits |= UInt64(littleEndian: UnsafeRawPointer(input + position).loadUnaligned(as: UInt64.self)) << bitCount
            position &+= (63 &- bitCount) >> 3
            bitCount |= 56
            return
        }
        while bitCount <= 56 {
            if position < count { bits |= UInt64(input[position]) << bitCount }
            position += 1
            bitCount += 8
        }
        if position > count + 16 { throw Inflate.Failure(reason: "truncated stream") }
    }

    /// Uses `n` buffered bits (the caller refilled) and returns them, first bit lowest.
    @inline(__always)
    mutating func consume(_ n: Int) -> Int {
        let value = Int(truncatingIfNeeded: bits) & (1 &<< n &- 1)
        bits &>>= UInt64(n)
        bitCount &-= n
        return value
    }

    /// The next `n` bits (at most 32), first bit lowest.
    mutating func take(_ n: Int) throws(Inflate.Failure) -> Int {
        if bitCount < n { try refill() }
        return consume(n)
    }

    /// The next `n` bits without using them.
    mutating func peek(_ n: Int) throws(Inflate.Failure) -> Int {
        if bitCount < n { try refill() }
        return Int(truncatingIfNeeded: bits) & (1 << n - 1)
    }

    /// Drops the bits left of the current byte and returns the position of the next byte,
    /// with the buffer empty (stored blocks are read byte by byte from there).
    mutating func alignToByte() -> Int {
        position -= bitCount >> 3
        (bits, bitCount) = (0, 0)
        return position
    }

    /// Throws if more bits were used than the input has.
    func checkNotPastEnd() throws(Inflate.Failure) {
        if position * 8 - bitCount > count * 8 { throw Inflate.Failure(reason: "truncated stream") }
    }
}
