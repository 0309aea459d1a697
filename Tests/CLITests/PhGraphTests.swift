import Foundation
import Testing
import TDAKit

/// `ph-graph` through the real executable: records out, errors, threads, atomic output.
@Suite struct PhGraphTests {
    static let house = #"{"type":"graph","id":"house","nodes":5,"links":[[0,1],[1,2],[2,3],[3,0],[2,4],[3,4],[4,4],[1,0]],"values":{"h":[0,1,3,2,4]},"y":1,"meta":{"k":"v"}}"#

    /// The house with f = [0, 1, 3, 2, 4]: gudhi's Ext0 (0, 4) and Ext1 (4, 2), (3, 0) written
    /// (min, max); the self-loop and the repeated link change nothing.
    @Test func houseAsGudhi() throws {
        let run = try ToolProcess.run("ph-graph", ["-f", "values:h"], input: Self.house + "\n")
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout == #"{"type":"diagram","id":"house/values:h","diagrams":[[[0,null]],[[3,null],[4,null]]],"pairs":[[[0,null]],[[2,null],[4,null]]],"extended":{"ord0":[],"rel1":[],"ext0":[[0,4]],"ext1":[[0,3],[2,4]]},"extended_pairs":{"ord0":[],"rel1":[],"ext0":[[0,4]],"ext1":[[0,2],[3,4]]},"y":1,"meta":{"k":"v","filtration":"values:h"}}"# + "\n")
    }

    @Test func oneRecordPerFiltrationAndOrdinaryOnly() throws {
        let run = try ToolProcess.run("ph-graph", ["-f", "degree,hks:10", "-f", "x:0", "--ordinary"],
                                      input: #"{"type":"graph","id":"g","nodes":3,"links":[[0,1],[1,2]],"x":[[1],[2],[0]]}"# + "\n")
        #expect(run.status == 0)
        #expect(run.records.map { $0["id"] } == ["g/degree", "g/hks:10", "g/x:0"].map(JSONValue.string))
        #expect(run.records.allSatisfy { $0["extended"] == nil && $0["pairs"] != nil })
    }

    /// Mapper writes node objects with string ids; ph-graph reads them as they are.
    @Test func readsMapperGraphs() throws {
        let input = #"{"type":"graph","id":"m","nodes":[{"id":"a","members":[0]},{"id":"b","members":[1]},{"id":"c","members":[2]}],"links":[["a","b"],["b","c"],["c","a"]]}"#
        let run = try ToolProcess.run("ph-graph", ["-f", "degree"], input: input + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.records.first?["diagrams"] == .array([.array([.array([.number(2), .null])]), .array([.array([.number(2), .null])])]))
    }

    static func randomGraphs(_ count: Int, bad: Int? = nil) -> String {
        var lines: [String] = []
        for g in 0..<count {
            let n = 3 + (g * 7) % 40
            var links = (1..<n).map { "[\(($0 * 31 + g) % $0),\($0)]" }
            links += (0..<(n / 2)).map { "[\(($0 * 13 + g) % n),\(($0 * 17 + 3 * g + 1) % n)]" }
            if g == bad { links.append("[0,\(n)]") }
            lines.append(#"{"type":"graph","id":"g\#(g)","nodes":\#(n),"links":[\#(links.joined(separator: ","))],"y":\#(g % 2)}"#)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func outputAndErrorsDoNotDependOnThreads() throws {
        let one = try ToolProcess.run("ph-graph", ["-j", "1", "-f", "hks:0.1,degree"], input: Self.randomGraphs(150))
        let three = try ToolProcess.run("ph-graph", ["-j", "3", "-f", "hks:0.1,degree"], input: Self.randomGraphs(150))
        #expect(one.status == 0 && one.stdout == three.stdout && one.records.count == 300)
        for threads in ["1", "3"] {
            let run = try ToolProcess.run("ph-graph", ["-j", threads], input: Self.randomGraphs(150, bad: 100))
            #expect(run.status == 65)
            #expect(run.stderr == "ph-graph: error: stdin:101: record \"g100\" link 33 names node 23, which is not one of its 23 nodes\n")
        }
    }

    @Test(arguments: [
        (["-f", "pagerank"], "", Int32(64), "unknown value 'pagerank'"),
        (["-f", "hks:-1"], "", 64, "--filtration wants degree, hks:T with T ≥ 0"),
        (["-f", "values:h"], #"{"type":"graph","id":"g","nodes":1}"#, 65, #"stdin:1: record "g" has no vertex function "h""#),
        (["-f", "x:3"], #"{"type":"graph","id":"g","nodes":1,"x":[[1]]}"#, 65, "has no node-feature column 3"),
        ([], #"{"type":"cloud","points":[[1]]}"#, 65, "is a cloud record, expected graph"),
        ([], #"{"type":"graph","nodes":2,"values":{"h":[1,NaN]}}"#, 65, "stdin:1: column 44: malformed JSON: NaN is not a number"),
    ])
    func errors(_ arguments: [String], _ input: String, _ status: Int32, _ message: String) throws {
        let run = try ToolProcess.run("ph-graph", arguments, input: input + "\n")
        #expect(run.status == status)
        #expect(run.stderr.hasPrefix("ph-graph: error: ") && run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func failedRunLeavesNoOutputFile() throws {
        let result = try Shell.run("""
        dir=$(mktemp -d)
        printf '{"type":"graph","nodes":2,"links":[[0,1]]}\\n{"type":"graph","nodes":2,"links":[[0,2]]}\\n' > $dir/in.jsonl
        ph-graph -o $dir/out.jsonl $dir/in.jsonl; echo "status $?"; ls -A $dir
        ph-graph -o $dir/ok.jsonl -f degree $dir/in.jsonl 2>/dev/null | head -c 0; ls -A $dir
        """)
        #expect(result.stdout == "status 65\nin.jsonl\nin.jsonl\n")
        #expect(result.stderr.contains("in.jsonl:2: graph record link 0 names node 2"))
    }

    @Test func shippedAndTUSets() throws {
        let mutag = try ToolProcess.run("ph-graph", ["--dataset", "mutag", "--emit-graphs"])
        #expect(mutag.status == 0 && mutag.records.count == 188 && mutag.records.first?["id"] == .string("MUTAG/1"))
        let diagrams = try ToolProcess.run("ph-graph", ["--dataset", "mutag", "-f", "degree"])
        #expect(diagrams.records.count == 188 && diagrams.records.allSatisfy { $0["type"] == .string("diagram") && $0["y"] != nil })
        let tu = try Shell.run("""
        dir=$(mktemp -d); printf '1, 2\\n2, 1\\n' > $dir/X_A.txt; printf '1\\n1\\n2\\n' > $dir/X_graph_indicator.txt
        ph-graph --tu $dir/X --emit-graphs; ph-graph --tu $dir/X --dataset mutag; echo "status $?"
        ph-graph --tu $dir/missing; echo "status $?"
        """)
        #expect(tu.stdout == """
        {"type":"graph","id":"X/1","nodes":2,"links":[[0,1]],"meta":{}}
        {"type":"graph","id":"X/2","nodes":1,"links":[],"meta":{}}
        status 64
        status 66

        """)
        #expect(tu.stderr.contains("ph-graph: error: give one input: --dataset, --tu, --generate or FILE operands, not --dataset and --tu"))
        #expect(tu.stderr.contains("missing_graph_indicator.txt: cannot open"))
    }

    /// Graph records are read in chunks and written as computed: an endless producer ends when
    /// `head` closes the pipe (if ph-graph read everything first, `timeout` would kill it: 124).
    @Test func closedPipeEndsAnEndlessStreamQuietly() throws {
        let result = try Shell.run("""
        yes '{"type":"graph","nodes":3,"links":[[0,1],[1,2]]}' | timeout 20 ph-graph -f degree | head -1 | cut -c1-18
        echo "status ${PIPESTATUS[1]}"
        """)
        #expect(result.stdout == "{\"type\":\"diagram\",\nstatus 0\n")
        #expect(result.stderr == "")
    }
}
