/// SplitMix64 (Steele, Lea and Flood 2014; Vigna's reference `splitmix64.c`): a 64-bit generator
/// used only to expand one `UInt64` seed into the 256-bit state of `Xoshiro256StarStar`, as the
/// xoshiro authors recommend.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The raw state (saving and restoring it resumes the sequence).
    public var state: UInt64

    @inlinable
    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021;
/// reference `xoshiro256starstar.c`): the one random generator of tda-tools.
///
/// Every seeded step of every tool (weight initialisation, shuffles, bootstrap resamples,
/// cross-validation folds) draws from this generator through `nextDouble()`, `nextInt(below:)`
/// and `shuffle(_:)`, which are defined here bit by bit, so a `--seed` gives the same numbers on
/// every platform and Swift version (the standard library's `random(in:using:)` and `shuffled(using:)`
/// algorithms are not promised to stay fixed).
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    /// The raw state, the reference code's `s[0...3]` (saving and restoring it resumes the sequence).
    public var state: (UInt64, UInt64, UInt64, UInt64)

    /// Seeds the state with four consecutive outputs of `SplitMix64(seed:)`.
    @inlinable
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        state = (expander.next(), expander.next(), expander.next(), expander.next())
    }

    /// Uses a raw 256-bit state, as the reference code's `s[4]` (it must not be all zero).
    @inlinable
    public init(state: (UInt64, UInt64, UInt64, UInt64)) { self.state = state }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform double in [0, 1): the top 53 bits times 2⁻⁵³ (Vigna's recommended conversion).
    @inlinable
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<bound by Lemire's multiply-and-reject method
    /// ("Fast random integer generation in an interval", 2019), exactly unbiased.
    /// `bound` must be positive.
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// Fisher–Yates shuffle from the last element down, drawing `nextInt(below: i + 1)` for each i
    /// (Durstenfeld's order), so shuffles are reproducible from the seed alone.
    @inlinable
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        var i = elements.count - 1
        while i > 0 {
            elements.swapAt(i, nextInt(below: i + 1))
            i -= 1
        }
    }

    @inlinable
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
