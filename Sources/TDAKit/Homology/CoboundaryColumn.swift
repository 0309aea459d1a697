/// The coboundary of a column under reduction: a `WorkingColumn` heap that, once it grows past
/// `spillSize` entries, keeps only the entries near the pivot and parks the rest in diameter
/// buckets (`DiameterBuckets`), taking a bucket back into the heap when the heap runs dry.
///
/// Why: a long reduction's heap reaches 10⁸ entries on correlation data (bench/RESULTS-ph-rips.md),
/// and every pop then sinks through levels that each miss the cache. Parked entries cost one
/// write and the heap stays a few megabytes. This is sound because a column's pivots only move
/// forward: each column added to it has the current pivot as its own first entry, so the sum
/// has nothing before it; entries of single coboundaries that do fall before the pivot (they
/// cancel within the sum) go to the heap, which orders them as before. Buckets are monotone in
/// the diameter and the heap holds every entry of the buckets up to the current one, so the
/// heap's root is still the first entry of the whole column: pivots, diagrams and cocycles are
/// exactly those of the plain heap.
struct CoboundaryColumn<Value: RipsScalar> {
    private(set) var near: WorkingColumn<Value>
    private var far = DiameterBuckets<Value>()
    /// Whether entries are being parked; the heap then holds the buckets up to `current`.
    private var spilled = false
    private var current = 0
    /// Heap entries past which the column spills, and the largest diameter an entry can have.
    let spillSize: Int
    let ceiling: Value
    /// `spillSize`, or never when the diameters left have no range to spread.
    private var spillAt: Int
    private(set) var exceeded = false

    /// Entries of the budget that heap and buckets hold.
    private var claimed = 0
    /// Entries pushed since the column was emptied (how long a reduction it is).
    private(set) var pushed = 0

    init(budget: HeapBudget, ceiling: Value, spillSize: Int) {
        near = WorkingColumn(budget: budget)
        self.ceiling = ceiling
        self.spillSize = spillSize
        spillAt = spillSize
    }

    mutating func removeAll() {
        near.removeAll()
        if spilled { far.removeAll() }
        spilled = false
        spillAt = spillSize
        exceeded = false
        pushed = 0
    }

    /// Makes the parked entries this value's own before a batch of `push`es (see
    /// `DiameterBuckets.makePoolUnique`).
    @inline(__always)
    mutating func prepareForPushes() {
        if spilled { far.makePoolUnique() }
    }

    /// Adds an entry; a batch of pushes starts with `prepareForPushes`.
    @inline(__always)
    mutating func push(_ entry: DiameterEntry<Value>) {
        pushed &+= 1
        if spilled {
            let bucket = far.bucket(of: entry.diameter)
            if bucket > current {
                far.append(entry, to: bucket)
                return
            }
        }
        near.push(entry)
    }

    /// Spills a heap grown past `spillSize`, and notes whether heap and buckets together
    /// outgrew the budget.
    @inline(__always)
    mutating func checkSize() {
        if near.count > spillAt { spill() }
        if !near.budget.cover(near.heap.capacity + far.capacity, claimed: &claimed) { exceeded = true }
    }

    /// Drops the buffers and gives their room back to the budget.
    mutating func release() {
        near.budget.release(&claimed)
        self = CoboundaryColumn(budget: near.budget, ceiling: ceiling, spillSize: spillSize)
    }

    /// The first entry with a nonzero summed coefficient (`WorkingColumn.pivot`), refilling
    /// the heap from the next bucket when it runs dry.
    @inline(__always)
    mutating func pivot(_ field: PrimeField) -> DiameterEntry<Value>? {
        while true {
            if let pivot = near.pivot(field) { return pivot }
            guard spilled, let next = far.nonempty(after: current) else { return nil }
            current = next
            near.fill { far.move(next, to: &$0) }
        }
    }

    /// Spreads the diameters from the pivot's to the ceiling over the buckets and parks every
    /// heap entry beyond the first bucket. The first bucket is the pivot's, so the heap holds
    /// the pivot's neighbourhood.
    private mutating func spill() {
        spillAt = .max
        guard let first = near.heap.first, far.spread(floor: first.diameter, ceiling: ceiling) else { return }
        spilled = true
        current = 0
        far.makePoolUnique()
        var keep: [DiameterEntry<Value>] = []
        near.removeAll { entry in
            let bucket = far.bucket(of: entry.diameter)
            if bucket > current { far.append(entry, to: bucket) } else { keep.append(entry) }
        }
        near.fill { $0.append(contentsOf: keep) }
    }
}
