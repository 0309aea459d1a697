import Testing
@testable import TDAKit

/// Every vectorization against numpy / gudhi.representations 3.13 on six diagrams (random ones,
/// duplicate points, a single point, an empty diagram, a point on the diagonal), fitted on the
/// whole list as gudhi's `fit_transform` (scripts/references/vectorize_fixtures.py).
struct RepresentationTests {
    struct Case: Decodable {
        var spec: String
        /// nil where gudhi returns NaN (0 · log 0 or an all-zero curve normalised): our documented
        /// convention gives finite values there instead.
        var values: [[Double]?]
    }
    struct Bootstrap: Decodable { var vectors: [[Double]], seed: UInt64, resamples: Int, result: [Double] }
    struct Fixture: Decodable { var diagrams: [[[Double]]], cases: [Case], bootstrap: Bootstrap }

    static let fixture = Result { try Fixtures.decode(Fixture.self, "vectorize/representations.json") }
    static let specs = (try? fixture.get().cases.map(\.spec)) ?? []

    static func pairs(_ diagram: [[Double]]) -> [PersistencePair] {
        diagram.map { PersistencePair(birth: $0[0], death: $0[1]) }
    }

    /// Within 1e-9 relative, or 1e-12 absolute for values that are 0 up to rounding (a tent or
    /// Gaussian tail summed in a different order).
    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * abs($1) + 1e-12 }
    }

    @Test(arguments: specs)
    func matchesReference(spec: String) throws {
        let fixture = try Self.fixture.get()
        let expected = try #require(fixture.cases.first { $0.spec == spec })
        let diagrams = fixture.diagrams.map(Self.pairs)
        let vectorization = try VectorizationRegistry.make(spec).fitted(to: diagrams)
        for (points, reference) in zip(diagrams, expected.values) {
            let values = vectorization.vector(points)
            #expect(values.count == vectorization.valueNames.count)
            if let reference {
                let matches = Self.close(values, reference)
                #expect(matches, "\(spec) on \(points.count) points: \(values) vs \(reference)")
            } else {
                #expect(values.allSatisfy { $0.isFinite }, "\(spec) on \(points.count) points")
            }
        }
    }

    @Test func bootstrapMatchesMeanOfResampledMeans() throws {
        let b = try Self.fixture.get().bootstrap
        var generator = Xoshiro256StarStar(seed: b.seed)
        let result = GroupReduction.bootstrap(resamples: b.resamples).reduce(b.vectors, generator: &generator)
        #expect(Self.close(result, b.result))
        var unused = Xoshiro256StarStar(seed: 0)
        let mean = GroupReduction.mean.reduce(b.vectors, generator: &unused)
        #expect(Self.close(mean, (0..<3).map { j in b.vectors.map { $0[j] }.reduce(0, +) / 5 }))
    }

    /// Landscapes, silhouettes, images and Betti curves of a union of diagrams are sums of the parts
    /// for the linear ones (image, betti), and λ₁ dominates λ₂ for landscapes.
    @Test func linearityAndOrdering() throws {
        let a = Self.pairs([[0.1, 0.8], [0.3, 0.5]]), b = Self.pairs([[0.2, 1.0], [0.0, 0.4], [0.6, 0.9]])
        for spec in ["image:resolution=4,3:im_range=0,1,0,1:bandwidth=0.2", "betti:resolution=9:sample_range=0,1"] {
            let v = try VectorizationRegistry.make(spec)
            let sum = zip(v.vector(a), v.vector(b)).map { $0 + $1 }
            #expect(Self.close(v.vector(a + b), sum), "\(spec)")
        }
        let landscape = try VectorizationRegistry.make("landscape:num_landscapes=2:resolution=10:sample_range=0,1")
        let values = landscape.vector(a + b)
        #expect((0..<10).allSatisfy { values[$0] >= values[10 + $0] })
    }

    @Test func parameterErrorsAreClear() {
        #expect(throws: VectorizationError.unknownVectorization("landscap", suggestion: "landscape")) {
            try VectorizationRegistry.make("landscap")
        }
        #expect(throws: VectorizationError.unknownVectorization("zzzzzzzz", suggestion: nil)) {
            try VectorizationRegistry.make("zzzzzzzz")
        }
        #expect(throws: VectorizationError.self) { try VectorizationRegistry.make("image:bandwith=0.1") }
        #expect(throws: VectorizationError.emptyRange(vectorization: "landscape", parameter: "sample_range", low: 2, high: 1)) {
            try VectorizationRegistry.make("landscape:sample_range=2,1")
        }
        #expect(throws: VectorizationError.self) { try VectorizationRegistry.make("image:resolution=3") }
        #expect(throws: VectorizationError.self) { try VectorizationRegistry.make("stats:augment=cube") }
        #expect(throws: VectorizationError.self) { try VectorizationRegistry.make("stats:top") }
    }
}

extension RepresentationTests {
    /// PersLay with op=sum is additive over a union of diagrams; op=max is the larger of the parts.
    @Test func perslaySumIsAdditiveAndMaxIsTheLargerPart() throws {
        let a = Self.pairs([[0.1, 0.8], [0.3, 0.5]]), b = Self.pairs([[0.2, 1.0], [0.0, 0.4]])
        for phi in ["gaussian:image_size=3,2", "tent:resolution=5", "line:num_lines=3", "exponential:image_size=2,2"] {
            let sum = try VectorizationRegistry.make("perslay:weight=linear:phi=\(phi)")
            #expect(Self.close(sum.vector(a + b), zip(sum.vector(a), sum.vector(b)).map { $0 + $1 }), "\(phi)")
            let largest = try VectorizationRegistry.make("perslay:op=max:phi=\(phi)")
            #expect(largest.vector(a + b) == zip(largest.vector(a), largest.vector(b)).map { max($0, $1) }, "\(phi)")
        }
    }
}
