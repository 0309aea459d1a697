extension RipsReducer {
    /// The edges in the filtration order: increasing diameter, ties by decreasing index. A
    /// least-significant-digit radix sort, 11 bits a pass, first on the index (reversed), then
    /// on the diameter's bits; each pass is stable, so the result is that order exactly, and
    /// passes whose digit is the same for every edge are skipped. The 4.5 million edges of
    /// 3000 neurons took 0.5 s with the standard library's sort (6% of the run), on any number
    /// of threads, as its merges are serial.
    func sortedByFiltration(_ edges: [DiameterIndex<Value>]) -> [DiameterIndex<Value>] {
        guard edges.count > 1 else { return edges }
        let top = edges.reduce(0) { max($0, $1.index) }
        var source = edges, target = edges
        let digits = 1 << 11
        var counts = [Int](repeating: 0, count: digits)
        func pass(_ digit: (DiameterIndex<Value>) -> Int) {
            let moved = source.withUnsafeBufferPointer { from in
                target.withUnsafeMutableBufferPointer { to in
                    counts.withUnsafeMutableBufferPointer { count -> Bool in
                        count.update(repeating: 0)
                        for edge in from { count[digit(edge)] &+= 1 }
                        guard count[digit(from[0])] < from.count else { return false }
                        var offset = 0
                        for d in 0..<digits { (count[d], offset) = (offset, offset &+ count[d]) }
                        for edge in from {
                            let d = digit(edge)
                            to[count[d]] = edge
                            count[d] &+= 1
                        }
                        return true
                    }
                }
            }
            if moved { swap(&source, &target) }
        }
        for shift in stride(from: 0, to: Int.bitWidth - top.leadingZeroBitCount, by: 11) {
            pass { ((top &- $0.index) &>> shift) & (digits &- 1) }
        }
        for shift in stride(from: 0, to: 8 * MemoryLayout<Value>.size, by: 11) {
            pass { Int(truncatingIfNeeded: $0.diameter.orderedBits &>> UInt64(shift)) & (digits &- 1) }
        }
        return source
    }

    /// Each edge's endpoints and, when H1 is wanted, whether it is the facet of an apparent
    /// pair, found on `threads` workers with their own scratch: the decoding and the check are
    /// 25% of a one-thread run on correlation data, and only the union–find after them must
    /// go edge by edge.
    func edgeFacts(_ edges: [DiameterIndex<Value>]) -> [EdgeFacts] {
        let parts = 8 * threads, reducer = UnsafeSendable(self)
        return parallelMap(parts, threads: threads) { part -> [EdgeFacts] in
            let own = UnsafeMutablePointer<Int>.allocate(capacity: 4 * reducer.value.scratchSlice)
            defer { own.deallocate() }
            var apparent = reducer.value.reductionTools(scratch: own).apparent
            let checks = reducer.value.maxDimension > 0, endpoints = own + 3 * reducer.value.scratchSlice
            return edges[part * edges.count / parts..<(part + 1) * edges.count / parts].map { edge in
                reducer.value.binomial.vertices(of: edge.index, dimension: 1, into: endpoints)
                return EdgeFacts(u: Int32(endpoints[0]), v: Int32(endpoints[1]), isApparent: checks && apparent.apparentCofacet(
                    of: DiameterEntry(diameter: edge.diameter, index: edge.index, coefficient: 1), dimension: 1, vertices: endpoints) != nil)
            }
        }.flatMap { $0 }
    }
}

/// An edge's endpoints and whether it is the facet of an apparent pair (`edgeFacts`).
struct EdgeFacts: Sendable {
    let u: Int32, v: Int32
    let isApparent: Bool
}
