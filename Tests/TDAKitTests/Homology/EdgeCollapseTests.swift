import Testing
@testable import TDAKit

/// `EdgeCollapse` on small graphs worked by hand, and `--collapse` against the diagrams
/// without it: the collapse must change the complex but never a bar.
@Suite struct EdgeCollapseTests {
    /// The collapsed edges of a symmetric matrix given as rows (+∞ or above `threshold`:
    /// no edge), as sorted (u > v, value) triples.
    static func collapsed(_ rows: [[Double]], threshold: Double = .infinity) -> [[Double]] {
        let n = rows.count
        var lower: [Double] = []
        for i in 1..<n { for j in 0..<i { lower.append(rows[i][j]) } }
        let table = DistanceTable(CompressedDistanceMatrix<Double>(count: n, lower: lower))
        return EdgeCollapse(table, threshold: threshold).collapse()
            .map { [Double(max($0.u, $0.v)), Double(min($0.u, $0.v)), $0.diameter] }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// gudhi's example: a square of sides 1 with diagonals 2. At 2 the first diagonal met is
    /// dominated (its ends' common neighbours 0 and 2 are adjacent), the other is not any more.
    @Test func squareKeepsOneDiagonal() {
        let inf = Double.infinity
        let square: [[Double]] = [[0, 1, 2, 1], [1, 0, 1, 2], [2, 1, 0, 1], [1, 2, 1, 0]]
        #expect(Self.collapsed(square) == [[1, 0, 1], [2, 0, 2], [2, 1, 1], [3, 0, 1], [3, 2, 1]])
        // Without the diagonals nothing is dominated: the cycle stays whole.
        let cycle: [[Double]] = [[0, 1, inf, 1], [1, 0, 1, inf], [inf, 1, 0, 1], [1, inf, 1, 0]]
        #expect(Self.collapsed(cycle) == [[1, 0, 1], [2, 1, 1], [3, 0, 1], [3, 2, 1]])
        // Under a threshold of 1.5 the diagonals are not in the graph at all.
        #expect(Self.collapsed(square, threshold: 1.5) == Self.collapsed(cycle))
    }

    /// A simplex (all edges at one value) is a cone on any of its vertices and collapses to
    /// a spanning tree: here the star of vertex 0, the vertex every other edge meets last.
    @Test func simplexCollapsesToAStar() {
        let n = 6
        let simplex = (0..<n).map { i in (0..<n).map { j in i == j ? 0.0 : 1.0 } }
        #expect(Self.collapsed(simplex) == (1..<n).map { [Double($0), 0, 1] })
    }

    /// A cone: apex 0 is at 1 from every point of a pentagon whose sides are 2 and diagonals
    /// 3. Every pentagon edge is dominated by the apex when it appears, so only the spokes remain.
    @Test func coneKeepsOnlyItsApex() {
        var rows = [[Double]](repeating: [Double](repeating: 0, count: 6), count: 6)
        for i in 1...5 {
            for j in 1...5 where i != j {
                rows[i][j] = min((i - j + 5) % 5, (j - i + 5) % 5) == 1 ? 2 : 3
            }
            rows[0][i] = 1
            rows[i][0] = 1
        }
        #expect(Self.collapsed(rows) == (1...5).map { [Double($0), 0, 1] })
    }

    /// Collapsing changes no bar: ripser.py's diagrams, bit for bit.
    @Test(arguments: try RipsFixtures.all())
    func matchesRipserBitForBit(_ fixture: RipsCase) throws {
        var options = fixture.options
        options.collapse = true
        let result = try RipsPersistence.compute(distances: fixture.inputDistances(), options: options)
        #expect(result.diagram.dimensions.count == fixture.maxdim + 1)
        for (dimension, expected) in fixture.expected.enumerated() {
            #expect(sortedBars(result.diagram.dimensions[dimension]) == sortedBars(expected), "H\(dimension) of \(fixture.name)")
        }
    }

    struct Cloud: Sendable, CustomStringConvertible {
        let seed: UInt64, n: Int, d: Int, maxDimension: Int
        /// Integer coordinates in 0..<grid (many equal distances) when set.
        var grid: Int?
        var threshold: Double?
        var coefficient = 2
        var description: String {
            "seed \(seed), \(n) points in R^\(d)\(grid.map { ", grid \($0)" } ?? ""), H≤\(maxDimension)"
                + "\(threshold.map { ", threshold \($0)" } ?? ""), Z/\(coefficient)"
        }

        func points() -> Matrix<Double> {
            var rng = SplitMix(state: seed)
            guard let grid else { return rng.cloud(n, d) }
            return Matrix(rows: n, cols: d, storage: (0..<(n * d)).map { _ in Double(Int.random(in: 0..<grid, using: &rng)) })
        }
    }

    static let clouds: [Cloud] = (0..<8).flatMap { k -> [Cloud] in
        let seed = UInt64(100 + k)
        return [Cloud(seed: seed, n: 60 + 10 * k, d: 2, maxDimension: 1),
                Cloud(seed: seed, n: 50, d: 3, maxDimension: 2, threshold: k % 2 == 0 ? nil : 0.45),
                Cloud(seed: seed, n: 70, d: 2, maxDimension: 2, grid: 6 + k, coefficient: k % 3 == 0 ? 3 : 2),
                Cloud(seed: seed, n: 40, d: 3, maxDimension: 1, grid: 4, threshold: k % 2 == 0 ? .infinity : 2)]
    }

    /// The same diagrams with and without collapse, in both precisions, on uniform clouds and
    /// on grids where many edges tie; and the collapse removed edges.
    @Test(arguments: clouds, [RipsPrecision.float32, .float64])
    func sameDiagramsAsWithout(_ cloud: Cloud, precision: RipsPrecision) throws {
        let distances = try RipsMetrics.distances(cloud.points(), metric: "euclidean")
        var options = RipsOptions(maxDimension: cloud.maxDimension, threshold: cloud.threshold, coefficient: cloud.coefficient,
                                  precision: precision)
        let exact = try RipsPersistence.compute(distances: distances, options: options)
        options.collapse = true
        let collapsed = try RipsPersistence.compute(distances: distances, options: options)
        for dimension in 0...cloud.maxDimension {
            #expect(sortedBars(collapsed.diagram.dimensions[dimension]) == sortedBars(exact.diagram.dimensions[dimension]),
                    "H\(dimension)")
        }
        #expect(exact.diagram.dimensions[1].count > 0)
        options.threads = 2
        options.reductionWindow = 3
        #expect(try RipsPersistence.compute(distances: distances, options: options).diagram == collapsed.diagram)
    }

    /// On a cloud the collapse keeps a minority of the edges, some of them delayed, and every
    /// value it gives is a distance of the input.
    @Test func keepsFewEdgesWithValuesOfTheInput() throws {
        var rng = SplitMix(state: 5)
        let distances = CompressedDistanceMatrix<Float>(try RipsMetrics.distances(rng.cloud(200, 3), metric: "euclidean"))
        let table = DistanceTable(distances)
        let threshold = table.eccentricities(threads: 1).min()!
        let edges = EdgeCollapse(table, threshold: threshold).collapse()
        let values = Set(distances.lower)
        #expect(edges.count * 4 < distances.lower.filter { $0 <= threshold }.count)
        #expect(edges.allSatisfy { values.contains(Float($0.diameter)) && Float($0.diameter) <= threshold })
        #expect(edges.contains { Float($0.diameter) != distances[$0.u, $0.v] })
    }

    @Test func refusesCocycles() {
        var options = RipsOptions(maxDimension: 1, cocycles: true)
        options.collapse = true
        #expect(throws: RipsError.collapseWithCocycles) {
            try RipsPersistence.compute(points: Matrix(rowArrays: [[0.0], [1.0], [3.0]]), options: options)
        }
    }
}
