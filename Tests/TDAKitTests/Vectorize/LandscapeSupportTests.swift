import Testing
@testable import TDAKit

/// `Landscape` visits only the samples under each point's tent (found by binary search); this
/// checks it against the definition evaluated at every sample for every point, bit for bit.
@Suite struct LandscapeSupportTests {
    /// λⱼ(x) = √2 · the j-th largest positive (d − b)/2 − |x − (b + d)/2|, zero when fewer.
    static func definition(_ points: [PersistencePair], samples: [Double], k: Int) -> [Double] {
        var values = [Double](repeating: 0, count: k * samples.count)
        for (i, x) in samples.enumerated() {
            let heights = points.map { ($0.death - $0.birth) / 2 - abs(x - ($0.birth + $0.death) / 2) }
            for (j, h) in heights.filter({ $0 > 0 }).sorted(by: >).prefix(k).enumerated() {
                values[j * samples.count + i] = (2.0).squareRoot() * h
            }
        }
        return values
    }

    @Test func sweepOverTheSupportEqualsTheDefinition() throws {
        var rng = SplitMix(state: 31)
        func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(rng.next() % 1_000_001) / 1e6 }
        var nonzero = 0
        for trial in 0..<400 {
            let k = 1 + Int(rng.next() % 6), resolution = 1 + Int(rng.next() % 40)
            let range = trial % 3 == 0 ? "" : ":sample_range=\(Int(rng.next() % 3) - 1),\(2 + Int(rng.next() % 2))"
            let spec = "landscape:num_landscapes=\(k):resolution=\(resolution)\(range)\(trial % 5 == 0 ? ":keep_endpoints=true" : "")"
            var landscape = try #require(try VectorizationRegistry.make(spec) as? Landscape)
            var points: [PersistencePair] = []
            for _ in 0..<(rng.next() % 30) {
                let birth = uniform(-1, 2)
                points.append(PersistencePair(birth: birth, death: birth + (rng.next() % 4 == 0 ? 0 : uniform(0, 1.5))))
            }
            landscape = landscape.fitted(to: [points])
            // Points whose birth or death sits exactly on a sample: the tent is zero there, not positive.
            let samples = landscape.samples
            if samples.count > 2, trial % 2 == 0 {
                points.append(PersistencePair(birth: samples[0], death: samples[samples.count - 1]))
                points.append(PersistencePair(birth: samples[1], death: samples[2]))
            }
            let values = landscape.vector(points)
            let expected = Self.definition(points, samples: samples, k: k)
            #expect(values.map(\.bitPattern) == expected.map(\.bitPattern), "\(spec) \(points)")
            nonzero += values.filter { $0 != 0 }.count
        }
        #expect(nonzero > 10_000)
    }
}
