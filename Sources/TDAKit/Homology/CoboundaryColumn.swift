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
///
/// Past a frontier the entries are not kept at all: on the trained network of
/// bench/RESULTS-ph-rips.md the long column's pivot moved through 772 of the 2048 buckets, and
/// the buckets beyond held 83 of its 90 million entries, written and never read (all of its
/// memory and most of its time). The frontier starts `initialWindow` buckets past the pivot's;
/// when everything before it cancels, the caller widens it (`widenFrontier`, the window
/// doubling) and pushes the column's coboundaries again, of which only the entries between
/// the old frontier and the new one are taken (`RipsReducer.pivot(of:…)`). Every entry before
/// the frontier is then in, once, so the pivot is the same.
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
    /// Entries pushed since the column was emptied (how long a reduction it is), those left
    /// out past the frontier included; not the cofacets an enumerator passed over in bulk
    /// (`takenDiameters`).
    private(set) var pushed = 0
    /// The first bucket whose entries are left out (`DiameterBuckets.count`: none), the
    /// window it last moved by, and, while the coboundaries are pushed again after it moved,
    /// where it was (entries before are in already).
    private var frontier = DiameterBuckets<Value>.count
    private var window = 0
    private var refilledFrom = Int.min
    /// Buckets past the pivot's kept when a column spills: a refill pushes every coboundary of
    /// the column again, so it should come seldom; 64 is 3% of the diameters from the pivot on.
    static var initialWindow: Int { 64 }
    static var largestWindow: Int { 256 }

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
        frontier = DiameterBuckets<Value>.count
        refilledFrom = .min
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

    /// Adds an entry, unless it lies past the frontier (or, during a refill, before where the
    /// frontier was); a batch of pushes starts with `prepareForPushes`.
    @inline(__always)
    mutating func push(_ entry: DiameterEntry<Value>) {
        pushed &+= 1
        if spilled {
            let bucket = far.bucket(of: entry.diameter)
            if bucket >= frontier || bucket < refilledFrom { return }
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

    /// Empties the column, and drops its buffers too when they hold more than `keep` entries
    /// of the budget.
    mutating func removeAll(keepingAtMost keep: Int) {
        if claimed > keep { release() } else { removeAll() }
    }

    /// Drops the buffers and gives their room back to the budget.
    mutating func release() {
        near.budget.release(&claimed)
        self = CoboundaryColumn(budget: near.budget, ceiling: ceiling, spillSize: spillSize)
    }

    /// Diameters outside which `push` takes nothing now, a little wider than the buckets it
    /// takes (`DiameterBuckets.edges`), so enumerators can pass over the rest in bulk; nil
    /// when it may take anything.
    var takenDiameters: (low: Value, high: Value)? {
        guard spilled, frontier < DiameterBuckets<Value>.count || refilledFrom != .min,
              let edges = far.edges(from: refilledFrom == .min ? 0 : refilledFrom, before: frontier, ceiling: ceiling) else { return nil }
        return (refilledFrom == .min ? -.infinity : edges.low, frontier < DiameterBuckets<Value>.count ? edges.high : .infinity)
    }

    /// Whether entries past a frontier were left out: a nil `pivot` then means the entries
    /// before it cancel, not that the column is zero.
    var leavesOut: Bool { spilled && frontier < DiameterBuckets<Value>.count }

    /// Moves the frontier out by twice its last window; the caller then pushes every
    /// coboundary of the column again and calls `endRefill`.
    mutating func widenFrontier() {
        refilledFrom = frontier
        window = min(2 * window, Self.largestWindow)
        frontier = DiameterBuckets<Value>.count - frontier > window ? frontier + window : DiameterBuckets<Value>.count
    }

    mutating func endRefill() { refilledFrom = .min }

    /// The first entry with a nonzero summed coefficient (`WorkingColumn.pivot`) before the
    /// frontier, refilling the heap from the next bucket when it runs dry.
    @inline(__always)
    mutating func pivot(_ field: PrimeField) -> DiameterEntry<Value>? {
        while true {
            if let pivot = near.pivot(field) { return pivot }
            guard spilled, let next = far.nonempty(after: current) else { return nil }
            current = next
            near.fill { far.move(next, to: &$0) }
        }
    }

    /// Spreads the diameters from the pivot's to the ceiling over the buckets, parks every
    /// heap entry beyond the first bucket and drops those past the frontier. The first bucket
    /// is the pivot's, so the heap holds the pivot's neighbourhood.
    private mutating func spill() {
        if let first = near.heap.first { spill(from: first.diameter) } else { spillAt = .max }
    }

    /// Spills from `floor`, at most the diameter of the first entry, whatever the heap's size;
    /// a split column's parts (`SplitColumn`) spill so, all from the column's pivot, never by
    /// themselves: their buckets and frontiers are then the same, and together they take the
    /// entries one column would.
    mutating func spill(from floor: Value) {
        spillAt = .max
        guard !spilled, far.spread(floor: floor, ceiling: ceiling) else { return }
        spilled = true
        current = 0
        window = Self.initialWindow
        frontier = window
        far.makePoolUnique()
        var keep: [DiameterEntry<Value>] = []
        near.removeAll { entry in
            let bucket = far.bucket(of: entry.diameter)
            if bucket >= frontier { return }
            if bucket > current { far.append(entry, to: bucket) } else { keep.append(entry) }
        }
        near.fill { $0.append(contentsOf: keep) }
    }
}
