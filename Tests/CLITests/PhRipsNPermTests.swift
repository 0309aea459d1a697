import Testing
import TDAKit

/// `ph-rips --n-perm`: greedy subsampling through the shell, and its record read by the other tools.
@Suite struct PhRipsNPermTests {
    /// `rows` random points in R³ as CSV (awk's seeded rand), a cloud of one record.
    static func cube(_ rows: Int, seed: Int = 5) -> String {
        "awk 'BEGIN { srand(\(seed)); print \"x,y,z\"; for (i = 0; i < \(rows); i++) print rand() \",\" rand() \",\" rand() }'"
    }

    static func record(_ text: String) throws -> JSONObject {
        let line = try #require(text.split(separator: "\n").first)
        return try #require(try JSONParser.parse(String(line)).objectValue)
    }

    @Test func addsIndicesAndCoverRadius() throws {
        let result = try Shell.run("\(Self.cube(200)) | ph-rips --input-format csv --n-perm 50 --cocycles")
        #expect(result.status == 0, "\(result.stderr)")
        let record = try Self.record(result.stdout)
        let indices = try #require(record["idx_perm"]?.arrayElements).compactMap(\.intValue)
        #expect(indices.count == 50 && indices.first == 0 && Set(indices).count == 50)
        let radius = try #require(record["r_cover"]?.doubleValue)
        #expect(radius > 0 && radius < 1)
        #expect(try #require(record["diagrams"]?.arrayElements)[0].arrayElements?.count == 50)
        // Cocycle vertices are numbered as in the input: chosen points only.
        let rows = try #require(record["cocycles"]?.arrayElements?[1].arrayElements).flatMap { $0.arrayElements ?? [] }
        let vertices = rows.flatMap { ($0.arrayElements ?? []).dropLast().compactMap(\.intValue) }
        #expect(!vertices.isEmpty && Set(vertices).isSubset(of: Set(indices)))
    }

    /// N at or above the number of points: the whole cloud, in order, radius 0.
    @Test func largeNKeepsEveryPoint() throws {
        let plain = try Shell.run("\(Self.cube(30)) | ph-rips --input-format csv")
        let all = try Shell.run("\(Self.cube(30)) | ph-rips --input-format csv --n-perm 30")
        let record = try Self.record(all.stdout)
        #expect(record["idx_perm"]?.arrayElements?.compactMap(\.intValue) == Array(0..<30))
        #expect(record["r_cover"]?.doubleValue == 0)
        #expect(record["diagrams"] == (try Self.record(plain.stdout))["diagrams"])
    }

    @Test(arguments: ["0", "-3"])
    func nonPositiveIsAUsageError(n: String) throws {
        let result = try Shell.run("\(Self.cube(10)) | ph-rips --input-format csv --n-perm \(n)")
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("ph-rips: ") && result.stderr.contains("--n-perm"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// 100 000 points in R³: the full matrix (40 GB) is refused under --max-memory 1G, the
    /// subsample is estimated at its own size and runs; one and two threads write the same bytes.
    @Test func largeCloudSubsamplesWithinTheMemoryGuard() throws {
        let cloud = Self.cube(100_000, seed: 9)
        #expect(try Shell.run("\(cloud) | ph-rips --input-format csv --max-memory 1G").status == 65)
        let one = try Shell.run("\(cloud) | ph-rips --input-format csv --max-memory 1G --n-perm 300 --threads 1")
        let two = try Shell.run("\(cloud) | ph-rips --input-format csv --max-memory 1G --n-perm 300 --threads 2")
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout && one.stdout.contains(#""r_cover":"#))
    }

    /// A refusal names an --n-perm size whose estimate is half the limit, and that size runs
    /// under the same limit.
    @Test func refusalSuggestsASubsampleThatFits() throws {
        let cloud = Self.cube(3000, seed: 4)
        let refused = try Shell.run("\(cloud) | ph-rips --input-format csv --max-memory 20M")
        #expect(refused.status == 65)
        let words = refused.stderr.split(separator: " ")
        let at = try #require(words.firstIndex(of: "--n-perm"), "\(refused.stderr)")
        let fitting = try #require(Int(words[at + 1]), "\(refused.stderr)")
        #expect(fitting > 1 && fitting < 3000)
        #expect(refused.stderr.contains("--approx"))
        let subsampled = try Shell.run("\(cloud) | ph-rips --input-format csv --max-memory 20M --n-perm \(fitting)")
        #expect(subsampled.status == 0, "\(subsampled.stderr)")
    }

    /// The diagram readers accept the record with its two extra fields.
    @Test func diagramReadersAcceptTheRecord() throws {
        let run = "\(Self.cube(80)) | ph-rips --input-format csv --n-perm 40"
        let vectors = try Shell.run("\(run) | perslay-vec stats:set=ballester --dims 1")
        #expect(vectors.status == 0 && vectors.stdout.contains(#""type":"vector""#), "\(vectors.stderr)")
        #expect(try Shell.run("\(run) | tda cat --check").status == 0)
        let plot = try Shell.run("\(run) | tda-plot")
        #expect(plot.status == 0 && plot.stdout.contains("<svg"), "\(plot.stderr)")
    }
}
