import Foundation
import Testing
@testable import TDAKit

/// Deterministic random-mutation fuzzing of the readers: every mutated input must either parse
/// or be rejected with a clean `ToolError` — never a trap, hang or other error.
@Suite struct ReaderFuzzTests {

    static let seeds: [String] = [
        #"{"type":"cloud","id":"a/b","points":[[1.5,-2e-3],[0,1e10]],"labels":[1,"x"],"meta":{"k":[true,false,null],"s":"\u00e9\n"}}"#,
        #"{"type":"diagram","id":"d","diagrams":[[[0,1],[0,null]],[]],"meta":{}}"#,
        "a,b\n1,2\n\"3\",4.5e1\n",
    ]

    func mutate(_ bytes: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var b = bytes
        for _ in 0..<(1 + Int(rng.next() % 4)) {
            let i = b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count))
            let interesting: [UInt8] = Array("{}[]\",:\\-+.eE0123456789nulltruefalse \n\r\u{7F}".utf8) + [0, 0xC3, 0xFF, 0xED]
            switch rng.next() % 4 {
            case 0 where !b.isEmpty: b.remove(at: i)
            case 1: b.insert(interesting[Int(rng.next() % UInt64(interesting.count))], at: min(i, b.count))
            case 2 where !b.isEmpty: b[i] = interesting[Int(rng.next() % UInt64(interesting.count))]
            default: if !b.isEmpty { let j = Int(rng.next() % UInt64(b.count)); b.insert(contentsOf: b[min(i, j)..<max(i, j)], at: i) }
            }
        }
        return b
    }

    @Test func mutatedInputsNeverTrap() {
        var rng = SplitMix(state: 2024)
        var accepted = 0, rejected = 0
        for round in 0..<30_000 {
            let seed = Array(Self.seeds[round % Self.seeds.count].utf8)
            let input = mutate(seed, &rng)
            do {
                if round % Self.seeds.count == 2 {
                    _ = try CSV.numericTable(input, name: "f.csv")
                    _ = try? NPY.read(NPY.bytes(of: Matrix<Double>(rows: 1, cols: 1, storage: [1])) + input, name: "f.npy")
                } else {
                    let record = try input.withUnsafeBytes { try RecordReader.parseLine($0, location: "f:1") }
                    if let record, record.type == "cloud" { _ = try CloudRecord(record) }
                    if let record, record.type == "diagram" { _ = try DiagramRecord(record) }
                }
                accepted += 1
            } catch is ToolError {
                rejected += 1
            } catch {
                Issue.record("unexpected error type \(type(of: error)) for input \(String(decoding: input, as: UTF8.self))")
            }
        }
        #expect(accepted > 100 && rejected > 100)
    }

    /// Archives with mutated bytes anywhere (directory, headers, data) only ever throw.
    @Test func mutatedNPZArchivesNeverTrap() throws {
        let seed = Array(try Data(contentsOf: Fixtures.root.appendingPathComponent("records/savez.npz")))
        var rng = SplitMix(state: 7)
        var rejected = 0
        for round in 0..<3_000 {
            let input = round % 2 == 0 ? mutate(seed, &rng) : Array(seed.prefix(Int(rng.next() % UInt64(seed.count))))
            if (try? NPZReader.entries(input, name: "f.npz")) == nil { rejected += 1 }
        }
        #expect(rejected > 1_000)
    }

    /// The data CSV reader (header names, class columns, splits), class encoding and diagram
    /// tables only ever throw on mutated input.
    @Test func mutatedDataCSVsNeverTrap() {
        var rng = SplitMix(state: 314)
        let seeds = ["id,a,b,label,split\nr1,1.5,2,cat,train\nr2,3,4e1,dog,test\n", ",x,y\n0,1,2\n1,3,4\n",
                     "dim,birth,death\n0,0,1\n0,0,inf\n1,0.5,0.75\n"]
        var rejected = 0
        for round in 0..<9_000 {
            let input = mutate(Array(seeds[round % seeds.count].utf8), &rng)
            do {
                if round % seeds.count == 2 {
                    _ = try DiagramTable.diagram(rows: DiagramTable.csvRows(input, name: "d.csv"), key: "d", location: "d.csv")
                } else {
                    let table = try CSVData.read(input, name: "f.csv", labelColumn: round % 2 == 0 ? nil : "label", labelRequired: round % 4 == 1)
                    if let fields = table.labelFields {
                        let encoding = try ClassEncoding(fields, name: "f.csv")
                        try ClassEncoding.checkNoEmptyClasses(encoding.labels, name: "f.csv")
                    }
                }
            } catch is ToolError {
                rejected += 1
            } catch {
                Issue.record("unexpected error type \(type(of: error)) for input \(String(decoding: input, as: UTF8.self))")
            }
        }
        #expect(rejected > 100)
    }

    @Test func mutatedNPYHeadersNeverTrap() {
        var rng = SplitMix(state: 99)
        let seed = NPY.bytes(of: Matrix<Double>(rows: 2, cols: 2, storage: [1, 2, 3, 4]))
        for _ in 0..<5_000 {
            let input = mutate(Array(seed.prefix(80)), &rng) + Array(seed.dropFirst(80))
            // NPY.read throws only ToolError (typed throws); what is tested is that it never traps.
            _ = try? NPY.read(input, name: "m.npy")
        }
    }
}
