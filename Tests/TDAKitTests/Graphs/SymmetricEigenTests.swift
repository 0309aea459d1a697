import Testing
import Foundation
@testable import TDAKit

@Suite struct SymmetricEigenTests {
    /// A V = V Λ and VᵀV = I to rounding, on random symmetric matrices.
    @Test(arguments: [1, 2, 3, 5, 30, 100])
    func decomposes(_ n: Int) {
        var random = SplitMix(UInt64(n))
        var a = Matrix<Double>(rows: n, cols: n)
        for i in 0..<n { for j in 0...i { a[i, j] = Double.random(in: 0..<1, using: &random) * 2 - 1; a[j, i] = a[i, j] } }
        let eigen = SymmetricEigen(a)
        let v = eigen.vectors
        var worst = 0.0
        for i in 0..<n {
            for k in 0..<n {
                var av = 0.0, vtv = 0.0
                for j in 0..<n { av += a[i, j] * v[k, j]; vtv += v[i, j] * v[k, j] }
                worst = max(worst, abs(av - v[k, i] * eigen.values[k]), abs(vtv - (i == k ? 1 : 0)))
            }
        }
        #expect(worst < 1e-12)
        #expect(zip(eigen.values, eigen.values.dropFirst()).allSatisfy { $0 <= $1 })
    }

    /// Σ_v hks_t(v) = trace exp(−tL) = Σ_k exp(−t λ_k); an isolated vertex has hks 1; the
    /// normalized Laplacian's spectrum lies in [0, 2].
    @Test func heatKernelSignature() {
        let graph = Graph(vertexCount: 5, links: [(0, 1), (1, 2), (2, 0), (2, 3)])
        let hks = HeatKernelSignature(graph)
        for t in [0.1, 1, 10] {
            let values = hks.values(time: t)
            #expect(abs(values.reduce(0, +) - hks.eigen.values.map { exp(-t * $0) }.reduce(0, +)) < 1e-12)
            #expect(abs(values[4] - 1) < 1e-15)
        }
        #expect(hks.eigen.values.allSatisfy { $0 > -1e-12 && $0 < 2 + 1e-12 })
        #expect(hks.values(time: 0).allSatisfy { abs($0 - 1) < 1e-12 })
        // At a huge t only the kernel (λ = 0) is left: finite values in [0, 1].
        #expect(hks.values(time: 1e300).allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 + 1e-12 })
    }
}
