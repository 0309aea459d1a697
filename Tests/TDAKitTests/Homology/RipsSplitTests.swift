import Testing
@testable import TDAKit

/// Long columns split over the threads (`reduceSplit`) must reduce exactly as on one thread:
/// a tiny `splitAfter` splits nearly every column, in the workers' pass (deferred there) and in
/// the serial pass, and rebuilds each from its V entries; tiny spill sizes make the parts park
/// entries in buckets too.
@Suite struct RipsSplitTests {
    struct Case: Sendable, CustomStringConvertible {
        let metric: String, seed: UInt64, n: Int, d: Int, coefficient: Int, maxDimension: Int, threshold: Double?
        var description: String { "\(metric), seed \(seed), \(n) × \(d), Z/\(coefficient), H≤\(maxDimension), threshold \(threshold.map { "\($0)" } ?? "none")" }
    }

    /// Same bars in the same order and the same cocycles as one thread, on 2–4 threads (4:
    /// four parts; 3: two parts and a spare thread), dense and sparse (threshold) enumerators.
    @Test(arguments: [Case(metric: "abs-correlation", seed: 21, n: 40, d: 12, coefficient: 2, maxDimension: 1, threshold: nil),
                      Case(metric: "abs-correlation", seed: 22, n: 36, d: 10, coefficient: 3, maxDimension: 2, threshold: nil),
                      Case(metric: "euclidean", seed: 23, n: 50, d: 3, coefficient: 2, maxDimension: 2, threshold: nil),
                      Case(metric: "euclidean", seed: 24, n: 60, d: 3, coefficient: 5, maxDimension: 2, threshold: 0.6)])
    func splitColumnsGiveTheSerialResult(_ c: Case) throws {
        var rng = SplitMix(state: c.seed)
        let distances = try RipsMetrics.distances(rng.cloud(c.n, c.d), metric: c.metric)
        var options = RipsOptions(maxDimension: c.maxDimension, threshold: c.threshold, coefficient: c.coefficient, cocycles: true)
        let serial = try RipsPersistence.compute(distances: distances, options: options)
        #expect(serial.diagram.dimensions[1].count > 0)
        for (threads, window, splitAfter, spillSize) in [(2, 4, 1, 1 << 18), (2, 256, 30, 5), (3, 3, 1, 1 << 18), (4, 5, 10, 3)] {
            options.threads = threads
            options.reductionWindow = window
            options.splitAfter = splitAfter
            options.spillSize = spillSize
            let split = try RipsPersistence.compute(distances: distances, options: options)
            let label = "\(threads) threads, a window of \(window), split after \(splitAfter), spill at \(spillSize)"
            #expect(split.diagram == serial.diagram, "\(label)")
            #expect(split.cocycles == serial.cocycles, "\(label)")
        }
    }

    /// The parts are the largest power of two not above the threads.
    @Test func partsArePowersOfTwo() throws {
        for (threads, parts) in [(1, 1), (2, 2), (3, 2), (4, 4), (7, 4), (8, 8)] {
            #expect(try twoPointReducer(Double.self, threads: threads).splitParts == parts, "\(threads) threads")
        }
    }
}

/// A reducer of two points at distance 1, for the parts that do not depend on the data.
func twoPointReducer<Value: RipsScalar>(_: Value.Type, threads: Int = 1) throws -> RipsReducer<Value, DenseCoboundary<Value>> {
    let table = DistanceTable(CompressedDistanceMatrix<Value>(count: 2, lower: [1]))
    let binomial = try BinomialTable(n: 2, maxK: 3)
    return RipsReducer(vertexCount: 2, edges: { [] }, binomial: binomial, field: try PrimeField(2), maxDimension: 1,
                       threshold: 1, largest: 1, wantsCocycles: false, threads: threads) { scratch in
        DenseCoboundary(distances: table, binomial: binomial, modulus: 2, scratch: scratch)
    }
}

/// A split column's parts enumerate exactly their own cofacets: over every part, the dense
/// enumerator's share (`hasNext(inShare:mask:)`) yields each cofacet of the whole coboundary
/// once, in order, in the part `shareOf` names for its vertex sum; its windowed scan yields the
/// same cofacets whose diameter lies in the window (and may add others of the share). On 300
/// vertices, so that the sums of edges and triangles span many runs of the parts.
@Suite struct ShareTests {
    @Test func partsShareTheCoboundaryExactly() throws {
        var rng = SplitMix(state: 31)
        let n = 300
        let lower = (0..<n * (n - 1) / 2).map { _ in Float(Int.random(in: 1...50, using: &rng)) }
        let table = DistanceTable(CompressedDistanceMatrix<Float>(count: n, lower: lower))
        let binomial = try BinomialTable(n: n, maxK: 4)
        let scratch = UnsafeMutablePointer<Int>.allocate(capacity: 8)
        defer { scratch.deallocate() }
        var cofacets = DenseCoboundary(distances: table, binomial: binomial, modulus: 2, scratch: scratch)
        var windowHits = 0
        for trial in 0..<60 {
            let dimension = 1 + trial % 2
            let index = Int.random(in: 0..<binomial(n, dimension + 1), using: &rng)
            binomial.vertices(of: index, dimension: dimension, into: scratch + 4)
            var diameter: Float = 0
            for a in 0...dimension { for b in 0..<a { diameter = max(diameter, table(scratch[4 + a], scratch[4 + b])) } }
            let simplex = DiameterEntry(diameter: diameter, index: index, coefficient: 1)
            let sum = (0...dimension).reduce(0) { $0 + scratch[4 + $1] }
            cofacets.start(simplex, dimension: dimension)
            var whole: [(entry: DiameterEntry<Float>, vertex: Int)] = []
            while cofacets.hasNext(allCofacets: true) {
                let vertex = cofacets.nextVertex()
                whole.append((cofacets.next(), vertex))
            }
            let low = Float(Int.random(in: 0...50, using: &rng)), high = low + Float(Int.random(in: 1...10, using: &rng))
            for mask in [0, 1, 3] {
                for part in 0...mask {
                    let share = whole.filter { shareOf(vertexSum: sum + $0.vertex, mask: mask) == part }.map(\.entry)
                    cofacets.start(simplex, dimension: dimension)
                    var listed: [DiameterEntry<Float>] = []
                    while cofacets.hasNext(inShare: part, mask: mask) { listed.append(cofacets.next()) }
                    #expect(listed == share, "trial \(trial), part \(part) of \(mask + 1)")
                    cofacets.start(simplex, dimension: dimension)
                    var scanned: [DiameterEntry<Float>] = []
                    while cofacets.hasNext(inShare: part, mask: mask, low: low, high: high) { scanned.append(cofacets.next()) }
                    let inWindow = share.filter { $0.diameter >= low && $0.diameter < high }
                    windowHits += inWindow.count
                    #expect(scanned.filter { $0.diameter >= low && $0.diameter < high } == inWindow,
                            "trial \(trial), part \(part) of \(mask + 1), window [\(low), \(high))")
                    #expect(scanned.allSatisfy { entry in share.contains { $0 == entry } }, "trial \(trial), part \(part)")
                }
            }
        }
        #expect(windowHits > 1000)
    }
}
