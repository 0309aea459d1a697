import Testing
import TDAKit

/// `ph-rips --approx`: the sparse Rips filtration through the shell.
@Suite struct PhRipsApproxTests {
    @Test func approximatesACloud() throws {
        let result = try Shell.run("\(PhRipsNPermTests.cube(300)) | ph-rips --input-format csv --approx 0.5")
        #expect(result.status == 0, "\(result.stderr)")
        let record = try PhRipsNPermTests.record(result.stdout)
        #expect(record["type"]?.stringValue == "diagram")
        #expect(record["diagrams"]?.arrayElements?.count == 2)
    }

    @Test(arguments: ["0", "1", "-1", "1.5"])
    func refusesEpsilonOutsideTheOpenInterval(_ epsilon: String) throws {
        let result = try Shell.run("\(PhRipsNPermTests.cube(10)) | ph-rips --input-format csv --approx \(epsilon)")
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("ph-rips: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func sameBytesForAnyThreadCount() throws {
        let run = "\(PhRipsNPermTests.cube(400)) | ph-rips --input-format csv --approx 0.4 --maxdim 2"
        let one = try Shell.run("\(run) --threads 1"), two = try Shell.run("\(run) --threads 2")
        #expect(one.status == 0 && !one.stdout.isEmpty)
        #expect(one.stdout == two.stdout)
    }

    @Test func refusesOptionsThatNeedTheExactComplex() throws {
        let result = try Shell.run("\(PhRipsNPermTests.cube(10)) | ph-rips --input-format csv --approx 0.5 --cocycles")
        #expect(result.status == 64 && result.stderr.contains("--cocycles"))
    }
}
