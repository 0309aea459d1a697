import Foundation
import Testing

/// The gap study's zoo (examples/gap-study/zoo.awk) is the design the write-up describes: the
/// full PGDL-like grid, and for the demo a balanced half of its corners.
@Suite struct GapStudyDesignTests {
    /// The zoo's rows: the values of blocks, filters, dense, dropout, weight_decay, batch_size.
    func zoo(_ awkOptions: String = "") throws -> [[String]] {
        let r = try Shell.run("awk \(awkOptions) -f examples/gap-study/zoo.awk")
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.first == ["id", "blocks", "filters", "dense", "dropout", "weight_decay", "batch_size", "seed"])
        return lines.dropFirst().map { Array($0[1...6]) }
    }

    @Test func theFullZooIsTheWholeGridOnce() throws {
        let rows = try zoo()
        #expect(rows.count == 96)
        #expect(Set(rows).count == 96)
        let levels = (0..<6).map { column in Set(rows.map { $0[column] }) }
        #expect(levels == [["1", "2"], ["8", "16"], ["1", "2"], ["0", "0.5"], ["0", "0.001"], ["16", "64", "256"]])
    }

    @Test(arguments: ["--models 5", "--models 0", "--draws x", "--jobs -1", "--neurons", "--cpus 0", "--remote-bin",
                      "--slurm --sshlogin host1", "--no-shared-fs"])
    func badOptionsAreUsageErrors(_ options: String) throws {
        let r = try Shell.run("examples/gap-study/run.sh --out \"$(mktemp -d)\" \(options)")
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("run.sh: error: ") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }

    /// The 32 corners: batch 16 or 256, every factor and every pair of factors balanced.
    @Test func theDemoCornersAreABalancedHalfFraction() throws {
        let rows = try zoo("-v corners=1")
        #expect(rows.count == 32)
        #expect(Set(rows).count == 32)
        let full = Set(try zoo())
        #expect(rows.allSatisfy { full.contains($0) && $0[5] != "64" })
        for a in 0..<6 {
            for b in (a + 1)..<6 {
                var cells = [[String]: Int]()
                for row in rows { cells[[row[a], row[b]], default: 0] += 1 }
                #expect(cells.count == 4 && cells.values.allSatisfy { $0 == 8 }, "factors \(a) and \(b): \(cells)")
            }
        }
    }
}
