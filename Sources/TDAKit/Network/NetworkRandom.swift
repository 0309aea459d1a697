/// Random draws used by initialisation, data generators, shuffling and dropout, written against
/// any `RandomNumberGenerator` so that a seeded generator makes every run reproducible.
public enum NetworkRandom {
    /// Uniform in [0, 1) with 53 random bits (as numpy's `random()`).
    @inlinable
    public static func unit<G: RandomNumberGenerator>(_ rng: inout G) -> Double {
        Double(rng.next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [low, high).
    @inlinable
    public static func uniform<G: RandomNumberGenerator>(_ low: Double, _ high: Double, _ rng: inout G) -> Double {
        low + (high - low) * unit(&rng)
    }

    /// Standard normal by the Box–Muller transform.
    @inlinable
    public static func normal<G: RandomNumberGenerator>(_ rng: inout G) -> Double {
        let u = 1 - unit(&rng), v = unit(&rng)
        return (-2 * logValue(u)).squareRoot() * cosValue(2 * Double.pi * v)
    }

    /// An integer in 0..<n.
    @inlinable
    public static func index<G: RandomNumberGenerator>(_ n: Int, _ rng: inout G) -> Int {
        Int(rng.next(upperBound: UInt64(n)))
    }

    /// Fisher–Yates shuffle of `0..<n`.
    public static func permutation<G: RandomNumberGenerator>(_ n: Int, _ rng: inout G) -> [Int] {
        var order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, index(i + 1, &rng)) }
        return order
    }
}

/// SplitMix64, a tiny generator for per-pass masks derived from one seed (Steele et al. 2014).
public struct NetworkSplitMix: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
