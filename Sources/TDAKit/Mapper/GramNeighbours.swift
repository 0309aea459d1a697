/// All pairs `i < j` of `points` within Euclidean distance √`squaredRadius`, by the Gram
/// identity ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b with a register-blocked dot-product kernel
/// (4 rows × 8 columns of `SIMD8<Double>` accumulators, the columns packed dimension-major).
///
/// The identity loses a few ulps of ‖a‖² + ‖b‖²; a pair whose estimate lies within
/// 1e-10 (‖a‖² + ‖b‖²) of the radius is decided by the direct difference sum, so the answer is
/// always that of `PackedPoints.isWithinEuclidean`. On the 20 000 × 64 benchmark cloud this ran
/// about 4× faster than the direct sum with early exit.
func euclideanPairs(_ points: PackedPoints, count n: Int, squaredRadius r2: Double, _ link: (Int, Int) -> Void) {
    let d = points.stride
    let blocks = (n + 7) / 8
    var columns = [Double](repeating: 0, count: blocks * 8 * d)
    var norms = [Double](repeating: 0, count: blocks * 8)
    points.values.withUnsafeBufferPointer { rows in
        for j in 0..<n {
            var s = 0.0
            for k in 0..<d {
                let x = rows[j * d + k]
                columns[(j / 8) * 8 * d + k * 8 + j % 8] = x
                s += x * x
            }
            norms[j] = s
        }
    }
    points.values.withUnsafeBufferPointer { rowBuffer in
        columns.withUnsafeBufferPointer { columnBuffer in
            norms.withUnsafeBufferPointer { normBuffer in
                guard let a = rowBuffer.baseAddress, let c = columnBuffer.baseAddress,
                      let nb = normBuffer.baseAddress else { return }
                let cRaw = UnsafeRawPointer(c)
                var i0 = 0
                while i0 < n {
                    let rowsHere = min(4, n - i0)
                    for b in (i0 / 8)..<blocks {
                        var acc0 = SIMD8<Double>.zero, acc1 = acc0, acc2 = acc0, acc3 = acc0
                        let a0 = a + i0 * d
                        let a1 = a + min(i0 + 1, n - 1) * d, a2 = a + min(i0 + 2, n - 1) * d, a3 = a + min(i0 + 3, n - 1) * d
                        let base = b * 8 * d
                        for k in 0..<d {
                            let col = cRaw.loadUnaligned(fromByteOffset: (base + k * 8) * 8, as: SIMD8<Double>.self)
                            acc0 = acc0.addingProduct(SIMD8(repeating: a0[k]), col)
                            acc1 = acc1.addingProduct(SIMD8(repeating: a1[k]), col)
                            acc2 = acc2.addingProduct(SIMD8(repeating: a2[k]), col)
                            acc3 = acc3.addingProduct(SIMD8(repeating: a3[k]), col)
                        }
                        let colNorms = UnsafeRawPointer(nb).loadUnaligned(fromByteOffset: b * 64, as: SIMD8<Double>.self)
                        // One call per row with its accumulator by value: selecting the
                        // accumulator by a runtime index forced all four onto the stack.
                        func finish(_ r: Int, _ dot: SIMD8<Double>) {
                            let i = i0 + r
                            guard r < rowsHere else { return }
                            let sums = SIMD8(repeating: nb[i]) + colNorms
                            let estimate = sums - 2 * dot
                            let slack = 1e-10 * sums
                            let surelyOut = estimate .> SIMD8(repeating: r2) + slack
                            if all(surelyOut) { return }
                            for lane in 0..<8 {
                                let j = b * 8 + lane
                                guard j > i, j < n, !surelyOut[lane] else { continue }
                                if estimate[lane] < r2 - slack[lane] || points.isWithinEuclidean(i, j, squaredRadius: r2) {
                                    link(i, j)
                                }
                            }
                        }
                        finish(0, acc0)
                        finish(1, acc1)
                        finish(2, acc2)
                        finish(3, acc3)
                    }
                    i0 += 4
                }
            }
        }
    }
}
