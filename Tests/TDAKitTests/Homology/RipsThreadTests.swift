import Testing
@testable import TDAKit

/// The parallel reduction must give the serial result exactly: same bars in the same order and
/// the same cocycles, for any number of threads and any window (small windows wrap the ring of
/// works often; any window leaves columns stopped at a pivot a column before them takes, the
/// case finished by the leader).
@Suite struct RipsThreadTests {
    struct Case: Sendable, CustomStringConvertible {
        let seed: UInt64, n: Int, d: Int, coefficient: Int, maxDimension: Int, sparse: Bool
        var description: String { "seed \(seed), \(n) points in R^\(d), Z/\(coefficient), H≤\(maxDimension)\(sparse ? ", sparse" : "")" }
    }

    @Test(arguments: [Case(seed: 11, n: 60, d: 3, coefficient: 2, maxDimension: 2, sparse: false),
                      Case(seed: 12, n: 45, d: 4, coefficient: 3, maxDimension: 3, sparse: false),
                      Case(seed: 13, n: 24, d: 3, coefficient: 5, maxDimension: 3, sparse: false),
                      Case(seed: 14, n: 60, d: 3, coefficient: 2, maxDimension: 2, sparse: true)])
    func threadsGiveTheSerialResult(_ c: Case) throws {
        let (seed, n, d, coefficient, maxDimension) = (c.seed, c.n, c.d, c.coefficient, c.maxDimension)
        let representation: RipsRepresentation = c.sparse ? .sparse : .dense
        var rng = SplitMix(state: seed)
        let distances = try RipsMetrics.distances(rng.cloud(n, d), metric: "euclidean")
        var options = RipsOptions(maxDimension: maxDimension, threshold: representation == .sparse ? 0.6 : nil,
                                  coefficient: coefficient, cocycles: true)
        options.representation = representation
        let serial = try RipsPersistence.compute(distances: distances, options: options)
        #expect(serial.diagram.dimensions[1].count > 0)
        for (threads, window) in [(2, 1), (2, 3), (3, 7), (2, 256)] {
            options.threads = threads
            options.reductionWindow = window
            let parallel = try RipsPersistence.compute(distances: distances, options: options)
            #expect(parallel.diagram == serial.diagram, "\(threads) threads, a window of \(window)")
            #expect(parallel.cocycles == serial.cocycles, "\(threads) threads, a window of \(window)")
        }
    }

    /// ripser.py's diagrams with two threads and a window of three columns, and when every
    /// column is split over the two threads (`reduceSplit`).
    @Test(arguments: try RipsFixtures.all())
    func matchesRipserOnTwoThreads(_ fixture: RipsCase) throws {
        var options = fixture.options
        options.threads = 2
        options.reductionWindow = 3
        for splitAfter in [options.splitAfter, 1] {
            options.splitAfter = splitAfter
            let result = try RipsPersistence.compute(distances: fixture.inputDistances(), options: options)
            for (dimension, expected) in fixture.expected.enumerated() {
                #expect(sortedBars(result.diagram.dimensions[dimension]) == sortedBars(expected),
                        "H\(dimension) of \(fixture.name), split after \(splitAfter)")
            }
        }
    }

    /// Progress goes through every phase in order, never backwards, and ends each phase with
    /// all its units done: distances, edges, then per dimension its simplices and columns.
    /// With no threshold all 1225 edges are facets, enough for the 2-simplices to be assembled
    /// in parallel parts.
    @Test(arguments: [1, 2])
    func progressCoversEveryPhase(threads: Int) throws {
        var rng = SplitMix(state: 5)
        var options = RipsOptions(maxDimension: 2, threshold: .infinity, threads: threads)
        options.reductionWindow = 16
        var phases: [RipsPhase] = []
        var last: [RipsPhase: (done: Int, total: Int)] = [:]
        let record: RipsProgress = { phase, done, total in
            if phases.last != phase { phases.append(phase) }
            #expect(done >= (last[phase]?.done ?? 0) && done <= total, "\(phase.label)")
            last[phase] = (done, total)
        }
        let distances = try RipsMetrics.distances(rng.cloud(50, 3), metric: "euclidean", threads: threads, progress: record)
        _ = try RipsPersistence.compute(distances: distances, options: options, progress: record)
        #expect(phases == [.distances, .edges, .columns(dimension: 1), .simplices(dimension: 2), .columns(dimension: 2)])
        #expect(last[.distances]?.total == 50 * 49 / 2 && last[.simplices(dimension: 2)]?.total == 50 * 49 / 2)
        #expect(last.values.allSatisfy { $0.done == $0.total })
    }
}

/// `--max-memory` also bounds the working heaps while reducing.
@Suite struct RipsMemoryGuardTests {
    /// Just above the estimate, the heaps get a few hundred entries and the reduction stops
    /// with the reduction error; with room, the same run gives the unguarded result.
    @Test(arguments: [1, 2])
    func workingHeapsAreBudgeted(threads: Int) throws {
        var rng = SplitMix(state: 21)
        let distances = try RipsMetrics.distances(rng.cloud(60, 3), metric: "euclidean")
        var options = RipsOptions(maxDimension: 2, threshold: .infinity, threads: threads)
        let free = try RipsPersistence.compute(distances: distances, options: options)
        let estimate = MemoryEstimate.bytes(points: 60, maxDimension: 2, threads: threads)
        options.maxMemory = estimate + 2 * threads * 16 * 300
        #expect(throws: RipsError.reductionMemoryLimit(limit: options.maxMemory ?? 0)) {
            try RipsPersistence.compute(distances: distances, options: options)
        }
        options.maxMemory = estimate + (64 << 20)
        #expect(try RipsPersistence.compute(distances: distances, options: options).diagram == free.diagram)
        options.maxMemory = estimate - 1
        #expect(throws: RipsError.memoryLimit(needed: estimate, limit: estimate - 1, fitting: MemoryEstimate.largestPointCount(
            within: (estimate - 1) / 2, below: 60, maxDimension: 2, threads: threads))) {
            try RipsPersistence.compute(distances: distances, options: options)
        }
    }
}

/// The radix sort of the edges gives the filtration order of a comparison sort: many ties of
/// diameter broken by index, indices over several 11-bit digits, −0 with +0, Float and Double,
/// on one thread and in 2–3 runs (enough edges for the runs to be used).
@Suite struct EdgeOrderTests {
    @Test(arguments: [(500, 1), (1 << 40, 1), (500, 2), (1 << 40, 3)])
    func radixSortIsTheFiltrationOrder(indexRange: Int, threads: Int) throws {
        var rng = SplitMix(state: 77)
        var indices = Set<Int>()
        while indices.count < 70_001 { indices.insert(Int.random(in: 0..<max(indexRange, 140_000), using: &rng)) }
        let diameters = indices.map { _ in Double(Int.random(in: 0..<300, using: &rng)) / 7 }
        let edges = zip(indices, diameters).map { DiameterIndex(index: $0, diameter: $1 == 0 ? -0.0 : $1) }
            .sorted { $0.index < $1.index }
        let comesFirst: (DiameterIndex<Double>, DiameterIndex<Double>) -> Bool = {
            $0.diameter < $1.diameter || ($0.diameter == $1.diameter && $0.index > $1.index)
        }
        let expected = edges.sorted(by: comesFirst).map(\.index)
        // Keys by decreasing index, as `edgeKeys` makes them.
        let keys = edges.reversed().map { $0 }
        #expect(try twoPointReducer(Double.self, threads: threads).sortedByDiameter(keys).map(\.index) == expected)
        let floats = keys.map { DiameterIndex(index: $0.index, diameter: Float($0.diameter)) }
        #expect(try twoPointReducer(Float.self, threads: threads).sortedByDiameter(floats).map(\.index) == expected)
    }
}

/// The tiled `edgeKeys` (index order, 16 × 16 rows) give each edge the endpoints and the
/// apparent-pair flag of a check edge by edge, on 1 and 3 threads, with a threshold that
/// leaves rows with gaps and a vertex count that is no multiple of the tile.
@Suite struct EdgeFactsTests {
    @Test(arguments: [1, 3])
    func tiledKeysHoldTheEdgeByEdgeFacts(threads: Int) throws {
        var rng = SplitMix(state: 5)
        let count = 53
        let lower = (0..<count * (count - 1) / 2).map { _ in Double(Int.random(in: 1...40, using: &rng)) }
        let table = DistanceTable(CompressedDistanceMatrix<Double>(count: count, lower: lower))
        let binomial = try BinomialTable(n: count, maxK: 3)
        let reducer = RipsReducer(vertexCount: count, edges: { EdgeList.edges(table, threshold: 30) }, binomial: binomial,
                                  field: try PrimeField(2), maxDimension: 1, threshold: 30, largest: 40, wantsCocycles: false,
                                  threads: threads) { scratch in
            DenseCoboundary(distances: table, binomial: binomial, modulus: 2, scratch: scratch)
        }
        let edges = reducer.edges()
        #expect(edges.count < lower.count)
        let keys = reducer.edgeKeys(edges)
        #expect(keys.map(\.diameter) == edges.reversed().map(\.diameter))
        let facts = keys.reversed().map { EdgeFacts(packed: $0.index) }
        var apparent = reducer.apparentPairs()
        let endpoints = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        defer { endpoints.deallocate() }
        var apparentCount = 0
        for (edge, fact) in zip(edges, facts) {
            binomial.vertices(of: edge.index, dimension: 1, into: endpoints)
            let isApparent = apparent.apparentCofacet(of: DiameterEntry(diameter: edge.diameter, index: edge.index, coefficient: 1),
                                                      dimension: 1, vertices: endpoints) != nil
            #expect(fact.u == endpoints[0] && fact.v == endpoints[1] && fact.index == edge.index && fact.isApparent == isApparent)
            if isApparent { apparentCount += 1 }
        }
        #expect(facts.count == edges.count && apparentCount > 0 && apparentCount < edges.count)
    }

    /// `EdgeList` lists, on any thread count, the pairs under the threshold by increasing index.
    @Test(arguments: [1, 2, 3, 7])
    func edgeListIsThePairsByIndex(threads: Int) {
        var rng = SplitMix(state: 9)
        let count = 41
        let lower = (0..<count * (count - 1) / 2).map { _ in Float(Int.random(in: 1...40, using: &rng)) }
        let table = DistanceTable(CompressedDistanceMatrix<Float>(count: count, lower: lower))
        var expected: [DiameterIndex<Float>] = []
        for i in 0..<count {
            for j in 0..<i where table(i, j) <= 25 { expected.append(DiameterIndex(index: i * (i - 1) / 2 + j, diameter: table(i, j))) }
        }
        #expect(EdgeList.edges(table, threshold: 25, threads: threads) == expected)
        #expect(EdgeList.edges(table, threshold: 0, threads: threads).isEmpty)
    }
}
