/// Binomial coefficients C(i, k) for i ≤ n, k ≤ maxK: the combinatorial number system
/// that names a simplex {v_k > … > v_0} by the single integer Σ C(v_i, i + 1)
/// (Ripser's `binomial_coeff_table`).
///
/// Stored k-major so that the binary search for a simplex's top vertex walks one
/// contiguous row.
final class BinomialTable: @unchecked Sendable {
    let n: Int
    let maxK: Int
    private let table: UnsafeMutablePointer<Int>

    /// Simplex indices must stay below 2^56 (headroom Ripser also keeps for its packed
    /// coefficients); a larger complex throws instead of overflowing silently.
    static let maxIndex = 1 << 56

    init(n: Int, maxK: Int) throws {
        self.n = n
        self.maxK = maxK
        let stride = n + 1
        table = .allocate(capacity: (maxK + 1) * stride)
        table.initialize(repeating: 0, count: (maxK + 1) * stride)
        for i in 0...n {
            table[i] = 1
            for k in 1...maxK where k <= i {
                let value = table[(k - 1) * stride + i - 1] + table[k * stride + i - 1]
                guard value < Self.maxIndex else {
                    table.deallocate()
                    throw RipsError.tooManySimplices(points: n, dimension: maxK - 1)
                }
                table[k * stride + i] = value
            }
        }
    }

    deinit { table.deallocate() }

    /// C(i, k); zero when k > i.
    @inline(__always)
    func callAsFunction(_ i: Int, _ k: Int) -> Int { table[k * (n + 1) + i] }

    /// The largest vertex v ≤ top with C(v, k) ≤ index: the top vertex of the simplex
    /// whose k-vertex tail has combinatorial index `index`.
    @inline(__always)
    func maxVertex(index: Int, k: Int, top: Int) -> Int {
        // C(v, 1) = v: the last vertex is the index left, no search needed.
        if k == 1 { return min(index, top) }
        let row = table + k &* (n &+ 1)
        // Branch-free bisection (the comparison becomes a conditional move): the answer stays
        // in base ..< base + length, and C(base, k) ≤ index holds from C(k − 1, k) = 0 on.
        var base = k &- 1, length = top &- base &+ 1
        while length > 1 {
            let half = length >> 1
            base = row[base &+ half] <= index ? base &+ half : base
            length &-= half
        }
        return base
    }

    /// Writes the vertices of the `dimension`-simplex `index`, largest first.
    @inline(__always)
    func vertices(of index: Int, dimension: Int, into out: UnsafeMutablePointer<Int>) {
        var rest = index, top = n - 1
        for k in stride(from: dimension + 1, to: 0, by: -1) {
            top = maxVertex(index: rest, k: k, top: top)
            out[dimension + 1 - k] = top
            rest -= self(top, k)
        }
    }
}
