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
        for (threads, chunk, splitAfter, spillSize) in [(2, 4, 1, 1 << 18), (2, 256, 30, 5), (3, 3, 1, 1 << 18), (4, 5, 10, 3)] {
            options.threads = threads
            options.reductionChunk = chunk
            options.splitAfter = splitAfter
            options.spillSize = spillSize
            let split = try RipsPersistence.compute(distances: distances, options: options)
            let label = "\(threads) threads, chunks of \(chunk), split after \(splitAfter), spill at \(spillSize)"
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
