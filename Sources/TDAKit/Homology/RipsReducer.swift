/// Ripser's algorithm for one filtration: H0 by union–find, then for each dimension d ≥ 1
/// the persistent cohomology of the d-simplices, reduced column by column with clearing,
/// emergent and apparent pairs. Generic over the coboundary enumerator so the dense and
/// the sparse (threshold) cases are two specialisations of one algorithm, as in Ripser.
final class RipsReducer<Value: RipsScalar, Cofacets: CoboundaryEnumerator> where Cofacets.Value == Value {
    /// Number of vertices, all born at 0.
    let vertexCount: Int
    /// The edges of the complex (under the threshold) with their diameters, listed once for H0.
    private let listEdges: () -> [DiameterIndex<Value>]
    let binomial: BinomialTable
    let field: PrimeField
    let maxDimension: Int
    let threshold: Value
    /// The largest diameter a simplex can have: the threshold or the largest distance.
    let ceiling: Value
    /// The ceiling when the complex there is a cone and cocycles are not wanted, else nil.
    /// A cone has no cohomology above degree 0, so every column of degree ≥ 1 that reaches
    /// the ceiling dies there: columns born at the ceiling (bars of length zero) are not
    /// reduced, and the others keep only their cofacets below it; one whose cofacets below
    /// the ceiling cancel dies at the ceiling (`finishColumn`). Same bars as the full
    /// reduction, which on trained networks' activations wades through the millions of
    /// triangles at distance 1 that dead neurons (constant rows) make (bench/RESULTS-ph-rips.md).
    let coneDeath: Value?
    /// Cofacets are kept when their diameter is below this: the cone's ceiling, or just above
    /// the threshold.
    let cofacetLimit: Value
    let wantsCocycles: Bool
    /// Threads of the column reduction (see `computePairsAhead`).
    let threads: Int
    /// Columns a thread may reduce ahead of the last finished one (`computePairsAhead`).
    let window: Int
    /// Heap entries past which a column spills to buckets (`CoboundaryColumn`).
    let spillSize: Int
    /// Cofacets pushed past which a column is split over the threads (`reduceSplit`).
    let splitAfter: Int
    /// Room the working heaps of a dimension share (from `--max-memory`).
    let heapBudget: HeapBudget
    /// Set when the working heaps passed `heapBudget`: the run stopped and has no result.
    var memoryExceeded = false
    /// Hears how the edges, the simplices of each dimension and their reduction advance.
    let progress: RipsProgress?
    /// Scratch vertices, one slice per user of an enumerator; freed at deinit.
    let scratch: UnsafeMutablePointer<Int>
    let scratchSlice: Int
    private let makeCofacets: (UnsafeMutablePointer<Int>) -> Cofacets

    /// Bars per dimension, in the working precision.
    var bars: [[(birth: Value, death: Value)]]
    /// Representative cocycles per dimension (empty for H0), parallel to `bars`.
    var cocycles: [[Cocycle]]

    init(vertexCount: Int, edges: @escaping () -> [DiameterIndex<Value>], binomial: BinomialTable, field: PrimeField, maxDimension: Int,
         threshold: Value, largest: Value, coneAtCeiling: Bool = false, wantsCocycles: Bool, threads: Int = 1, window: Int = 256, spillSize: Int = 1 << 18, splitAfter: Int = 1 << 18, heapEntries: Int = .max, progress: RipsProgress? = nil,
         makeCofacets: @escaping (UnsafeMutablePointer<Int>) -> Cofacets) {
        self.vertexCount = vertexCount
        listEdges = edges
        self.binomial = binomial
        self.field = field
        self.maxDimension = maxDimension
        self.threshold = threshold
        ceiling = min(threshold, largest)
        coneDeath = coneAtCeiling && !wantsCocycles ? ceiling : nil
        cofacetLimit = coneDeath ?? threshold.nextUp
        self.wantsCocycles = wantsCocycles
        self.threads = max(threads, 1)
        self.window = max(window, 1)
        heapBudget = HeapBudget(entries: heapEntries)
        self.spillSize = spillSize
        self.splitAfter = splitAfter
        self.progress = progress
        self.makeCofacets = makeCofacets
        scratchSlice = 2 * (maxDimension + 3)
        scratch = .allocate(capacity: 3 * scratchSlice)
        bars = Array(repeating: [], count: maxDimension + 1)
        cocycles = Array(repeating: [], count: maxDimension + 1)
    }

    deinit { scratch.deallocate() }

    /// The edges under the threshold, unsorted.
    func edges() -> [DiameterIndex<Value>] { listEdges() }

    /// An empty coboundary column on this reduction's budget.
    func coboundaryColumn() -> CoboundaryColumn<Value> {
        CoboundaryColumn(budget: heapBudget, ceiling: ceiling, spillSize: spillSize)
    }

    /// A fresh coboundary enumerator on `scratch`, `scratchSlice` integers.
    func cofacetEnumerator(scratch: UnsafeMutablePointer<Int>) -> Cofacets { makeCofacets(scratch) }

    /// An apparent-pair checker with its own enumerator and scratch.
    func apparentPairs() -> ApparentPairs<Value, Cofacets> { apparentPairs(scratch: scratch) }

    private func apparentPairs(scratch: UnsafeMutablePointer<Int>) -> ApparentPairs<Value, Cofacets> {
        ApparentPairs(binomial: binomial, modulus: field.p, probe: makeCofacets(scratch + scratchSlice),
                      vertices: scratch + 2 * scratchSlice, partner: scratch + 2 * scratchSlice + scratchSlice / 2)
    }

    /// An enumerator and an apparent-pair checker on `scratch`, 3 · `scratchSlice` integers.
    func reductionTools(scratch: UnsafeMutablePointer<Int>) -> ReductionTools<Value, Cofacets> {
        ReductionTools(cofacets: makeCofacets(scratch), apparent: apparentPairs(scratch: scratch))
    }

    /// Runs every dimension up to `maxDimension`.
    func run() {
        var simplices: [DiameterIndex<Value>] = []
        var columns: [DiameterIndex<Value>] = []
        computeDimensionZeroPairs(simplices: &simplices, columns: &columns)
        guard maxDimension >= 1 else { return }
        for dimension in 1...maxDimension {
            if let death = coneDeath { columns.removeFirst(columns.prefix { $0.diameter >= death }.count) }
            let pivots = PivotTable(expected: columns.count)
            heapBudget.restore()
            computePairs(columns: columns, pivots: pivots, dimension: dimension)
            guard !memoryExceeded else { return }
            if dimension < maxDimension {
                assembleColumns(simplices: &simplices, columns: &columns, pivots: pivots, dimension: dimension + 1)
            }
        }
    }
}
