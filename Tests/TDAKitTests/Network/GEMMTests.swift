import Testing
@testable import TDAKit

@Suite("GEMM")
struct GEMMTests {
    /// op(A)·op(B) in Double, read straight from the stored layouts.
    func reference(_ a: Matrix<Float>, _ opA: GEMMOperand, _ b: Matrix<Float>, _ opB: GEMMOperand, m: Int, n: Int, k: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k {
                    let x = opA == .normal ? a[i, p] : a[p, i]
                    let y = opB == .normal ? b[p, j] : b[j, p]
                    s += Double(x) * Double(y)
                }
                c[i * n + j] = s
            }
        }
        return c
    }

    func product(_ a: Matrix<Float>, _ opA: GEMMOperand, _ b: Matrix<Float>, _ opB: GEMMOperand,
                 m: Int, n: Int, k: Int, start: [Float], beta: Float, threads: Int) -> [Float] {
        var c = start
        a.storage.withUnsafeBufferPointer { ap in
            b.storage.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    sgemm(m: m, n: n, k: k, a: ap.baseAddress!, lda: a.cols, opA, b: bp.baseAddress!, ldb: b.cols, opB,
                          c: cp.baseAddress!, ldc: n, beta: beta, threads: threads)
                }
            }
        }
        return c
    }

    @Test("matches a Double reference for every transpose, odd sizes and several k-blocks",
          arguments: [(GEMMOperand.normal, GEMMOperand.normal), (.normal, .transposed), (.transposed, .normal), (.transposed, .transposed)])
    func matchesReference(_ ops: (GEMMOperand, GEMMOperand)) {
        var rng = SplitMix(11)
        for (m, n, k) in [(1, 1, 1), (7, 33, 5), (37, 45, 300), (130, 50, 40), (70, 65, 513)] {
            let a = ops.0 == .normal ? randomMatrix(m, k, &rng) : randomMatrix(k, m, &rng)
            let b = ops.1 == .normal ? randomMatrix(k, n, &rng) : randomMatrix(n, k, &rng)
            let start = randomMatrix(m, n, &rng).storage
            let got = product(a, ops.0, b, ops.1, m: m, n: n, k: k, start: start, beta: 0.5, threads: 1)
            let want = zip(reference(a, ops.0, b, ops.1, m: m, n: n, k: k), start).map { $0 + 0.5 * Double($1) }
            // Float32 sums of k products of magnitude ≤ 1: error grows like k·2⁻²⁴; 1e-4 covers k = 513.
            let error = zip(got, want).map { abs(Double($0) - $1) }.max() ?? 0
            #expect(error < 1e-4, "m=\(m) n=\(n) k=\(k): \(error)")
        }
    }

    /// Shapes that split `C` by column panels (few rows, wide), by rows (tall, or narrow `n`),
    /// and products too small to split; every transpose combination.
    @Test("the result does not depend on the thread count, bit for bit",
          arguments: [(GEMMOperand.normal, GEMMOperand.normal), (.normal, .transposed), (.transposed, .normal), (.transposed, .transposed)])
    func threadIndependent(_ ops: (GEMMOperand, GEMMOperand)) {
        var rng = SplitMix(12)
        for (m, n, k) in [(200, 150, 600), (64, 520, 300), (130, 784, 70), (500, 10, 260), (9, 700, 520), (20, 20, 20)] {
            let a = ops.0 == .normal ? randomMatrix(m, k, &rng) : randomMatrix(k, m, &rng)
            let b = ops.1 == .normal ? randomMatrix(k, n, &rng) : randomMatrix(n, k, &rng)
            let start = randomMatrix(m, n, &rng).storage
            let one = product(a, ops.0, b, ops.1, m: m, n: n, k: k, start: start, beta: 1, threads: 1)
            for threads in [2, 3, 8] {
                let many = product(a, ops.0, b, ops.1, m: m, n: n, k: k, start: start, beta: 1, threads: threads)
                #expect(many == one, "m=\(m) n=\(n) k=\(k) threads=\(threads)")
            }
        }
    }

    @Test("the split puts columns in parts for wide products and rows for tall ones, covering C once")
    func planCoversC() {
        for (m, n, k, rows) in [(128, 512, 784, false), (512, 784, 128, true), (12544, 8, 9, true), (128, 10, 256, true)] {
            let plan = GEMMPlan(m: m, n: n, k: k, threads: 2)
            #expect(plan.parts == 2 && plan.splitRows == rows, "m=\(m) n=\(n) k=\(k)")
            let tiles = (0..<plan.parts).map(plan.tile)
            let cells = tiles.map { $0.rows.count * $0.panels.count }.reduce(0, +)
            #expect(cells == m * ((n + 15) / 16))
        }
        #expect(GEMMPlan(m: 20, n: 20, k: 20, threads: 2).parts == 1)
    }
}
