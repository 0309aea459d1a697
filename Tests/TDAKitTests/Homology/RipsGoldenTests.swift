import Testing
@testable import TDAKit

/// Diagrams against ripser.py on the committed fixtures.
@Suite struct RipsGoldenTests {
    /// float32 mode reproduces ripser.py exactly: same float32 distances, same filtration
    /// values, so every birth and death must be equal, not just close. Both enumerators
    /// (dense and sparse) must agree with it.
    @Test(arguments: try RipsFixtures.all(), [RipsRepresentation.dense, .sparse])
    func matchesRipserBitForBit(_ fixture: RipsCase, representation: RipsRepresentation) throws {
        var options = fixture.options
        options.representation = representation
        let result = try RipsPersistence.compute(distances: fixture.inputDistances(), options: options)
        #expect(result.diagram.dimensions.count == fixture.maxdim + 1)
        for (dimension, expected) in fixture.expected.enumerated() {
            #expect(sortedBars(result.diagram.dimensions[dimension]) == sortedBars(expected),
                    "H\(dimension) of \(fixture.name)")
        }
    }

    /// Our correlation-family distances (blocked SIMD kernel) against numpy's: summation
    /// order differs, so they agree to rounding, 1e-12 absolute for values in [0, 2].
    @Test(arguments: try RipsFixtures.all().filter { $0.distances != nil && $0.points != nil })
    func metricMatchesNumpy(_ fixture: RipsCase) throws {
        let ours = try RipsMetrics.distances(try #require(fixture.cloud), metric: fixture.metric)
        let theirs = try #require(fixture.distances)
        #expect(ours.lower.count == theirs.count)
        let worst = zip(ours.lower, theirs).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 1e-12)
    }

    /// From the points, through our own metric, the diagrams stay within one float32 rounding
    /// step of ripser.py's (relative 2⁻²³ ≈ 1.2e-7, doubled): a double distance a few ulps away
    /// from numpy's can round to the neighbouring float.
    @Test(arguments: try RipsFixtures.all().filter { $0.distances != nil && $0.points != nil })
    func diagramsFromOwnMetricAreClose(_ fixture: RipsCase) throws {
        let result = try RipsPersistence.compute(points: try #require(fixture.cloud), metric: fixture.metric,
                                                 options: fixture.options)
        expectBarsClose(result.diagram.dimensions, fixture.expected, relative: 2.4e-7, fixture.name)
    }

    /// float64 mode sees the same filtration up to float32 rounding, so bars agree to that.
    @Test(arguments: try RipsFixtures.all().filter { $0.distances == nil })
    func float64IsCloseToFloat32(_ fixture: RipsCase) throws {
        var options = fixture.options
        options.precision = .float64
        let result = try RipsPersistence.compute(distances: fixture.inputDistances(), options: options)
        expectBarsClose(result.diagram.dimensions, fixture.expected, relative: 1.2e-7, fixture.name)
    }
}
