import Testing
@testable import TDAKit

@Suite("Mapper neighbourhood graph")
struct NeighbourGraphTests {
    /// Corners of a cube of side 0.5 in 11 dimensions (an odd width exercises the padding),
    /// with duplicates: many pair distances equal eps exactly, the case where the Gram identity
    /// alone could round either way.
    func gridCloud(_ n: Int, step: Double = 0.5, offset: Double = 0) -> Matrix<Double> {
        var state: UInt64 = 12345
        var values: [Double] = []
        for _ in 0..<(n * 11) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            values.append(offset + Double(state >> 63) * step)
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

    /// Coordinates 100 or 100.1: the Gram identity cancels ‖a‖² + ‖b‖² ≈ 2·10⁵ down to
    /// distances of about 0.1, far below float precision, and eps is set to exact pair
    /// distances; only the recheck band keeps the kernel equal to the direct sum.
    @Test func gramPathAgreesWithTheDirectSumUnderRounding() {
        let x = gridCloud(150, step: 0.1, offset: 100)
        let packed = PackedPoints(x, rows: Array(0..<150))
        for pair in [(0, 1), (2, 7), (5, 9)] {
            let r2 = packed.squaredEuclidean(pair.0, pair.1)
            let eps = r2.squareRoot()
            let graph = NeighbourGraph(space: .points(x, .euclidean), members: Array(0..<150), eps: eps)
            var mismatches = 0
            for i in 0..<150 { for j in 0..<150 where i != j {
                if graph.contains(i, j) != (packed.squaredEuclidean(i, j) <= eps * eps) { mismatches += 1 }
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
