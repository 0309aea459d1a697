/// Approximate persistence through the sparse Rips filtration (`SparseRipsGraph`), reduced by
/// the same engine as the exact one on the sparse graph with its blockers.
extension RipsPersistence {
    /// Persistence of the sparse Rips filtration with parameter ε (0 < ε < 1) of `count` points,
    /// `row(i, out)` writing d(i, j) into `out[j]`. `options.threshold` is gudhi's
    /// `max_edge_length` (none: every edge); cocycles are not returned.
    public static func computeApproximate(count: Int, epsilon: Double, options: RipsOptions = RipsOptions(),
                                          progress: RipsProgress? = nil,
                                          row: (Int, UnsafeMutablePointer<Double>) -> Void) throws -> RipsResult {
        guard count > 0 else { throw RipsError.emptyInput }
        guard count > 1 else { throw RipsError.singlePoint }
        guard epsilon > 0 && epsilon < 1 else { throw RipsError.badApproximation(epsilon) }
        guard (0...16).contains(options.maxDimension) else { throw RipsError.badMaxDimension(options.maxDimension) }
        if let t = options.threshold, !(t >= 0) { throw RipsError.badThreshold(t) }
        let field = try PrimeField(options.coefficient)
        let graph = SparseRipsGraph(count: count, epsilon: epsilon, threshold: options.threshold ?? .infinity, row: row)
        switch options.precision {
        case .float32: return try runSparse(graph, epsilon: epsilon, as: Float.self, field: field, options: options, progress: progress)
        case .float64: return try runSparse(graph, epsilon: epsilon, as: Double.self, field: field, options: options, progress: progress)
        }
    }

    /// The sparse Rips persistence of the rows of `points` under `metric`.
    public static func computeApproximate(points: Matrix<Double>, metric: String = "euclidean", epsilon: Double,
                                          options: RipsOptions = RipsOptions(), progress: RipsProgress? = nil) throws -> RipsResult {
        try RipsMetrics.checkFinite(points)
        let rows = try RipsMetrics.named(metric).rows(points)
        return try computeApproximate(count: points.rows, epsilon: epsilon, options: options, progress: progress) { i, out in
            rows.fill(from: i, into: out, threads: options.threads)
        }
    }

    /// The sparse Rips persistence of a validated distance matrix.
    public static func computeApproximate(distances: CompressedDistanceMatrix<Double>, epsilon: Double,
                                          options: RipsOptions = RipsOptions(), progress: RipsProgress? = nil) throws -> RipsResult {
        try computeApproximate(count: distances.count, epsilon: epsilon, options: options, progress: progress) { i, out in
            for j in 0..<distances.count { out[j] = distances[i, j] }
        }
    }

    private static func runSparse<Value: RipsScalar>(_ graph: SparseRipsGraph, epsilon: Double, as _: Value.Type, field: PrimeField,
                                                     options: RipsOptions, progress: RipsProgress?) throws -> RipsResult {
        let n = graph.points.count
        let lists = NeighborLists<Value>(count: n, edges: graph.edges, radius: graph.radius,
                                         blockerFactor: SparseRipsGraph.blockerFactor(epsilon))
        let binomial = try BinomialTable(n: max(n, 2), maxK: options.maxDimension + 2)
        let threshold: Value = options.threshold.map { Value($0) } ?? .infinity
        let largest = graph.edges.reduce(Value(0)) { max($0, Value($1.diameter)) }
        var budget = Int.max
        if let limit = options.maxMemory {
            // Only the graph is foreseeable here: the edges (as built and as neighbour lists),
            // their listing for H0 and H1's pivot table; the rest goes to the working heaps.
            let entry = 8 + MemoryLayout<Value>.size
            let needed = graph.edges.count * (MemoryLayout<SparseEdge>.stride + 2 * entry + entry + 16 + 32) + n * 32
            guard needed <= limit else { throw RipsError.memoryLimit(needed: needed, limit: limit, fitting: 0) }
            budget = (limit - needed) / (2 * WorkingColumn<Value>.entryBytes)
        }
        var options = options
        options.cocycles = false
        return try collect(RipsReducer(vertexCount: n, edges: { lists.edges() }, binomial: binomial, field: field,
                                       maxDimension: options.maxDimension, threshold: threshold, largest: largest,
                                       coneAtCeiling: false, wantsCocycles: false, threads: options.threads,
                                       window: options.reductionWindow, spillSize: options.spillSize, splitAfter: options.splitAfter, heapEntries: budget,
                                       progress: progress) { scratch in
            SparseCoboundary(graph: lists, binomial: binomial, modulus: field.p, scratch: scratch, maxVertices: options.maxDimension + 3)
        }, options: options)
    }
}
