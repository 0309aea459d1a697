import Foundation
import Testing
import TDAKit

/// `ph-rips` run through a shell, as a user would.
@Suite struct PhRipsTests {
    static let square = #"{"type":"cloud","id":"sq","meta":{"gap":0.25},"points":[[0,0],[1,0],[1,1],[0,1]]}"#

    func records(_ text: String) throws -> [JSONObject] {
        try text.split(separator: "\n").map { line in try #require(try JSONParser.parse(String(line)).objectValue) }
    }

    func bars(_ record: JSONObject, _ dimension: Int) throws -> [[JSONValue]] {
        let dims = try #require(record["diagrams"]?.arrayElements)
        return try #require(dims[dimension].arrayElements).map { try #require($0.arrayElements) }
    }

    @Test func squareKeepsIdAndMetaAndWritesInfinityAsNull() throws {
        let result = try Shell.run("ph-rips", stdin: Self.square)
        #expect(result.status == 0)
        let record = try #require(try records(result.stdout).first)
        #expect(record["type"]?.stringValue == "diagram")
        #expect(record["id"]?.stringValue == "sq")
        #expect(record["meta"]?.objectValue?["gap"]?.doubleValue == 0.25)
        let h0 = try bars(record, 0), h1 = try bars(record, 1)
        #expect(h0.count == 4 && h0.filter { $0[1] == .null }.count == 1)
        // The square's hole: born at side 1, dies at the float32 diagonal √2.
        #expect(h1.count == 1 && h1[0][0].doubleValue == 1 && h1[0][1].doubleValue == Double(Float(2.0.squareRoot())))
    }

    @Test func finiteOnlyDropsInfiniteBars() throws {
        let result = try Shell.run("ph-rips --finite-only", stdin: Self.square)
        #expect(!result.stdout.contains("null"))
        #expect(try bars(try #require(try records(result.stdout).first), 0).count == 3)
    }

    @Test func emitDistanceRoundTripsThroughPhRips() throws {
        let direct = try Shell.run("ph-rips --maxdim 2", stdin: Self.square)
        let piped = try Shell.run("ph-rips --emit-distance | tee /dev/stderr | ph-rips --maxdim 2", stdin: Self.square)
        #expect(piped.stderr.contains(#""type":"distance""#))
        #expect(piped.status == 0 && piped.stdout == direct.stdout)
    }

    @Test func csvAndCocycles() throws {
        let result = try Shell.run("printf 'x,y\\n0,0\\n1,0\\n1,1\\n0,1\\n' | ph-rips --input-format csv --cocycles --coeff 3")
        #expect(result.status == 0)
        let record = try #require(try records(result.stdout).first)
        let cocycles = try #require(record["cocycles"]?.arrayElements)
        #expect(cocycles.count == 2 && cocycles[1].arrayElements?.count == 1)
    }

    /// One fixture end to end: the integer distance matrix with ties, as ripser.py saw it.
    @Test func distanceRecordMatchesRipser() throws {
        struct Case: Decodable { let name: String; let distances: [Double]?; let diagrams: [[[Double?]]] }
        struct File: Decodable { let cases: [Case] }
        let url = URL(fileURLWithPath: Shell.packageRoot).appendingPathComponent("Tests/TDAKitTests/Fixtures/homology/special.json")
        let fixture = try #require(try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases.first { $0.distances != nil })
        let lower = try #require(fixture.distances)
        let n = (1 + Int(Double(1 + 8 * lower.count).squareRoot())) / 2
        var rows = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var k = 0
        for i in 1..<n { for j in 0..<i { rows[i][j] = lower[k]; rows[j][i] = lower[k]; k += 1 } }
        let input = #"{"type":"distance","id":"ties","matrix":"# + "\(rows)" + "}"
        let result = try Shell.run("ph-rips --maxdim 2", stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let record = try #require(try records(result.stdout).first)
        for dimension in 0...2 {
            let ours = try bars(record, dimension).map { [$0[0].doubleValue ?? -1, $0[1].doubleValue ?? .infinity] }
            let theirs = fixture.diagrams[dimension].map { [$0[0] ?? -1, $0[1] ?? .infinity] }
            #expect(ours.sorted { $0.lexicographicallyPrecedes($1) } == theirs.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }

    @Test(arguments: [
        (#"{"type":"distance","id":"d","matrix":[[0,1],[2,0]]}"#, "not symmetric"),
        (#"{"type":"distance","id":"d","matrix":[[0,1,2],[1,0,3]]}"#, "non-square"),
        (#"{"type":"distance","id":"d","matrix":[[0,-1],[-1,0]]}"#, "negative"),
        (#"{"type":"distance","id":"d","matrix":[[1,1],[1,0]]}"#, "diagonal"),
        (#"{"type":"cloud","id":"c","points":[[1,2]]}"#, "single point"),
        (#"{"type":"cloud","id":"c","points":[]}"#, "no points"),
    ])
    func badDataIsExit65WithNothingWritten(input: String, message: String) throws {
        let result = try Shell.run("ph-rips", stdin: input)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("ph-rips: error: stdin:1:") && result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func usageErrorsAreExit64() throws {
        #expect(try Shell.run("ph-rips --coeff 4", stdin: Self.square).status == 64)
        #expect(try Shell.run("ph-rips --metric hamming", stdin: Self.square).status == 64)
        #expect(try Shell.run("ph-rips --maxdim 40", stdin: Self.square).status == 64)
    }

    /// Progress lines per reduced dimension with --progress (TDA_PROGRESS_DELAY=0 shows them at
    /// once); nothing when stderr is not a terminal; the same diagram on one and two threads.
    @Test func progressAndThreads() throws {
        let cloud = "awk 'BEGIN { srand(3); print \"x,y,z\"; for (i = 0; i < 60; i++) print rand() \",\" rand() \",\" rand() }'"
        let plain = try Shell.run("\(cloud) | TDA_PROGRESS_DELAY=0 ph-rips --input-format csv --maxdim 2 --threads 1")
        #expect(plain.status == 0 && plain.stderr == "")
        let logged = try Shell.run("\(cloud) | TDA_PROGRESS_DELAY=0 ph-rips --input-format csv --maxdim 2 --threads 2 --progress")
        #expect(logged.status == 0 && logged.stdout == plain.stdout)
        #expect(logged.stderr.contains("H1 columns: ") && logged.stderr.contains("H2 columns: "), "\(logged.stderr)")
        #expect(!logged.stderr.contains("\r"))
    }

    /// Every long phase reports with --progress, in the order it runs and each to its end, on
    /// the Euclidean and the Gram-kernel (correlation) distances; the diagram is byte-identical
    /// to a run without progress.
    @Test(arguments: ["euclidean", "correlation"])
    func progressShowsEveryPhase(metric: String) throws {
        let cloud = "awk 'BEGIN { srand(11); for (i = 0; i < 150; i++) { s = \"\"; "
            + "for (k = 0; k < 8; k++) s = s (k ? \",\" : \"\") rand(); print s } }'"
        let run = "\(cloud) | TDA_PROGRESS_DELAY=0 ph-rips --input-format csv --maxdim 2 --threads 2 --metric \(metric)"
        let plain = try Shell.run(run)
        #expect(plain.status == 0 && plain.stderr == "" && !plain.stdout.isEmpty)
        let logged = try Shell.run(run + " --progress")
        #expect(logged.status == 0 && logged.stdout == plain.stdout)
        let phases = ["distances", "edges", "H1 columns", "2-simplices", "H2 columns"]
        let lines = logged.stderr.split(separator: "\n")
        let order = lines.compactMap { line in phases.firstIndex { line.hasPrefix($0 + ": ") } }
        #expect(order == order.sorted() && Set(order) == Set(phases.indices), "\(logged.stderr)")
        for phase in phases {
            #expect(lines.contains { $0.hasPrefix(phase + ": ") && $0.contains("(100%)") }, "\(phase): \(logged.stderr)")
        }
        #expect(lines.count == order.count)
    }

    @Test func memoryGuardNamesWhatToLower() throws {
        let result = try Shell.run("ph-rips --max-memory 100", stdin: Self.square)
        #expect(result.status == 65 && result.stdout.isEmpty)
        #expect(result.stderr.contains("--threshold") && result.stderr.contains("--maxdim"))
    }
}
