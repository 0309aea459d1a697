import Testing
@testable import TDAKit

/// One ripser.py run recorded by scripts/references/homology_fixtures.py.
struct RipsCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let maxdim: Int
    let coeff: Int
    let threshold: Double?
    let metric: String
    /// diagrams[d] = [[birth, death or null]] as ripser.py returned them (float32 values).
    let diagrams: [[[Double?]]]
    let points: [[Double]]?
    /// The condensed lower triangle ripser.py was given, when it cannot be recomputed bit for bit.
    let distances: [Double]?

    var description: String { name }

    var options: RipsOptions { RipsOptions(maxDimension: maxdim, threshold: threshold, coefficient: coeff) }

    var expected: [[PersistencePair]] {
        diagrams.map { bars in bars.map { PersistencePair(birth: $0[0] ?? .nan, death: $0[1] ?? .infinity) } }
    }

    var cloud: Matrix<Double>? { points.map { Matrix(rowArrays: $0) } }

    /// The matrix ripser.py saw: the stored one, or the points under the metric.
    func inputDistances() throws -> CompressedDistanceMatrix<Double> {
        if let distances {
            return CompressedDistanceMatrix(count: (1 + Int(Double(1 + 8 * distances.count).squareRoot())) / 2, lower: distances)
        }
        guard let cloud else { throw RipsError.emptyInput }
        return try RipsMetrics.distances(cloud, metric: metric)
    }
}

struct RipsFixtureFile: Decodable {
    let source: String
    let cases: [RipsCase]
}

enum RipsFixtures {
    static let files = ["clouds.json", "special.json", "correlations.json"]

    static func all() throws -> [RipsCase] {
        try files.flatMap { try Fixtures.decode(RipsFixtureFile.self, "homology/\($0)").cases }
    }
}

/// Bars sorted by (birth, death), so two diagrams compare as multisets.
func sortedBars(_ bars: [PersistencePair]) -> [PersistencePair] {
    bars.sorted { ($0.birth, $0.death) < ($1.birth, $1.death) }
}

/// Two diagrams agree as multisets of bars, each birth and death within `relative` (of the
/// value, at least of 1) of the reference's; infinite deaths must match exactly.
func expectBarsClose(_ ours: [[PersistencePair]], _ theirs: [[PersistencePair]], relative: Double, _ name: String) {
    #expect(ours.count >= theirs.count, "\(name): dimensions")
    for (dimension, expected) in theirs.enumerated() where dimension < ours.count {
        let a = sortedBars(ours[dimension]), b = sortedBars(expected)
        #expect(a.count == b.count, "H\(dimension) of \(name)")
        for (x, y) in zip(a, b) {
            #expect(abs(x.birth - y.birth) <= relative * max(1, y.birth), "H\(dimension) of \(name)")
            #expect(x.death == y.death || abs(x.death - y.death) <= relative * max(1, y.death), "H\(dimension) of \(name)")
        }
    }
}
