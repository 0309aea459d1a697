/// The working precision of a Rips computation: `Float` or `Double`, each with a concrete
/// SIMD kernel. Generic SIMD code compiled to a lane-by-lane loop even when specialised
/// (bench: `.<=` on `SIMD16<Value>` spilled every lane to the stack), while the same code on
/// `SIMD16<Float>` compiles to vector compares, so the kernel lives in each conformance.
protocol RipsScalar: BinaryFloatingPoint, SIMDScalar, Sendable {
    /// The largest vertex v with row_w[v] ≤ `limit` for every w in `vertices[0..<count]`, or −1:
    /// the vertex completing the first cofacet of equal diameter. `table` is a
    /// `DistanceTable`'s padded square matrix (+∞ on the diagonal and in the padding).
    static func lastCommonNeighbor(_ table: UnsafeMutablePointer<Self>, stride: Int, vertices: UnsafePointer<Int>,
                                   count: Int, limit: Self) -> Int
    /// The largest vertex v in [`bottom`, `from`] with row_w[v] < `high` for every w in
    /// `vertices[0..<count]` and row_w[v] ≥ `low` for one of them, or −1: the next cofacet
    /// whose diameter may lie in [low, high) (`DenseCoboundary.hasNext(inShare:mask:low:high:)`).
    static func lastInWindow(_ table: UnsafeMutablePointer<Self>, stride: Int, vertices: UnsafePointer<Int>,
                             count: Int, from: Int, through bottom: Int, low: Self, high: Self) -> Int
    /// The value truncated to an integer, for a value in Int's range. Concrete because the
    /// generic `Int(_:)` through `BinaryFloatingPoint` stayed a library call even when
    /// specialised (perf: 11% of a long correlation reduction, in `DiameterBuckets.bucket`).
    var integerPart: Int { get }
    /// The bits of a value ≥ 0 as an unsigned integer: ordered as the values are (IEEE
    /// non-negative floats order as their bit patterns); −0 counts as +0.
    var orderedBits: UInt64 { get }
}

extension Float: RipsScalar {
    @inline(__always) var integerPart: Int { Int(self) }
    @inline(__always) var orderedBits: UInt64 { UInt64((self + 0).bitPattern) }

    @inline(__always)
    static func lastCommonNeighbor(_ table: UnsafeMutablePointer<Float>, stride: Int, vertices: UnsafePointer<Int>,
                                   count: Int, limit: Float) -> Int {
        let bound = SIMD16<Float>(repeating: limit)
        @inline(__always) func close(_ chunk: Int) -> SIMDMask<SIMD16<Int32>> {
            let first: UnsafeMutablePointer<Float> = table + (vertices[0] &* stride &+ chunk)
            var close: SIMDMask<SIMD16<Int32>> = UnsafeRawPointer(first).loadUnaligned(as: SIMD16<Float>.self) .<= bound
            for k in 1..<count {
                let row: UnsafeMutablePointer<Float> = table + (vertices[k] &* stride &+ chunk)
                close .&= UnsafeRawPointer(row).loadUnaligned(as: SIMD16<Float>.self) .<= bound
            }
            return close
        }
        var chunk = stride &- 16
        // Four chunks per test while nothing is found, as most scans find nothing: the
        // horizontal `any` and its branch once per 64 vertices instead of 16.
        while chunk >= 48 {
            if any(close(chunk) .| close(chunk &- 16) .| close(chunk &- 32) .| close(chunk &- 48)) { break }
            chunk &-= 64
        }
        while chunk >= 0 {
            let found = close(chunk)
            if any(found) {
                var lane = 15
                while !found[lane] { lane &-= 1 }
                return chunk &+ lane
            }
            chunk &-= 16
        }
        return -1
    }
    @inline(__always)
    static func lastInWindow(_ table: UnsafeMutablePointer<Float>, stride: Int, vertices: UnsafePointer<Int>,
                             count: Int, from: Int, through bottom: Int, low: Float, high: Float) -> Int {
        let below = SIMD16<Float>(repeating: high), reach = SIMD16<Float>(repeating: low)
        @inline(__always) func inWindow(_ chunk: Int) -> SIMDMask<SIMD16<Int32>> {
            let first = UnsafeRawPointer(table + (vertices[0] &* stride &+ chunk)).loadUnaligned(as: SIMD16<Float>.self)
            var under = first .< below, over = first .>= reach
            for k in 1..<count {
                let row = UnsafeRawPointer(table + (vertices[k] &* stride &+ chunk)).loadUnaligned(as: SIMD16<Float>.self)
                under .&= row .< below
                over .|= row .>= reach
            }
            return under .& over
        }
        var chunk = from & ~15
        let last = bottom & ~15
        // Lanes above `from` in its chunk and below `bottom` in its chunk do not count.
        let lanes = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        var found = inWindow(chunk) .& (lanes .<= SIMD16<Int32>(repeating: Int32(truncatingIfNeeded: from &- chunk)))
        while true {
            if chunk == last { found .&= lanes .>= SIMD16<Int32>(repeating: Int32(truncatingIfNeeded: bottom &- chunk)) }
            if any(found) { break }
            if chunk == last { return -1 }
            chunk &-= 16
            found = inWindow(chunk)
        }
        var lane = 15
        while !found[lane] { lane &-= 1 }
        return chunk &+ lane
    }
}

extension Double: RipsScalar {
    @inline(__always) var integerPart: Int { Int(self) }
    @inline(__always) var orderedBits: UInt64 { (self + 0).bitPattern }

    @inline(__always)
    static func lastCommonNeighbor(_ table: UnsafeMutablePointer<Double>, stride: Int, vertices: UnsafePointer<Int>,
                                   count: Int, limit: Double) -> Int {
        let bound = SIMD8<Double>(repeating: limit)
        @inline(__always) func close(_ chunk: Int) -> SIMDMask<SIMD8<Int64>> {
            let first: UnsafeMutablePointer<Double> = table + (vertices[0] &* stride &+ chunk)
            var close: SIMDMask<SIMD8<Int64>> = UnsafeRawPointer(first).loadUnaligned(as: SIMD8<Double>.self) .<= bound
            for k in 1..<count {
                let row: UnsafeMutablePointer<Double> = table + (vertices[k] &* stride &+ chunk)
                close .&= UnsafeRawPointer(row).loadUnaligned(as: SIMD8<Double>.self) .<= bound
            }
            return close
        }
        var chunk = stride &- 8
        // Four chunks per test while nothing is found, as most scans find nothing: the
        // horizontal `any` and its branch once per 32 vertices instead of 8.
        while chunk >= 24 {
            if any(close(chunk) .| close(chunk &- 8) .| close(chunk &- 16) .| close(chunk &- 24)) { break }
            chunk &-= 32
        }
        while chunk >= 0 {
            let found = close(chunk)
            if any(found) {
                var lane = 7
                while !found[lane] { lane &-= 1 }
                return chunk &+ lane
            }
            chunk &-= 8
        }
        return -1
    }

    @inline(__always)
    static func lastInWindow(_ table: UnsafeMutablePointer<Double>, stride: Int, vertices: UnsafePointer<Int>,
                             count: Int, from: Int, through bottom: Int, low: Double, high: Double) -> Int {
        let below = SIMD8<Double>(repeating: high), reach = SIMD8<Double>(repeating: low)
        @inline(__always) func inWindow(_ chunk: Int) -> SIMDMask<SIMD8<Int64>> {
            let first = UnsafeRawPointer(table + (vertices[0] &* stride &+ chunk)).loadUnaligned(as: SIMD8<Double>.self)
            var under = first .< below, over = first .>= reach
            for k in 1..<count {
                let row = UnsafeRawPointer(table + (vertices[k] &* stride &+ chunk)).loadUnaligned(as: SIMD8<Double>.self)
                under .&= row .< below
                over .|= row .>= reach
            }
            return under .& over
        }
        var chunk = from & ~7
        let last = bottom & ~7
        // Lanes above `from` in its chunk and below `bottom` in its chunk do not count.
        let lanes = SIMD8<Int64>(0, 1, 2, 3, 4, 5, 6, 7)
        var found = inWindow(chunk) .& (lanes .<= SIMD8<Int64>(repeating: Int64(truncatingIfNeeded: from &- chunk)))
        while true {
            if chunk == last { found .&= lanes .>= SIMD8<Int64>(repeating: Int64(truncatingIfNeeded: bottom &- chunk)) }
            if any(found) { break }
            if chunk == last { return -1 }
            chunk &-= 8
            found = inWindow(chunk)
        }
        var lane = 7
        while !found[lane] { lane &-= 1 }
        return chunk &+ lane
    }
}
