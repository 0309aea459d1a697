/// Vietoris–Rips persistent homology with Ripser's algorithm (Bauer 2021).
///
/// Conventions, all as ripser.py: bars of zero length are dropped; a class alive at the
/// threshold has death `Double.infinity`; with no threshold the enclosing radius is used,
/// beyond which the complex is a cone (so only H0's one infinite bar remains); births and
/// deaths are distances of the input rounded to the working precision.
public enum RipsPersistence {
    /// Persistence of the Rips filtration of a validated distance matrix. `progress`, when
    /// given, hears how each phase after the distances advances (`RipsPhase`).
    public static func compute(distances: CompressedDistanceMatrix<Double>, options: RipsOptions = RipsOptions(),
                               progress: RipsProgress? = nil) throws -> RipsResult {
        guard distances.count > 0 else { throw RipsError.emptyInput }
        guard distances.count > 1 else { throw RipsError.singlePoint }
        guard (0...16).contains(options.maxDimension) else { throw RipsError.badMaxDimension(options.maxDimension) }
        if let t = options.threshold, !(t >= 0) { throw RipsError.badThreshold(t) }
        if options.collapse && options.cocycles { throw RipsError.collapseWithCocycles }
        let field = try PrimeField(options.coefficient)
        switch options.precision {
        case .float32: return try run(CompressedDistanceMatrix<Float>(distances), field: field, options: options, progress: progress)
        case .float64: return try run(distances, field: field, options: options, progress: progress)
        }
    }

    /// Persistence of the Rips filtration of the rows of `points` under `metric`
    /// (a name from `RipsMetrics.names`).
    public static func compute(points: Matrix<Double>, metric: String = "euclidean", options: RipsOptions = RipsOptions()) throws -> RipsResult {
        guard points.rows > 0 else { throw RipsError.emptyInput }
        guard points.rows > 1 else { throw RipsError.singlePoint }
        return try compute(distances: RipsMetrics.distances(points, metric: metric, threads: options.threads), options: options)
    }

    private static func run<Value: RipsScalar>(
        _ matrix: CompressedDistanceMatrix<Value>, field: PrimeField, options: RipsOptions,
        progress: RipsProgress?
    ) throws -> RipsResult {
        let table = DistanceTable(matrix, threads: options.threads)
        let eccentricities = table.eccentricities(threads: options.threads)
        let radius = eccentricities.min() ?? .infinity, largest = eccentricities.max() ?? 0
        let threshold: Value = options.threshold.map { Value($0) } ?? radius
        // At or above the enclosing radius the complex is a cone (one vertex is near all).
        let cone = options.coneShortcut && threshold >= radius
        let binomial = try BinomialTable(n: matrix.count, maxK: options.maxDimension + 2)
        let edges = matrix.lower.reduce(0) { $1 <= threshold ? $0 + 1 : $0 }
        var budget = Int.max
        if let limit = options.maxMemory {
            let needed = MemoryEstimate.bytes(points: matrix.count, maxDimension: options.maxDimension,
                                              edgeFraction: Double(edges) / Double(max(matrix.lower.count, 1)),
                                              precision: options.precision, threads: options.threads, collapse: options.collapse)
            guard needed <= limit else {
                let fitting = MemoryEstimate.largestPointCount(within: limit / 2, below: matrix.count, maxDimension: options.maxDimension,
                                                               edgeFraction: Double(edges) / Double(max(matrix.lower.count, 1)),
                                                               precision: options.precision, threads: options.threads, collapse: options.collapse)
                throw RipsError.memoryLimit(needed: needed, limit: limit, fitting: fitting)
            }
            // What is left goes to the working heaps of the columns reduced at once; a heap's
            // capacity can double past its budget before the check (see WorkingColumn).
            budget = (limit - needed) / (2 * WorkingColumn<Value>.entryBytes)
        }
        let collapse = options.collapse && options.maxDimension >= 1
        if collapse || useSparse(edges: edges, count: matrix.count, representation: options.representation) {
            // A collapsed graph's values are no longer the distances: H0 too is read from it
            // (the same bars, as collapses keep the components).
            let graph = collapse ? NeighborLists<Value>(count: table.count, edges: EdgeCollapse(table, threshold: threshold).collapse(progress: progress))
                                 : NeighborLists(distances: table, threshold: threshold)
            let maxVertices = options.maxDimension + 3
            return try collect(RipsReducer(vertexCount: table.count, edges: { collapse ? graph.edges() : EdgeList.edges(table, threshold: threshold, threads: options.threads) },
                                           binomial: binomial, field: field, maxDimension: options.maxDimension,
                                           threshold: threshold, largest: largest, coneAtCeiling: cone, wantsCocycles: options.cocycles,
                                           threads: options.threads, window: options.reductionWindow, spillSize: options.spillSize, splitAfter: options.splitAfter, heapEntries: budget,
                                           progress: progress) { scratch in
                SparseCoboundary(graph: graph, binomial: binomial, modulus: field.p, scratch: scratch, maxVertices: maxVertices)
            }, options: options)
        }
        return try collect(RipsReducer(vertexCount: table.count, edges: { EdgeList.edges(table, threshold: threshold, threads: options.threads) }, binomial: binomial, field: field, maxDimension: options.maxDimension,
                                       threshold: threshold, largest: largest, coneAtCeiling: cone, wantsCocycles: options.cocycles,
                                       threads: options.threads, window: options.reductionWindow, spillSize: options.spillSize, splitAfter: options.splitAfter, heapEntries: budget,
                                       progress: progress) { scratch in
            DenseCoboundary(distances: table, binomial: binomial, modulus: field.p, scratch: scratch)
        }, options: options)
    }

    /// Sparse neighbour lists pay off when the threshold keeps a minority of the edges;
    /// above that the dense enumerator's cheap steps win (measured in bench/ph-rips.sh).
    static func useSparse(edges: Int, count: Int, representation: RipsRepresentation) -> Bool {
        switch representation {
        case .dense: return false
        case .sparse: return true
        case .automatic: return 4 * edges < count * (count - 1) / 2
        }
    }

    static func collect<Value, Cofacets>(_ reducer: RipsReducer<Value, Cofacets>, options: RipsOptions) throws -> RipsResult {
        reducer.run()
        if reducer.memoryExceeded { throw RipsError.reductionMemoryLimit(limit: options.maxMemory ?? 0) }
        let dimensions = reducer.bars.map { bars in bars.map { PersistencePair(birth: Double($0.birth), death: Double($0.death)) } }
        return RipsResult(diagram: PersistenceDiagram(dimensions: dimensions), cocycles: options.cocycles ? reducer.cocycles : nil)
    }
}
