import Dispatch

/// Dot products of all pairs of rows, the core of the correlation and long-row Euclidean
/// metrics: a 4×4 register block of `SIMD8<Double>` accumulators (16 FMAs per 8 loads), over
/// the lower triangle only, split across `threads` workers. Written with raw pointers because
/// bounds-checked subscripts block vectorisation (STYLE.md speed table).
enum GramKernel {
    static let block = 4

    /// x_i · x_j for i > j, in compressed lower-triangular order, counting the pairs of each
    /// block of rows into `progress`.
    static func lowerDotProducts(_ points: Matrix<Double>, threads: Int, progress: ProgressCounter?) -> [Double] {
        let n = points.rows, d = points.cols
        // Every pair is written by one tile, so the triangle starts uninitialised: zeroing it
        // first was a serial pass over 36 MB (3000 neurons: 0.015 s with its page faults)
        // before the workers started; they now take the faults.
        let lower = [Double](unsafeUninitializedCapacity: n * (n - 1) / 2) { out, initialized in
            let blocks = (n + block - 1) / block
            points.storage.withUnsafeBufferPointer { x in
                guard let base = x.baseAddress, let target = out.baseAddress else {
                    out.initialize(repeating: 0)  // rows of no coordinates: every product is 0
                    return
                }
                let rows = UnsafeSendable(UnsafeMutablePointer(mutating: base)), outs = UnsafeSendable(target)
                let counter = WorkCounter()
                DispatchQueue.concurrentPerform(iterations: threads) { _ in
                    // The workers claim block rows, longest first, so they end together (taken
                    // in turns, one worker ended 20 ms early on mlp-images-3000).
                    while case let claimed = counter.claim(), claimed < blocks {
                        let bi = blocks - 1 - claimed
                        for bj in 0...bi { tile(rows.value, d: d, n: n, bi: bi, bj: bj, out: outs.value) }
                        let first = bi * block, end = min(first + block, n)
                        progress?.add((first + end - 1) * (end - first) / 2)
                    }
                }
            }
            initialized = out.count
        }
        return lower
    }

    @inline(__always)
    private static func tile(_ x: UnsafeMutablePointer<Double>, d: Int, n: Int, bi: Int, bj: Int, out: UnsafeMutablePointer<Double>) {
        let i0 = bi * block, j0 = bj * block
        let rowsI = min(block, n - i0), rowsJ = min(block, n - j0)
        guard rowsI == block && rowsJ == block else {
            for i in i0..<(i0 + rowsI) {
                for j in j0..<min(j0 + rowsJ, i) { out[i * (i - 1) / 2 + j] = dot(x + i * d, x + j * d, d) }
            }
            return
        }
        var acc = (SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>(),
                   SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>(),
                   SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>(),
                   SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>())
        let a0 = x + i0 * d, a1 = a0 + d, a2 = a1 + d, a3 = a2 + d
        let b0 = x + j0 * d, b1 = b0 + d, b2 = b1 + d, b3 = b2 + d
        var k = 0
        while k + 8 <= d {
            let u0 = load(a0 + k), u1 = load(a1 + k), u2 = load(a2 + k), u3 = load(a3 + k)
            let v0 = load(b0 + k), v1 = load(b1 + k), v2 = load(b2 + k), v3 = load(b3 + k)
            acc.0.addProduct(u0, v0); acc.1.addProduct(u0, v1); acc.2.addProduct(u0, v2); acc.3.addProduct(u0, v3)
            acc.4.addProduct(u1, v0); acc.5.addProduct(u1, v1); acc.6.addProduct(u1, v2); acc.7.addProduct(u1, v3)
            acc.8.addProduct(u2, v0); acc.9.addProduct(u2, v1); acc.10.addProduct(u2, v2); acc.11.addProduct(u2, v3)
            acc.12.addProduct(u3, v0); acc.13.addProduct(u3, v1); acc.14.addProduct(u3, v2); acc.15.addProduct(u3, v3)
            k += 8
        }
        // The accumulators read in place (an array of them was an allocation per tile).
        withUnsafeBytes(of: &acc) { raw in
            let sums = raw.bindMemory(to: SIMD8<Double>.self)
            for a in 0..<block {
                let i = i0 + a
                for b in 0..<block where j0 + b < i {
                    let j = j0 + b
                    var s = sums[a * block + b].sum()
                    for t in k..<d { s += x[i * d + t] * x[j * d + t] }
                    out[i * (i - 1) / 2 + j] = s
                }
            }
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafeMutablePointer<Double>) -> SIMD8<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
    }

    @inline(__always)
    private static func dot(_ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>, _ d: Int) -> Double {
        var s = 0.0
        for k in 0..<d { s += a[k] * b[k] }
        return s
    }
}
