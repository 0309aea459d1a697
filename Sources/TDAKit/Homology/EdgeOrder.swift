import Dispatch

extension RipsReducer {
    /// `keys` ordered by increasing diameter, stably: a least-significant-digit radix sort on
    /// the diameter's bits, 11 a pass, skipping passes whose digit is the same for every key.
    /// Keys that come by decreasing index (`edgeKeys`) leave in the filtration order, ties by
    /// decreasing index. The standard library's sort took 0.5 s on the 4.5 million edges of
    /// 3000 neurons (6% of the run), with serial merges. With several threads each pass
    /// splits the keys in contiguous runs: every worker counts its run's digits, then writes
    /// its run where the counts of the runs and digits before it end, which is the one-thread
    /// order.
    /// `scratch`, an array of as many elements that the caller no longer needs, becomes the
    /// passes' other buffer: its pages are in memory already, where the page faults of a fresh
    /// 72 MB target made the sort on 3000 neurons take 0.075 s on two threads, not 0.061 s.
    func sortedByDiameter(_ keys: consuming [DiameterIndex<Value>], scratch: consuming [DiameterIndex<Value>] = []) -> [DiameterIndex<Value>] {
        // `keys` is consumed and the target left uninitialised (every pass writes all of it):
        // a target copied from the keys, and keys the caller still held, made two serial
        // copies of 72 MB on 3000 neurons (copy on write) while the other cores waited.
        var source = consume keys
        let count = source.count
        guard count > 1 else { return source }
        var target = consume scratch
        if target.count != count {
            target = [DiameterIndex<Value>](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
        let runs = count >= 1 << 16 ? threads : 1
        for shift in stride(from: 0, to: 8 * MemoryLayout<Value>.size, by: RadixPass.bits) {
            if RadixPass.sort(source, into: &target, runs: runs,
                              digit: { Int(truncatingIfNeeded: $0.diameter.orderedBits &>> UInt64(shift)) & RadixPass.mask }) {
                swap(&source, &target)
            }
        }
        return source
    }

    /// The sort keys of `edges` (listed by increasing index, as `EdgeList` and
    /// `NeighborLists` list them), in reverse, by decreasing index: each edge's diameter, and
    /// its endpoints and (when H1 is wanted) whether it is the facet of an apparent pair packed
    /// as `EdgeFacts` in the key's `index`, so they travel through the sort with it. Found on
    /// `threads` workers with their own scratch. The apparent check scans the rows of both
    /// endpoints, so the edges go in tiles of `EdgeTile.rows` × `EdgeTile.rows` endpoints whose
    /// rows stay in cache: checked in the filtration order, every edge read two rows from
    /// memory, and on 3000 neurons the checks (a quarter of a one-thread run) took 0.85 s on one
    /// thread and 0.41 s on two; in index order 0.49 s and 0.29 s, in tiles 0.24 s and 0.12 s.
    func edgeKeys(_ edges: [DiameterIndex<Value>]) -> [DiameterIndex<Value>] {
        let tile = EdgeTile.rows, blocks = (vertexCount + tile - 1) / tile, last = edges.count - 1
        // The position of the first edge (u, ·) for every u, and the edge count at the end.
        let rowStart = (0...vertexCount).map { u in partitionPoint(0, edges.count) { edges[$0].index >= u * (u - 1) / 2 } }
        let reducer = UnsafeSendable(self), checks = maxDimension > 0
        return [DiameterIndex<Value>](unsafeUninitializedCapacity: edges.count) { keys, initialized in
            let shared = UnsafeSendable((keys: keys, edges: edges, rowStart: rowStart))
            let counter = WorkCounter()
            DispatchQueue.concurrentPerform(iterations: min(threads, blocks)) { _ in
                let s = shared.value
                let own = UnsafeMutablePointer<Int>.allocate(capacity: 4 * reducer.value.scratchSlice)
                defer { own.deallocate() }
                var apparent = reducer.value.reductionTools(scratch: own).apparent
                let endpoints = own + 3 * reducer.value.scratchSlice
                var cursor = [Int](repeating: 0, count: tile)
                while true {
                    // The largest blocks first, so the workers end together.
                    let block = blocks - 1 - counter.claim()
                    guard block >= 0 else { break }
                    let rows = block * tile..<min(block * tile + tile, reducer.value.vertexCount)
                    for u in rows { cursor[u - rows.lowerBound] = s.rowStart[u] }
                    for columnBlock in 0...block {
                        for u in rows {
                            let first = u * (u - 1) / 2, below = first + min(columnBlock * tile + tile, u)
                            var position = cursor[u - rows.lowerBound]
                            while position < s.rowStart[u + 1] && s.edges[position].index < below {
                                let edge = s.edges[position]
                                endpoints[0] = u
                                endpoints[1] = edge.index - first
                                let isApparent = checks && apparent.apparentCofacet(
                                    of: DiameterEntry(diameter: edge.diameter, index: edge.index, coefficient: 1),
                                    dimension: 1, vertices: endpoints) != nil
                                let facts = EdgeFacts(u: u, v: endpoints[1], isApparent: isApparent)
                                s.keys.initializeElement(at: last - position, to: DiameterIndex(index: facts.packed, diameter: edge.diameter))
                                position += 1
                            }
                            cursor[u - rows.lowerBound] = position
                        }
                    }
                }
            }
            initialized = edges.count
        }
    }
}

/// An edge's endpoints u > v and whether it is the facet of an apparent pair, packed in one
/// integer (u from bit 32, v from bit 1, the flag in bit 0) that rides in a sort key's
/// `index` (`edgeKeys`).
struct EdgeFacts {
    let packed: Int

    init(u: Int, v: Int, isApparent: Bool) { packed = u << 32 | v << 1 | (isApparent ? 1 : 0) }
    init(packed: Int) { self.packed = packed }

    var u: Int { packed >> 32 }
    var v: Int { (packed >> 1) & 0x7FFF_FFFF }
    var isApparent: Bool { packed & 1 == 1 }
    /// The edge's index, C(u, 2) + v.
    var index: Int { u * (u - 1) / 2 + v }
}

/// The tiles of `edgeKeys`: 16 rows of 3000 Float distances each side take 384 KB, which
/// fits the 512 KB–2 MB second-level caches of the machines we measure on.
private enum EdgeTile {
    static let rows = 16
}

/// One stable counting pass of `sortedByDiameter` on 11-bit digits.
private enum RadixPass {
    static let bits = 11
    static let mask = (1 << bits) - 1

    /// Writes `source` ordered by `digit` (stably) into `target`, counting and writing `runs`
    /// contiguous runs on as many workers; false, with nothing written, when every element
    /// has the same digit.
    static func sort<Value>(_ source: [DiameterIndex<Value>], into target: inout [DiameterIndex<Value>], runs: Int,
                            digit: @Sendable (DiameterIndex<Value>) -> Int) -> Bool {
        let count = source.count, digits = mask + 1
        var offsets = [Int](repeating: 0, count: runs * digits)
        return source.withUnsafeBufferPointer { from in
            target.withUnsafeMutableBufferPointer { to in
                offsets.withUnsafeMutableBufferPointer { offset in
                    let shared = UnsafeSendable((from: from, to: to, offset: offset))
                    DispatchQueue.concurrentPerform(iterations: runs) { run in
                        let s = shared.value
                        for element in s.from[run * count / runs..<(run + 1) * count / runs] {
                            s.offset[run &* digits &+ digit(element)] &+= 1
                        }
                    }
                    if (0..<runs).reduce(0, { $0 + offset[$1 * digits + digit(from[0])] }) == count { return false }
                    var next = 0
                    for d in 0..<digits {
                        for run in 0..<runs { (offset[run * digits + d], next) = (next, next + offset[run * digits + d]) }
                    }
                    DispatchQueue.concurrentPerform(iterations: runs) { run in
                        let s = shared.value
                        for element in s.from[run * count / runs..<(run + 1) * count / runs] {
                            let slot = run &* digits &+ digit(element)
                            s.to[s.offset[slot]] = element
                            s.offset[slot] &+= 1
                        }
                    }
                    return true
                }
            }
        }
    }
}
