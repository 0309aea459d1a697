import Testing
@testable import TDAKit

@Suite struct DistanceTests {
    @Test func validationRejectsBadMatrices() {
        #expect(throws: RipsError.notSquare(rows: 2, cols: 3)) { try CompressedDistanceMatrix(validating: [[0, 1, 2], [1, 0, 1]]) }
        #expect(throws: RipsError.asymmetric(row: 1, col: 0)) { try CompressedDistanceMatrix(validating: [[0, 1], [2, 0]]) }
        #expect(throws: RipsError.negativeDistance(row: 0, col: 1)) { try CompressedDistanceMatrix(validating: [[0, -1], [-1, 0]]) }
        #expect(throws: RipsError.notANumber(row: 0, col: 1)) { try CompressedDistanceMatrix(validating: [[0, .nan], [.nan, 0]]) }
        #expect(throws: RipsError.nonzeroDiagonal(index: 1)) { try CompressedDistanceMatrix(validating: [[0, 1], [1, 3]]) }
        #expect(throws: RipsError.emptyInput) { try CompressedDistanceMatrix(validating: [[Double]]()) }
    }

    @Test func validationKeepsTheLowerTriangleWithinRoundingAsymmetry() throws {
        let m = try CompressedDistanceMatrix(validating: [[0, 1, 2], [1, 0, 3], [2, 3 + 1e-12, 0]])
        #expect(m.lower == [1, 2, 3 + 1e-12])
    }

    @Test func computeRejectsDegenerateInputs() {
        #expect(throws: RipsError.singlePoint) { try RipsPersistence.compute(points: Matrix(rowArrays: [[1, 2]])) }
        #expect(throws: RipsError.emptyInput) { try RipsPersistence.compute(points: Matrix(rows: 0, cols: 3)) }
        #expect(throws: RipsError.notPrime(4)) {
            try RipsPersistence.compute(points: Matrix(rowArrays: [[0], [1]]), options: RipsOptions(coefficient: 4))
        }
        #expect(throws: RipsError.unknownMetric("hamming")) {
            try RipsPersistence.compute(points: Matrix(rowArrays: [[0], [1]]), metric: "hamming")
        }
        #expect(throws: RipsError.nonFinitePoint(row: 1, col: 0)) {
            try RipsPersistence.compute(points: Matrix(rowArrays: [[0], [.infinity]]))
        }
    }

    /// Ballester et al.'s convention: a constant row has no correlation with anything.
    @Test func absCorrelationOfConstantRowIsOne() throws {
        let rows = Matrix<Double>(rowArrays: [[1, 1, 1, 1], [1, 2, 3, 4], [4, 3, 2, 1], [2, 2, 2, 2]])
        let d = try RipsMetrics.distances(rows, metric: "abs-correlation")
        #expect(d[0, 1] == 1 && d[0, 2] == 1 && d[3, 0] == 1 && d[3, 2] == 1)
        #expect(abs(d[1, 2]) < 1e-15) // perfectly anti-correlated rows are at distance 0
        let c = try RipsMetrics.distances(rows, metric: "correlation")
        #expect(abs(c[1, 2] - 2) < 1e-15)
    }

    /// The Gram path (long rows) and the direct path agree to rounding on the same points.
    @Test func euclideanGramPathMatchesDirectSum() throws {
        var rng = SplitMix(state: 42)
        let points = rng.cloud(30, EuclideanMetric.directLimit + 37)
        let gram = EuclideanMetric().distances(points, threads: 2, progress: nil)
        for i in 1..<30 { for j in 0..<i {
            var s = 0.0
            for k in 0..<points.cols { s += (points[i, k] - points[j, k]) * (points[i, k] - points[j, k]) }
            #expect(abs(gram[i, j] - s.squareRoot()) < 1e-12)
        } }
    }

    @Test func manhattanAndChebyshev() throws {
        let rows = Matrix<Double>(rowArrays: [[0, 0], [3, -4]])
        #expect(try RipsMetrics.distances(rows, metric: "manhattan")[1, 0] == 7)
        #expect(try RipsMetrics.distances(rows, metric: "chebyshev")[1, 0] == 4)
        #expect(try RipsMetrics.distances(rows, metric: "euclidean")[1, 0] == 5)
        #expect(abs(try RipsMetrics.distances(Matrix(rowArrays: [[1, 0], [0, 2]]), metric: "cosine")[1, 0] - 1) < 1e-15)
    }

    @Test func memoryEstimateGrowsWithSizeAndDimension() {
        let small = MemoryEstimate.bytes(points: 100, maxDimension: 1)
        #expect(small >= 100 * 99 / 2 * 4)
        #expect(MemoryEstimate.bytes(points: 1000, maxDimension: 1) > small)
        #expect(MemoryEstimate.bytes(points: 1000, maxDimension: 2) > MemoryEstimate.bytes(points: 1000, maxDimension: 1))
        #expect(MemoryEstimate.bytes(points: 1000, maxDimension: 2, edgeFraction: 0.1)
                < MemoryEstimate.bytes(points: 1000, maxDimension: 2))
        #expect(MemoryEstimate.humanBytes(3 * 1024 * 1024) == "3.0 MiB")
    }
}
