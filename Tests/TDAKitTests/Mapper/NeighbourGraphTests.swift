import Testing
@testable import TDAKit

@Suite("Mapper neighbourhood graph")
struct NeighbourGraphTests {
    /// Corners of a cube of side 0.5 in 11 dimensions (an odd width exercises the padding),
    /// with duplicates: many pair distances equal eps exactly, the case where the Gram identity
    /// alone could round either way.
    func gridCloud(_ n: Int, step: Double = 0.5) -> Matrix<Double> {
        var state: UInt64 = 12345
        var values: [Double] = []
        for _ in 0..<(n * 11) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            values.append(Double(state >> 63) * step)
        }
        return Matrix(rows: n, cols: 11, storage: values)
    }

    @Test(arguments: [0.5, 1.0, 1.5])
    func gramPathAgreesWithDirectDistances(eps: Double) {
        let x = gridCloud(203)
        let space = MetricSpace.points(x, .euclidean)
        let members = Array(stride(from: 0, to: 203, by: 1))
        let graph = NeighbourGraph(space: space, members: members, eps: eps)
        var ties = 0, mismatches = 0
        for i in members {
            for j in members {
                let d2 = (0..<x.cols).reduce(0.0) { $0 + (x[i, $1] - x[j, $1]) * (x[i, $1] - x[j, $1]) }
                if d2 == eps * eps { ties += 1 }
                if graph.contains(i, j) != (d2 <= eps * eps) { mismatches += 1 }
            }
        }
        #expect(ties > 0)
        #expect(mismatches == 0)
    }

    /// With coordinates 0 or 0.1 (inexact in binary) the Gram estimate and the direct sum
    /// round differently; eps is set to exact pair distances, so only the recheck band keeps
    /// the two paths in agreement.
    @Test func gramPathAgreesWithTheDirectSumUnderRounding() {
        let x = gridCloud(150, step: 0.1)
        let packed = PackedPoints(x, rows: Array(0..<150))
        for pair in [(0, 1), (2, 7), (5, 9)] {
            let r2 = packed.squaredEuclidean(pair.0, pair.1)
            let graph = NeighbourGraph(space: .points(x, .euclidean), members: Array(0..<150), eps: r2.squareRoot())
            var mismatches = 0
            for i in 0..<150 { for j in 0..<150 where i != j {
                if graph.contains(i, j) != packed.isWithinEuclidean(i, j, squaredRadius: r2.squareRoot() * r2.squareRoot()) { mismatches += 1 }
            } }
            #expect(mismatches == 0)
        }
    }

    @Test func membersSubsetUsesLocalIndices() {
        let x = Matrix<Double>(rows: 4, cols: 1, storage: [0, 10, 0.5, 20])
        let graph = NeighbourGraph(space: .points(x, .euclidean), members: [0, 2, 3], eps: 0.5)
        #expect(graph.contains(0, 1) && graph.contains(1, 0))
        #expect(!graph.contains(0, 2))
        #expect(graph.degree(0) == 2 && graph.degree(2) == 1)
    }
}
