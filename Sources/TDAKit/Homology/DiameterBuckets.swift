/// Entries of a working column parked by diameter, unsorted: bucket b holds the entries whose
/// diameter falls in the b-th of `count` equal slices of [floor, ceiling]. A bucket is a
/// linked list of fixed-size chunks from one pool, so appending costs one write and a bucket
/// is handed back whole when its turn comes (see `CoboundaryColumn`). The pool is copied on
/// write (`makePoolUnique`), so copies of a column stay independent (the parallel reduction
/// keeps an array of them).
struct DiameterBuckets<Value: RipsScalar> {
    /// Entries per chunk: a bucket wastes at most one partly filled chunk.
    static var chunkSize: Int { 32 }
    /// Buckets over [floor, ceiling].
    static var count: Int { 1 << 11 }

    private var pool = EntryPool<Value>()
    /// The chunk after each chunk in its bucket's list, or the next free chunk; −1 ends a list.
    private var nextChunk: [Int32] = []
    private var head = [Int32](repeating: -1, count: count)
    private var tail = [Int32](repeating: -1, count: count)
    /// Entries in each bucket's tail chunk.
    private var tailFill = [Int32](repeating: 0, count: count)
    private var freeChunks: Int32 = -1
    /// Chunks handed out from the pool, at its start.
    private var usedChunks = 0
    private var floor: Value = 0
    private var scale: Value = 0
    /// Entries parked.
    private(set) var entryCount = 0

    /// Entries the pool has room for (memory budgets count it).
    var capacity: Int { pool.capacity }

    /// Makes the pool this value's own (copy on write). `append` does not check, as the
    /// check is a runtime call that cost 5% of a long reduction per entry: writers call this
    /// once before each batch of appends (`CoboundaryColumn.push`'s callers, through
    /// `prepareForPushes`).
    @inline(__always)
    mutating func makePoolUnique() {
        if !isKnownUniquelyReferenced(&pool) { pool = pool.copy(count: usedChunks * Self.chunkSize) }
    }

    /// Empties every bucket; the whole pool is free again.
    mutating func removeAll() {
        for bucket in 0..<Self.count where head[bucket] >= 0 {
            head[bucket] = -1
            tail[bucket] = -1
            tailFill[bucket] = 0
        }
        freeChunks = -1
        usedChunks = 0
        entryCount = 0
    }

    /// Spreads [floor, ceiling] over the buckets; false when the range is empty (then nothing
    /// can be bucketed).
    mutating func spread(floor: Value, ceiling: Value) -> Bool {
        guard ceiling > floor else { return false }
        self.floor = floor
        scale = Value(Self.count) / (ceiling - floor)
        return scale.isFinite
    }

    /// Diameters below which no entry of bucket `bucket` or later lies, and from which every
    /// entry of a bucket before it does, each a bucket wide of the edge so rounding cannot
    /// cross them; nil when a bucket is too narrow for that margin (within 64 units in the last
    /// place of the ceiling).
    func edges(from first: Int, before last: Int, ceiling: Value) -> (low: Value, high: Value)? {
        guard 1 / scale > 64 * ceiling.ulp else { return nil }
        return (floor + Value(first - 1) / scale, floor + Value(last + 1) / scale)
    }

    /// The bucket of a diameter: monotone (a larger diameter never gets a smaller bucket, as
    /// subtraction, multiplication and truncation are monotone in IEEE arithmetic), below 0 for
    /// diameters under the floor, clamped to the last bucket above the ceiling.
    @inline(__always)
    func bucket(of diameter: Value) -> Int {
        let position = (diameter - floor) * scale
        if position < 0 { return -1 }
        return position < Value(Self.count) ? position.integerPart : Self.count - 1
    }

    @inline(__always)
    mutating func append(_ entry: DiameterEntry<Value>, to bucket: Int) {
        var chunk = Int(tail[bucket])
        if chunk < 0 || tailFill[bucket] == Int32(Self.chunkSize) {
            let fresh = newChunk()
            if chunk < 0 { head[bucket] = Int32(fresh) } else { nextChunk[chunk] = Int32(fresh) }
            tail[bucket] = Int32(fresh)
            tailFill[bucket] = 0
            chunk = fresh
        }
        pool.base.unsafelyUnwrapped[chunk &* Self.chunkSize &+ Int(tailFill[bucket])] = entry
        tailFill[bucket] &+= 1
        entryCount &+= 1
    }

    /// The first nonempty bucket after `bucket`, or nil.
    func nonempty(after bucket: Int) -> Int? {
        guard entryCount > 0 else { return nil }
        var next = bucket + 1
        while next < Self.count {
            if head[next] >= 0 { return next }
            next += 1
        }
        return nil
    }

    /// Moves the entries of `bucket` to the end of `target`, in no particular order.
    mutating func move(_ bucket: Int, to target: inout [DiameterEntry<Value>]) {
        var chunk = Int(head[bucket])
        while chunk >= 0 {
            let filled = Int32(chunk) == tail[bucket] ? Int(tailFill[bucket]) : Self.chunkSize
            target.append(contentsOf: UnsafeBufferPointer(start: pool.base.unsafelyUnwrapped + chunk * Self.chunkSize, count: filled))
            entryCount -= filled
            chunk = Int(nextChunk[chunk])
        }
        clear(bucket)
    }

    /// Hands the chunks of `bucket` back to the free list.
    private mutating func clear(_ bucket: Int) {
        nextChunk[Int(tail[bucket])] = freeChunks
        freeChunks = head[bucket]
        head[bucket] = -1
        tail[bucket] = -1
        tailFill[bucket] = 0
    }

    private mutating func newChunk() -> Int {
        if freeChunks >= 0 {
            let chunk = Int(freeChunks)
            freeChunks = nextChunk[chunk]
            nextChunk[chunk] = -1
            return chunk
        }
        let chunk = usedChunks
        usedChunks += 1
        if usedChunks > nextChunk.count {
            makePoolUnique()
            pool.reserve(usedChunks * Self.chunkSize)
            nextChunk.append(-1)
        }
        nextChunk[chunk] = -1
        return chunk
    }
}
