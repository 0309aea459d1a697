import Dispatch

/// How `sgemm` reads one operand: as stored, or transposed (backprop needs both).
public enum GEMMOperand: Sendable {
    case normal
    case transposed
}

/// Single-precision matrix product `C = op(A) · op(B) + beta · C` on row-major buffers.
///
/// `op(A)` is `m × k`, `op(B)` is `k × n`, `C` is `m × n` with row stride `ldc`. A `.transposed`
/// operand is read from its stored transpose (`A` stored `k × m` with stride `lda`), so
/// `X · Wᵀ`, `dYᵀ · X` and `dY · W` need no copies. `C` is cut into one tile per thread (a
/// range of rows or of column panels, see `GEMMPlan`); each thread packs its own operands and
/// runs all `k` blocks of its tile in one parallel region. Every element of `C` is summed in the
/// same order whatever the split, so the result does not depend on the thread count.
///
/// Packed, register-blocked kernel in the style of GotoBLAS/BLIS (the 6 × 16 shape of BLIS's
/// Haswell sgemm kernel): a 6 × 16 block of `C` lives in twelve `SIMD8<Float>` registers.
/// Needs `-target-cpu native` (FMA) to be fast.
@inlinable
public func sgemm(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, _ opA: GEMMOperand = .normal,
    b: UnsafePointer<Float>, ldb: Int, _ opB: GEMMOperand = .normal,
    c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float = 0, threads: Int = 1
) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
        scaleRows(c, m: m, n: n, ldc: ldc, by: beta)
        return
    }
    let plan = GEMMPlan(m: m, n: n, k: k, threads: threads)
    let shared = GEMMShared(a: a, b: b, c: c)
    let work: @Sendable (Int) -> Void = { part in
        let (rows, panels) = plan.tile(part)
        gemmTile(shared, lda: lda, opA, ldb: ldb, opB, k: k, n: n, ldc: ldc, beta: beta, rows: rows, panels: panels)
    }
    if plan.parts == 1 {
        work(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: plan.parts, execute: work)
    }
}

/// How `sgemm` cuts `C` among threads: into `parts` ranges of rows (whole groups of `mr`) or of
/// column panels, whichever makes the slowest thread's share smaller. A thread packs the rows of
/// A and the panels of B its tile needs, so a row split repeats the packing of B in every
/// thread and a column split that of A; the estimate counts packing a value as 16
/// multiply-adds (one vector FMA per cycle and lane versus about one packed value per cycle).
@usableFromInline
struct GEMMPlan: Sendable {
    @usableFromInline let m: Int, panels: Int, parts: Int, splitRows: Bool, unitsPerPart: Int

    @inlinable
    init(m: Int, n: Int, k: Int, threads: Int) {
        let (mr, nr) = (GEMMBlocking.mr, GEMMBlocking.nr)
        let groups = (m + mr - 1) / mr
        self.m = m
        panels = (n + nr - 1) / nr
        // Small products are not worth waking threads (measured: below ~2·10⁵ multiply-adds the
        // dispatch costs more than it saves).
        let workers = m * n * k < 1 << 18 ? 1 : max(1, threads)
        let (height, width) = (groups * mr, panels * nr)
        let rowParts = min(workers, groups), columnParts = min(workers, panels)
        let rowShare = (groups + rowParts - 1) / rowParts, panelShare = (panels + columnParts - 1) / columnParts
        let rowCost = rowShare * mr * width + 16 * (rowShare * mr + width)
        let columnCost = height * panelShare * nr + 16 * (height + panelShare * nr)
        splitRows = rowCost < columnCost
        unitsPerPart = splitRows ? rowShare : panelShare
        parts = splitRows ? (groups + rowShare - 1) / rowShare : (panels + panelShare - 1) / panelShare
    }

    /// The rows and column panels of `C` that part `part` computes.
    @inlinable
    func tile(_ part: Int) -> (rows: Range<Int>, panels: Range<Int>) {
        let first = part * unitsPerPart
        if splitRows {
            let mr = GEMMBlocking.mr
            return (first * mr..<min(m, (first + unitsPerPart) * mr), 0..<panels)
        }
        return (0..<m, first..<min(panels, first + unitsPerPart))
    }
}

/// Block sizes: a `kc × nr` panel of B (16 KiB) stays in L1 and an `mc × kc` block of A in L2
/// while the kernel runs.
@usableFromInline
enum GEMMBlocking {
    @usableFromInline static let mr = 6
    @usableFromInline static let nr = 16
    @usableFromInline static let kc = 256
    @usableFromInline static let mc = 96
}

/// The operands the worker threads share; each thread writes a disjoint tile of `c`.
@usableFromInline
struct GEMMShared: @unchecked Sendable {
    @usableFromInline let a: UnsafePointer<Float>
    @usableFromInline let b: UnsafePointer<Float>
    @usableFromInline let c: UnsafeMutablePointer<Float>
    @inlinable init(a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>) {
        self.a = a; self.b = b; self.c = c
    }
}

@inlinable
func scaleRows(_ c: UnsafeMutablePointer<Float>, m: Int, n: Int, ldc: Int, by beta: Float) {
    guard beta != 1 else { return }
    for i in 0..<m {
        let row = c + i * ldc
        if beta == 0 { row.update(repeating: 0, count: n) } else { for j in 0..<n { row[j] *= beta } }
    }
}

/// Packs rows `k0..<k0+kc` of `op(B)`, the columns of `panels` (`nr` columns each), as
/// consecutive panels, `k`-major, zero-padded.
@inlinable
func packB(_ b: UnsafePointer<Float>, ldb: Int, _ op: GEMMOperand, k0: Int, kc: Int, n: Int,
           panels: Range<Int>, into out: UnsafeMutablePointer<Float>) {
    let nr = GEMMBlocking.nr
    for panel in panels {
        let j0 = panel * nr, width = min(nr, n - j0)
        let dst = out + (panel - panels.lowerBound) * kc * nr
        if width < nr { dst.update(repeating: 0, count: kc * nr) }
        switch op {
        case .normal:
            // 16 values as one vector: `update(from:count:)` called memmove for each 64 bytes
            // (8% of a training step in perf).
            for p in 0..<kc {
                let source = b + (k0 + p) * ldb + j0
                if width == nr {
                    UnsafeMutableRawPointer(dst + p * nr).storeBytes(of: UnsafeRawPointer(source).loadUnaligned(as: SIMD16<Float>.self), as: SIMD16<Float>.self)
                } else {
                    for j in 0..<width { dst[p * nr + j] = source[j] }
                }
            }
        case .transposed:
            // Across the `width` stored rows first: their cache misses overlap and the writes
            // are contiguous. Reading a row at a time left one miss in flight (perf: the load
            // stalled 11 cycles a value, 13% of a 784-512-256-10 training step).
            for p in 0..<kc {
                let row = dst + p * nr, source = b + j0 * ldb + k0 + p
                for j in 0..<width { row[j] = source[j * ldb] }
            }
        }
    }
}

/// Packs rows `m0..<m0+mc` of `op(A)` (columns `k0..<k0+kc`) in groups of `mr` rows, `k`-major.
@inlinable
func packA(_ a: UnsafePointer<Float>, lda: Int, _ op: GEMMOperand, m0: Int, mc: Int, k0: Int, kc: Int,
           into out: UnsafeMutablePointer<Float>) {
    let mr = GEMMBlocking.mr
    let groups = (mc + mr - 1) / mr
    for g in 0..<groups {
        let i0 = g * mr, height = min(mr, mc - i0)
        let dst = out + g * kc * mr
        if height < mr { dst.update(repeating: 0, count: kc * mr) }
        switch op {
        case .normal where lda == kc:
            // Whole rows side by side (a conv layer's unfolded patches): one contiguous block,
            // read in order.
            let source = a + (m0 + i0) * lda + k0
            for i in 0..<height { for p in 0..<kc { dst[p &* mr &+ i] = source[i &* lda &+ p] } }
        case .normal:
            // Across the rows first, as in `packB`.
            for p in 0..<kc {
                let column = dst + p * mr, source = a + (m0 + i0) * lda + k0 + p
                for i in 0..<height { column[i] = source[i * lda] }
            }
        case .transposed:
            for p in 0..<kc {
                let source = a + (k0 + p) * lda + m0 + i0
                for i in 0..<height { dst[p * mr + i] = source[i] }
            }
        }
    }
}

/// One thread's tile of `C`: scales it by `beta`, then for each `k` block in order packs the
/// tile's panels of B and, for each block of `mc` rows, packs those rows of A and runs the
/// kernel over the panels.
@inlinable
func gemmTile(_ s: GEMMShared, lda: Int, _ opA: GEMMOperand, ldb: Int, _ opB: GEMMOperand, k: Int, n: Int,
              ldc: Int, beta: Float, rows: Range<Int>, panels: Range<Int>) {
    let (mr, nr, mc) = (GEMMBlocking.mr, GEMMBlocking.nr, GEMMBlocking.mc)
    let j0 = panels.lowerBound * nr
    scaleRows(s.c + rows.lowerBound * ldc + j0, m: rows.count, n: min(n, panels.upperBound * nr) - j0, ldc: ldc, by: beta)
    let packedB = UnsafeMutablePointer<Float>.allocate(capacity: GEMMBlocking.kc * panels.count * nr)
    let packedA = UnsafeMutablePointer<Float>.allocate(capacity: GEMMBlocking.kc * mc)
    defer { packedB.deallocate(); packedA.deallocate() }
    withUnsafeTemporaryAllocation(of: Float.self, capacity: mr * nr) { edge in
        let scratch = edge.baseAddress!
        for k0 in stride(from: 0, to: k, by: GEMMBlocking.kc) {
            let kc = min(GEMMBlocking.kc, k - k0)
            packB(s.b, ldb: ldb, opB, k0: k0, kc: kc, n: n, panels: panels, into: packedB)
            for m0 in stride(from: rows.lowerBound, to: rows.upperBound, by: mc) {
                let height = min(mc, rows.upperBound - m0)
                packA(s.a, lda: lda, opA, m0: m0, mc: height, k0: k0, kc: kc, into: packedA)
                kernelBlock(c: s.c + m0 * ldc, ldc: ldc, packedA: packedA, rows: height, packedB: packedB, kc: kc,
                            n: n, panels: panels, scratch: scratch)
            }
        }
    }
}

/// Runs the micro-kernel over the `rows` packed rows of A and every packed panel of B; edge
/// blocks go through `scratch` and are added with the same one addition per element.
@inlinable
func kernelBlock(c: UnsafeMutablePointer<Float>, ldc: Int, packedA: UnsafePointer<Float>, rows: Int,
                 packedB: UnsafePointer<Float>, kc: Int, n: Int, panels: Range<Int>, scratch: UnsafeMutablePointer<Float>) {
    let mr = GEMMBlocking.mr, nr = GEMMBlocking.nr
    let groups = (rows + mr - 1) / mr
    for panel in panels {
        let j0 = panel * nr, width = min(nr, n - j0)
        let b = packedB + (panel - panels.lowerBound) * kc * nr
        for g in 0..<groups {
            let i0 = g * mr, height = min(mr, rows - i0)
            let target = c + i0 * ldc + j0
            if height == mr && width == nr {
                microKernel(kc: kc, a: packedA + g * kc * mr, b: b, c: target, ldc: ldc)
            } else {
                scratch.update(repeating: 0, count: mr * nr)
                microKernel(kc: kc, a: packedA + g * kc * mr, b: b, c: scratch, ldc: nr)
                for i in 0..<height { for j in 0..<width { target[i * ldc + j] += scratch[i * nr + j] } }
            }
        }
    }
}

/// `C[6×16] += Apack · Bpack`: twelve `SIMD8<Float>` accumulators held in registers across the
/// `k` loop (12 + 2 for B + 1 broadcast = the 16 ymm registers of AVX2; measured 63 GFLOP/s for
/// this kernel on the 2-core AVX2 EPYC test machine, where an 8×32 `SIMD16` kernel spilled and ran 11).
@inlinable @inline(__always)
func microKernel(kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                 c: UnsafeMutablePointer<Float>, ldc: Int) {
    typealias V = SIMD8<Float>
    var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
    var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
    var ap = a, bp = UnsafeRawPointer(b)
    for _ in 0..<kc {
        let b0 = bp.loadUnaligned(as: V.self), b1 = bp.loadUnaligned(fromByteOffset: 32, as: V.self)
        var x = V(repeating: ap[0]); c00 = c00.addingProduct(x, b0); c01 = c01.addingProduct(x, b1)
        x = V(repeating: ap[1]); c10 = c10.addingProduct(x, b0); c11 = c11.addingProduct(x, b1)
        x = V(repeating: ap[2]); c20 = c20.addingProduct(x, b0); c21 = c21.addingProduct(x, b1)
        x = V(repeating: ap[3]); c30 = c30.addingProduct(x, b0); c31 = c31.addingProduct(x, b1)
        x = V(repeating: ap[4]); c40 = c40.addingProduct(x, b0); c41 = c41.addingProduct(x, b1)
        x = V(repeating: ap[5]); c50 = c50.addingProduct(x, b0); c51 = c51.addingProduct(x, b1)
        ap += 6
        bp += 64
    }
    accumulate(c, c00, c01); accumulate(c + ldc, c10, c11); accumulate(c + 2 * ldc, c20, c21)
    accumulate(c + 3 * ldc, c30, c31); accumulate(c + 4 * ldc, c40, c41); accumulate(c + 5 * ldc, c50, c51)
}

/// Adds two 8-lane vectors into 16 consecutive floats of a row of C.
@inlinable @inline(__always)
func accumulate(_ row: UnsafeMutablePointer<Float>, _ v0: SIMD8<Float>, _ v1: SIMD8<Float>) {
    let raw = UnsafeMutableRawPointer(row)
    raw.storeBytes(of: raw.loadUnaligned(as: SIMD8<Float>.self) + v0, as: SIMD8<Float>.self)
    raw.storeBytes(of: raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self) + v1,
                   toByteOffset: 32, as: SIMD8<Float>.self)
}
