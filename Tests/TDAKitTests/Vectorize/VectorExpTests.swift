import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TDAKit

/// `VectorExp` against libm's `exp` over the whole useful range, subnormal results included.
@Suite struct VectorExpTests {
    @Test func matchesLibmWithinTwoUlps() {
        var rng = SplitMix(state: 77)
        var xs: [Double] = [0, -0.0, 1, -1, 0.5 * 0.693_147_180_559_945_3, -708.4, -709, -740, -745.1, -745.2, -800,
                            -Double.infinity, 709.7, 720, 1e-300, -1e-18]
        for _ in 0..<20_000 { xs.append(-750 + 1460 * Double(rng.next() >> 11) / Double(1 << 53)) }
        for _ in 0..<5_000 { xs.append(-Double(rng.next() >> 11) / Double(1 << 53)) }  // image exponents: (−1, 0]
        let count = VectorExp.padded(xs.count)
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: count)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: 0, count: count)
        for (i, x) in xs.enumerated() { buffer[i] = x }
        VectorExp.exponentiate(buffer, count: count)
        var worst = 0.0
        for (i, x) in xs.enumerated() {
            let expected = exp(x), got = buffer[i]
            if expected.isInfinite || expected == 0 {
                #expect(got == expected, "exp(\(x)) = \(got), libm \(expected)")
                continue
            }
            // Two ulps of the result; a subnormal result also gets one ulp of the smallest subnormal.
            let error = abs(got - expected), allowed = 2 * expected.ulp + Double.leastNonzeroMagnitude
            #expect(error <= allowed, "exp(\(x)) = \(got), libm \(expected)")
            if expected >= Double.leastNormalMagnitude { worst = max(worst, error / expected.ulp) }
        }
        #expect(worst > 0 && worst <= 2)
    }
}
