import Testing
import TDAKit

/// `ph-rips --collapse`: edge collapse through the shell, the same bytes as without it.
@Suite struct PhRipsCollapseTests {
    @Test func sameRecordAsWithout() throws {
        let run = "\(PhRipsNPermTests.cube(150)) | ph-rips --input-format csv --maxdim 2"
        let exact = try Shell.run(run), collapsed = try Shell.run("\(run) --collapse --threads 2")
        #expect(collapsed.status == 0, "\(collapsed.stderr)")
        #expect(!exact.stdout.isEmpty && collapsed.stdout == exact.stdout)
    }

    @Test func subsampleIsCollapsedToo() throws {
        let run = "\(PhRipsNPermTests.cube(200)) | ph-rips --input-format csv --n-perm 80"
        let exact = try Shell.run(run), collapsed = try Shell.run("\(run) --collapse")
        #expect(collapsed.status == 0 && collapsed.stdout == exact.stdout, "\(collapsed.stderr)")
    }

    @Test(arguments: ["--cocycles", "--emit-distance", "--approx 0.5"])
    func refusesOptionsItCannotServe(_ other: String) throws {
        let result = try Shell.run("\(PhRipsNPermTests.cube(10)) | ph-rips --input-format csv --collapse \(other)")
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("ph-rips: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("--collapse") && result.stderr.contains(String(other.split(separator: " ")[0])), "\(result.stderr)")
    }

    /// The estimate counts the collapse's own structures (its square table, above all): just
    /// under it (every edge under the threshold, as the run sees it) the run is refused in one
    /// line, before any work; with room for the working columns too, it runs.
    @Test func memoryEstimateCountsTheCollapse() throws {
        let plain = MemoryEstimate.bytes(points: 400, maxDimension: 1)
        let collapsing = MemoryEstimate.bytes(points: 400, maxDimension: 1, collapse: true)
        #expect(collapsing > plain + 400 * 400 * 4)
        let run = "\(PhRipsNPermTests.cube(400)) | ph-rips --input-format csv --threads 1 --threshold 10 --collapse --max-memory"
        let refused = try Shell.run("\(run) \(collapsing - 1)")
        #expect(refused.status == 65 && refused.stderr.contains("the run needs about"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        let runs = try Shell.run("\(run) \(collapsing + (8 << 20))")
        #expect(runs.status == 0, "\(runs.stderr)")
    }
}
