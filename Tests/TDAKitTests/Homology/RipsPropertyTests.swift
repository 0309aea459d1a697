import Testing
@testable import TDAKit

extension SplitMix {
    /// A cloud of `n` uniform points in the unit cube of R^d.
    mutating func cloud(_ n: Int, _ d: Int) -> Matrix<Double> {
        Matrix(rows: n, cols: d, storage: (0..<(n * d)).map { _ in Double.random(in: 0..<1, using: &self) })
    }
}

/// Properties the mathematics guarantees, independent of any reference library.
@Suite struct RipsPropertyTests {
    /// H0 deaths are the edge lengths of a minimum spanning tree (Kruskal's merge heights),
    /// computed here by Prim's algorithm on the same float32 distances.
    @Test(arguments: [(40, 2, 1), (35, 5, 2), (50, 3, 3)])
    func dimensionZeroIsMinimumSpanningTree(n: Int, d: Int, seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        let distances = CompressedDistanceMatrix<Float>(try RipsMetrics.distances(rng.cloud(n, d), metric: "euclidean"))
        var inTree = [Bool](repeating: false, count: n), best = [Float](repeating: .infinity, count: n)
        var weights: [Double] = []
        best[0] = 0
        for _ in 0..<n {
            let next = try #require((0..<n).filter { !inTree[$0] }.min { best[$0] < best[$1] })
            inTree[next] = true
            if next != 0 { weights.append(Double(best[next])) }
            for j in 0..<n where !inTree[j] { best[j] = min(best[j], distances[next, j]) }
        }
        let result = try RipsPersistence.compute(distances: CompressedDistanceMatrix<Double>(count: n, lower: distances.lower.map(Double.init)),
                                                 options: RipsOptions(maxDimension: 0))
        let bars = result.diagram.dimensions[0]
        #expect(bars.allSatisfy { $0.birth == 0 })
        #expect(bars.filter { !$0.isFinite }.count == 1)
        #expect(bars.filter(\.isFinite).map(\.death).sorted() == weights.sorted())
    }

    /// Euler–Poincaré: at every scale t, Σ(−1)^k #k-simplices of the Rips complex equals
    /// Σ(−1)^k β_k(t), with β_k(t) the bars alive at t. Eight points and all dimensions up to
    /// 6 cover every simplex (the 7-simplex never carries homology).
    @Test(arguments: [UInt64(7), 8, 9], [2, 3])
    func eulerCharacteristic(seed: UInt64, coefficient: Int) throws {
        var rng = SplitMix(state: seed)
        let n = 8
        let distances = try RipsMetrics.distances(rng.cloud(n, 3), metric: "euclidean")
        let single = CompressedDistanceMatrix<Float>(distances)
        let result = try RipsPersistence.compute(distances: distances, options: RipsOptions(
            maxDimension: n - 2, threshold: .infinity, coefficient: coefficient))
        let scales = Set(single.lower).sorted()
        for (a, b) in zip(scales, scales.dropFirst() + [scales.last! + 1]) {
            let t = (a + b) / 2
            var simplexChi = 0
            for subset in 1..<(1 << n) {
                let members = (0..<n).filter { subset & (1 << $0) != 0 }
                let fits = members.allSatisfy { i in members.allSatisfy { j in i == j || single[i, j] <= t } }
                if fits { simplexChi += members.count % 2 == 1 ? 1 : -1 }
            }
            var bettiChi = 0
            for (k, bars) in result.diagram.dimensions.enumerated() {
                let alive = bars.filter { $0.birth <= Double(t) && Double(t) < $0.death }.count
                bettiChi += k % 2 == 0 ? alive : -alive
            }
            #expect(simplexChi == bettiChi, "scale \(t)")
        }
    }

    /// A representative cocycle of an H1 bar [b, d) has zero coboundary on every triangle of
    /// diameter below d: δf(abc) = f(bc) − f(ac) + f(ab) ≡ 0 (mod p), vertices a < b < c.
    @Test(arguments: [2, 3, 5])
    func cocyclesAreCocycles(coefficient: Int) throws {
        let fixture = try #require(try RipsFixtures.all().first { $0.name == "noisy circle, maxdim 1" })
        let distances = try fixture.inputDistances()
        let single = CompressedDistanceMatrix<Float>(distances)
        let result = try RipsPersistence.compute(distances: distances, options: RipsOptions(
            maxDimension: 1, coefficient: coefficient, cocycles: true))
        let cocycles = try #require(result.cocycles)
        #expect(cocycles[1].count == result.diagram.dimensions[1].count)
        for (bar, cocycle) in zip(result.diagram.dimensions[1], cocycles[1]) {
            #expect(!cocycle.values.isEmpty)
            #expect(cocycle.values.allSatisfy { (1..<coefficient).contains($0) })
            var value: [Int: Int] = [:]
            for (simplex, v) in zip(cocycle.simplices, cocycle.values) { value[simplex[0] * 1000 + simplex[1]] = v }
            func f(_ hi: Int, _ lo: Int) -> Int { value[hi * 1000 + lo] ?? 0 }
            let n = distances.count
            for c in 2..<n { for b in 1..<c { for a in 0..<b {
                let diameter = Double(max(single[a, b], single[a, c], single[b, c]))
                guard diameter < bar.death else { continue }
                let delta = f(c, b) - f(c, a) + f(b, a)
                #expect(((delta % coefficient) + coefficient) % coefficient == 0)
            } } }
        }
    }
}
