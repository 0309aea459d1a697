/// Arithmetic in Z/p for a prime p ≤ 251: a table of multiplicative inverses built once
/// with the recurrence inv(a) = −⌊p/a⌋ · inv(p mod a) (as Ripser's
/// `multiplicative_inverse_vector`).
struct PrimeField {
    let p: Int32
    private let inverses: [Int32]

    /// Throws `RipsError.notPrime` unless 2 ≤ p ≤ 251 is prime (coefficients fit a byte).
    init(_ p: Int) throws {
        guard (2...251).contains(p), (2..<p).allSatisfy({ p % $0 != 0 }) else { throw RipsError.notPrime(p) }
        self.p = Int32(p)
        var inv = [Int32](repeating: 0, count: p)
        inv[1] = 1
        if p > 2 {
            for a in 2..<p { inv[a] = Int32(p) - (inv[p % a] * Int32(p / a)) % Int32(p) }
        }
        inverses = inv
    }

    @inline(__always) func inverse(_ a: Int32) -> Int32 { inverses[Int(a)] }
    @inline(__always) func reduce(_ a: Int32) -> Int32 { p == 2 ? a & 1 : a % p }
    @inline(__always) func negate(_ a: Int32) -> Int32 { a == 0 ? 0 : p - a }
}
