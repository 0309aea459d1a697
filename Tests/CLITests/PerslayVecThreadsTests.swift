import Testing
import TDAKit

/// `perslay-vec` vectorizes in batches of lines on `--threads` workers: the output (order
/// included) and the errors (with their line numbers) must not depend on the thread count.
@Suite struct PerslayVecThreadsTests {
    /// 700 diagram lines (several batches) with blank lines, essential bars and varied spacing.
    static func input(badLine: Int? = nil) -> String {
        var lines: [String] = []
        for i in 0..<700 {
            if i % 97 == 5 { lines.append("") }
            let death = i % 7 == 0 ? "null" : "\(Double(i % 13) / 4 + 0.5)"
            let bars = i == badLine ? "[[3, 1]]" : "[[0,\(death)], [ 0.25 , 1.5e0 ],[\(Double(i % 5) / 8), 2]]"
            lines.append(#"{"type":"diagram","id":"d\#(i)","diagrams":[\#(bars),[[0.5,0.75]]],"meta":{"i":\#(i)}}"#)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let specs = ["stats:top=2", "landscape:resolution=5:sample_range=0,3", "image:resolution=3,3:im_range=0,1,0,3"]

    @Test func outputDoesNotDependOnThreads() throws {
        let one = try ToolProcess.run("perslay-vec", ["-j", "1"] + Self.specs, input: Self.input())
        let three = try ToolProcess.run("perslay-vec", ["-j", "3"] + Self.specs, input: Self.input())
        #expect(one.status == 0 && three.status == 0, "\(one.stderr) \(three.stderr)")
        #expect(one.stdout == three.stdout)
        #expect(three.records.map { $0["id"] } == (0..<700).map { JSONValue.string("d\($0)") })
        // A fitted range (read all, then vectorize in batches) too.
        let fitted = try ToolProcess.run("perslay-vec", ["-j", "2", "landscape:resolution=4"], input: Self.input())
        let fittedOne = try ToolProcess.run("perslay-vec", ["-j", "1", "landscape:resolution=4"], input: Self.input())
        #expect(fitted.status == 0 && fitted.stdout == fittedOne.stdout && fitted.records.count == 700)
    }

    @Test func errorsNameTheSameLineForAnyThreads() throws {
        // Diagram 600 is on line 608: seven blank lines come before it.
        let message = #"perslay-vec: error: stdin:608: record "d600" dimension 0 bar 0 dies before it is born (3.0, 1.0)"#
        for threads in ["1", "2", "3"] {
            let run = try ToolProcess.run("perslay-vec", ["-j", threads, "stats"], input: Self.input(badLine: 600))
            #expect(run.status == 65)
            #expect(run.stderr.split(separator: "\n").first.map(String.init) == message)
        }
    }
}
