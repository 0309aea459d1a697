import Testing
@testable import TDAKit

/// Columns that park far entries in diameter buckets (`CoboundaryColumn`) must reduce exactly
/// as the plain heap: a spill size of a few entries makes nearly every column spill, refill
/// from many buckets and be reset for the next one.
@Suite struct RipsSpillTests {
    /// ripser.py's diagrams when every column spills.
    @Test(arguments: try RipsFixtures.all())
    func matchesRipserWhenColumnsSpill(_ fixture: RipsCase) throws {
        var options = fixture.options
        options.spillSize = 4
        let result = try RipsPersistence.compute(distances: fixture.inputDistances(), options: options)
        for (dimension, expected) in fixture.expected.enumerated() {
            #expect(sortedBars(result.diagram.dimensions[dimension]) == sortedBars(expected), "H\(dimension) of \(fixture.name)")
        }
    }

    /// Same bars in the same order and the same cocycles as without spilling, on correlation
    /// distances (the case spilling is for) and points, on one and two threads.
    @Test(arguments: [(metric: "abs-correlation", coefficient: 2, threads: 1), (metric: "abs-correlation", coefficient: 3, threads: 2),
                      (metric: "euclidean", coefficient: 2, threads: 2)])
    func spillingChangesNothing(metric: String, coefficient: Int, threads: Int) throws {
        var rng = SplitMix(state: 31)
        let distances = try RipsMetrics.distances(rng.cloud(40, 12), metric: metric)
        var options = RipsOptions(maxDimension: 2, coefficient: coefficient, cocycles: true, threads: threads)
        options.reductionWindow = 5
        let plain = try RipsPersistence.compute(distances: distances, options: options)
        #expect(plain.diagram.dimensions[1].count > 0)
        for spillSize in [1, 6, 50] {
            options.spillSize = spillSize
            let spilled = try RipsPersistence.compute(distances: distances, options: options)
            #expect(spilled.diagram == plain.diagram, "spill size \(spillSize)")
            #expect(spilled.cocycles == plain.cocycles, "spill size \(spillSize)")
        }
    }
}

@Suite struct DiameterBucketsTests {
    /// Buckets are monotone in the diameter, below 0 under the floor and clamped at the top.
    @Test func bucketsAreMonotone() {
        var buckets = DiameterBuckets<Float>()
        let spread = buckets.spread(floor: 0.25, ceiling: 1)
        #expect(spread)
        var rng = SplitMix(state: 3)
        let diameters = (0..<2000).map { _ in Float.random(in: 0...1.5, using: &rng) }.sorted()
        let indices = diameters.map { buckets.bucket(of: $0) }
        #expect(indices == indices.sorted())
        #expect(buckets.bucket(of: 0.1) < 0)
        #expect(buckets.bucket(of: 0.25) == 0)
        #expect(buckets.bucket(of: 1.4) == DiameterBuckets<Float>.count - 1)
        let empty = buckets.spread(floor: 1, ceiling: 1)
        #expect(!empty)
    }

    /// Every parked entry comes back from its bucket exactly once, across chunk boundaries and
    /// after chunks are reused.
    @Test func entriesComeBackOnce() {
        var buckets = DiameterBuckets<Double>()
        for round in 0..<2 {
            let spread = buckets.spread(floor: 0, ceiling: 1)
            #expect(spread)
            var expected: [Int: [Int]] = [:]
            for index in 0..<(500 + 300 * round) {
                let diameter = Double(index % 7) / 7
                let bucket = buckets.bucket(of: diameter)
                buckets.append(DiameterEntry(diameter: diameter, index: index, coefficient: 1), to: bucket)
                expected[bucket, default: []].append(index)
            }
            var bucket = -1
            var seen: [Int] = []
            while let next = buckets.nonempty(after: bucket) {
                var moved: [DiameterEntry<Double>] = []
                buckets.move(next, to: &moved)
                #expect(moved.map(\.index).sorted() == expected[next], "bucket \(next)")
                seen += moved.map(\.index)
                bucket = next
            }
            #expect(seen.count == 500 + 300 * round)
            #expect(buckets.entryCount == 0)
        }
    }
}

extension DiameterBucketsTests {
    /// A copy keeps its own entries: writers make the pool their own before appending.
    @Test func copiesAreIndependent() {
        var original = DiameterBuckets<Float>()
        _ = original.spread(floor: 0, ceiling: 1)
        for index in 0..<100 { original.append(DiameterEntry(diameter: 0.5, index: index, coefficient: 1), to: 3) }
        var copy = original
        copy.makePoolUnique()
        for index in 100..<5000 { copy.append(DiameterEntry(diameter: 0.5, index: index, coefficient: 2), to: 3) }
        var fromOriginal: [DiameterEntry<Float>] = [], fromCopy: [DiameterEntry<Float>] = []
        original.move(3, to: &fromOriginal)
        copy.move(3, to: &fromCopy)
        #expect(fromOriginal.map(\.index).sorted() == Array(0..<100))
        #expect(fromCopy.map(\.index).sorted() == Array(0..<5000))
        #expect(fromCopy.filter { $0.coefficient == 2 }.count == 4900)
    }
}

/// Columns that stop at a cone's ceiling (`RipsReducer.coneDeath`) give the full reduction's bars.
@Suite struct RipsConeTests {
    /// Euclidean points at the enclosing radius and above it, and correlation distances with
    /// constant rows (dead neurons: distance 1 to everything, the ties the shortcut skips).
    @Test(arguments: [(metric: "euclidean", threshold: nil, coefficient: 2), (metric: "euclidean", threshold: 10, coefficient: 3),
                      (metric: "abs-correlation", threshold: nil, coefficient: 2), (metric: "abs-correlation", threshold: nil, coefficient: 3)]
          as [(metric: String, threshold: Double?, coefficient: Int)])
    func stoppingAtTheConeChangesNoBar(metric: String, threshold: Double?, coefficient: Int) throws {
        var rng = SplitMix(state: 41)
        var points = rng.cloud(36, 10)
        if metric == "abs-correlation" {
            for row in [3, 17, 29] { for column in 0..<points.cols { points[row, column] = 0 } }
        }
        let distances = try RipsMetrics.distances(points, metric: metric)
        for threads in [1, 2] {
            var options = RipsOptions(maxDimension: 2, threshold: threshold, coefficient: coefficient, threads: threads)
            options.reductionWindow = 4
            let shortcut = try RipsPersistence.compute(distances: distances, options: options)
            options.coneShortcut = false
            let full = try RipsPersistence.compute(distances: distances, options: options)
            #expect(shortcut.diagram == full.diagram, "\(threads) threads")
            #expect(full.diagram.dimensions[1].count > 0)
        }
    }

    /// The unit square's cycle is born at 1 and dies at the diagonal √2, its enclosing radius:
    /// its last edge's triangles all lie at the ceiling, so it ends with no cofacet kept.
    @Test func barDyingAtTheCeiling() throws {
        let square = Matrix<Double>(rowArrays: [[0, 0], [1, 0], [1, 1], [0, 1]])
        let result = try RipsPersistence.compute(points: square)
        #expect(result.diagram.dimensions[1] == [PersistencePair(birth: 1, death: Double(Float(2.0.squareRoot())))])
    }
}

/// The working heaps' room is shared: claims grow, fail past what is left, and come back.
@Suite struct HeapBudgetTests {
    @Test func claimsShareOneBudget() {
        let budget = HeapBudget(entries: 100)
        var first = 0, second = 0
        #expect(budget.cover(60, claimed: &first) && first == 60)
        #expect(budget.cover(50, claimed: &first) && first == 60, "a smaller total keeps the claim")
        #expect(!budget.cover(50, claimed: &second) && second == 0)
        #expect(budget.cover(40, claimed: &second) && second == 40)
        budget.release(&first)
        #expect(first == 0 && budget.cover(90, claimed: &second) && second == 90)
        budget.restore()
        #expect(budget.cover(100, claimed: &first))
    }
}

/// The SIMD window scan (`RipsScalar.lastInWindow`) finds what a vertex-by-vertex scan finds:
/// the largest v in [bottom, from] whose rows are all below `high` and one at least `low`, for
/// Float and Double, starting and stopping mid-chunk and at chunk ends, within one chunk or
/// across several, with 1–3 rows, down to −1 when none is.
@Suite struct WindowScanTests {
    @Test func windowScanIsTheScalarScan() {
        check(Float.self)
        check(Double.self)
    }

    private func check<Value: RipsScalar>(_: Value.Type) {
        var rng = SplitMix(state: 21)
        let count = 45
        let lower = (0..<count * (count - 1) / 2).map { _ in Value(Int.random(in: 1...20, using: &rng)) }
        let table = DistanceTable(CompressedDistanceMatrix<Value>(count: count, lower: lower))
        let vertices = UnsafeMutablePointer<Int>.allocate(capacity: 3)
        defer { vertices.deallocate() }
        var hits = 0
        for trial in 0..<300 {
            let rows = 1 + trial % 3
            for r in 0..<rows { vertices[r] = Int.random(in: 0..<count, using: &rng) }
            let low = Value(Int.random(in: 0...21, using: &rng)), high = low + Value(Int.random(in: 1...12, using: &rng))
            let from = Int.random(in: 0..<count, using: &rng)
            let bottom = trial % 4 == 0 ? 0 : Int.random(in: 0...from, using: &rng)
            var expected = -1
            for v in stride(from: from, through: bottom, by: -1) {
                let values = (0..<rows).map { table(v, vertices[$0]) }
                if values.allSatisfy({ $0 < high }) && values.contains(where: { $0 >= low }) {
                    expected = v
                    break
                }
            }
            if expected >= 0 { hits += 1 }
            #expect(Value.lastInWindow(table.full, stride: table.stride, vertices: vertices, count: rows, from: from,
                                       through: bottom, low: low, high: high) == expected, "trial \(trial)")
        }
        #expect(hits > 50 && hits < 300)
    }
}

/// A column spilled from a floor the caller gives (as a split column's parts spill, all from
/// the column's pivot) keeps only the entries before its frontier, counted from that floor,
/// and gives each entry back once, in order, as its frontier widens and its entries are
/// pushed again.
@Suite struct CoboundaryColumnTests {
    @Test func spilledFromAFloorGivesEveryEntryOnce() throws {
        var rng = SplitMix(state: 9)
        let entries = (0..<3000).map { DiameterEntry<Float>(diameter: Float.random(in: 0.2...1, using: &rng), index: $0, coefficient: 1) }
        var column = CoboundaryColumn<Float>(budget: HeapBudget(entries: .max), ceiling: 1, spillSize: .max)
        func pushAll() {
            column.prepareForPushes()
            for entry in entries { column.push(entry) }
            column.checkSize()
        }
        pushAll()
        #expect(!column.leavesOut, "spills only when told")
        column.spill(from: 0.1)
        // Buckets are 0.9 / 2048 wide from 0.1 and the frontier starts 64 buckets out, at
        // 0.128: every entry (from 0.2) is left out. From the first entry's diameter, the
        // frontier would be at 0.225 and the column would have a pivot.
        let field = try PrimeField(2)
        #expect(column.leavesOut)
        #expect(column.pivot(field) == nil)
        var popped: [DiameterEntry<Float>] = []
        var refills = 0
        while true {
            if let pivot = column.pivot(field) {
                popped.append(pivot)
                column.prepareForPushes()
                column.push(pivot)  // cancels it over Z/2
                continue
            }
            guard column.leavesOut else { break }
            column.widenFrontier()
            pushAll()
            column.endRefill()
            refills += 1
        }
        #expect(refills > 2)
        #expect(popped.map(\.index) == entries.sorted { $0.comesBefore($1) }.map(\.index))
    }
}
