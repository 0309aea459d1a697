import Testing
@testable import TDAKit

/// The diagram fast path (`RecordReader.nextDiagram`, pairs parsed straight into buffers) must give
/// exactly what the generic path gives (`parseLine` then `DiagramRecord`): the same bars bit for
/// bit, the same other fields, and for bad input the same error message and exit status.
@Suite struct DiagramFastPathTests {
    /// What reading one line gave, comparable across the two paths.
    enum Outcome: Equatable {
        case blank
        /// The record's fields other than the bars (the first `diagrams`), and the bars' bit patterns.
        case diagram(fields: JSONObject, bars: [[UInt64]])
        case failure(ToolError)
    }

    static func bits(_ diagram: DiagramRecord) -> [[UInt64]] {
        diagram.diagram.dimensions.map { $0.flatMap { [$0.birth.bitPattern, $0.death.bitPattern] } }
    }

    static func generic(_ line: [UInt8]) -> Outcome {
        do {
            guard let record = try line.withUnsafeBytes({ try RecordReader.parseLine($0, location: "in:7") }) else { return .blank }
            let diagram = try DiagramRecord(record)
            var fields = record.fields
            fields["diagrams"] = nil
            return .diagram(fields: fields, bars: bits(diagram))
        } catch {
            return .failure(error as? ToolError ?? ToolError(.software, "unexpected \(error)"))
        }
    }

    /// The fast path's outcome, and whether the bars came through it (not the generic fallback).
    static func fast(_ line: [UInt8], _ capture: PairArraysCapture) -> (Outcome, usedFastPath: Bool) {
        do {
            guard let (record, diagram) = try line.withUnsafeBytes({
                try RecordReader.parseDiagramLine($0, location: "in:7", capture: capture)
            }) else { return (.blank, false) }
            var fields = record.fields
            if capture.dimensions == nil { fields["diagrams"] = nil }
            return (.diagram(fields: fields, bars: bits(diagram)), capture.dimensions != nil)
        } catch {
            return (.failure(error as? ToolError ?? ToolError(.software, "unexpected \(error)")), capture.dimensions != nil)
        }
    }

    // MARK: random records with random formatting

    struct Writer {
        var rng: SplitMix

        mutating func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
        mutating func space() -> String { chance(60) ? "" : pick([" ", "\t", "  ", "\r", "\n ", " \t "]) }

        /// A JSON number text in one of many spellings: integers, fractions, exponents of both
        /// cases and signs, -0, long mantissas (strtod path), tiny and huge magnitudes.
        mutating func number() -> String {
            let digits = String(rng.next() % 1_000_000)
            switch rng.next() % 9 {
            case 0: return digits
            case 1: return "-\(digits)"
            case 2: return "0.\(digits)"
            case 3: return "\(digits).\(rng.next() % 1000)e\(pick(["", "+", "-"]))\(rng.next() % 20)"
            case 4: return "\(rng.next() % 10)E-\(rng.next() % 330)"
            case 5: return pick(["-0", "0", "-0.0", "0e0", "4.9e-324", "1.7976931348623157e308", "2.2250738585072011e-308"])
            case 6: return "\(digits)\(rng.next())\(rng.next()).\(rng.next())"
            case 7: return "0.000\(digits)"
            default: return String(Double(rng.next() % 10_000) / 997)
            }
        }

        /// `[birth, death]` with death ≥ birth (or null, an infinite death).
        mutating func pair() -> String {
            var (birth, death) = (number(), number())
            if let b = Double(birth), let d = Double(death), d < b { (birth, death) = (death, birth) }
            if chance(10) { death = "null" }
            return "[\(space())\(birth)\(space()),\(space())\(death)\(space())]"
        }

        mutating func list(_ count: Int, _ element: (inout Writer) -> String) -> String {
            let items = (0..<count).map { _ in element(&self) }
            return "[\(space())" + items.joined(separator: "\(space()),\(space())") + "\(space())]"
        }

        mutating func diagrams() -> String {
            list(Int(rng.next() % 4)) { w in w.list(Int(w.rng.next() % 7)) { $0.pair() } }
        }

        mutating func id() -> String {
            "\"" + pick(["m07/L2", "d\\u00e9\\ud83e\\udde0", "q\\\"uote\\\\", "tab\\tnew\\nline\\/", ""]) + "\(rng.next() % 100)\""
        }

        /// Nested meta, including a `diagrams` key whose bars are out of order: only the record's
        /// own `diagrams` is read as bars.
        mutating func meta() -> String {
            let entries = [
                "\"gap\":\(space())\(number())", "\"layers\":[64,\(space())[1,2],\(space())\"x\"]",
                "\"diagrams\":[[[9,1]]]", "\"nested\":{\"a\":{\"b\":[true,false,null,{}]}}", "\"s\":\"\\u00e9\"",
            ]
            let chosen = entries.filter { _ in chance(50) }
            return "{\(space())" + chosen.joined(separator: ",\(space())") + "\(space())}"
        }

        /// One record line: the fields in random order, sometimes an extra field or a second
        /// (ignored) `diagrams`.
        mutating func record() -> String {
            var fields = ["\"type\":\(space())\"diagram\"", "\"diagrams\":\(space())\(diagrams())"]
            if chance(80) { fields.append("\"id\":\(space())\(id())") }
            if chance(80) { fields.append("\"meta\":\(space())\(meta())") }
            if chance(20) { fields.append("\"note\":[1,\"x\",null,[[1,2]]]") }
            fields.shuffle(using: &rng)
            if chance(10) { fields.append("\"diagrams\":\"ignored\"") }
            return space() + "{" + space() + fields.joined(separator: "\(space()),\(space())") + space() + "}" + space()
        }
    }

    @Test func randomRecordsReadIdenticallyThroughBothPaths() {
        var writer = Writer(rng: SplitMix(state: 808))
        let capture = PairArraysCapture(key: "diagrams")
        var bars = 0
        for _ in 0..<3_000 {
            let line = Array(writer.record().utf8)
            let expected = Self.generic(line)
            let (outcome, usedFastPath) = Self.fast(line, capture)
            #expect(outcome == expected, "\(String(decoding: line, as: UTF8.self))")
            #expect(usedFastPath, "fell back on \(String(decoding: line, as: UTF8.self))")
            if case .diagram(_, let b) = outcome { bars += b.joined().count / 2 } else { Issue.record("not read: \(outcome)") }
        }
        #expect(bars > 10_000)
    }

    @Test(arguments: [
        #"{"type":"diagram","id":"d","diagrams":[[[2,1]]]}"#,
        #"{"type":"diagram","id":"d","diagrams":[[],[[0,1],[0.5,0.25]]]}"#,
        #"{"type":"diagram","diagrams":[[[0,1,2]]]}"#,
        #"{"type":"diagram","diagrams":[[[null,1]]]}"#,
        #"{"type":"diagram","diagrams":[[[null,null]]]}"#,
        #"{"type":"diagram","diagrams":[[[0,"1"]]]}"#,
        #"{"type":"diagram","diagrams":[[0,1]]}"#,
        #"{"type":"diagram","diagrams":[[[0]]]}"#,
        #"{"type":"diagram","diagrams":[[[]]]}"#,
        #"{"type":"diagram","diagrams":{"0":[]}}"#,
        #"{"type":"diagram","diagrams":7}"#,
        #"{"type":"diagram"}"#,
        #"{"type":"cloud","diagrams":[[[0,1]]]}"#,
        #"{"type":"diagram","diagrams":[[[0,1e999]]]}"#,
        #"{"type":"diagram","diagrams":[[[0,1],]]}"#,
        #"{"type":"diagram","diagrams":[[[0,1]],]}"#,
        #"{"type":"diagram","diagrams":[[[0,nul]]]}"#,
        #"{"type":"diagram","diagrams":[[[0,nullx]]]}"#,
        #"{"type":"diagram","diagrams":[[[0,01]]]}"#,
        #"{"type":"diagram","diagrams":[[[-,1]]]}"#,
        #"{"type":"diagram","diagrams":[[[0,1]]"#,
        #"{"type":"diagram","diagrams":[[[0,1]]],}"#,
        #"{"type":"diagram","diagrams":[[[5,1]]],"meta":{"x":tru}}"#,
        #"{"type":"diagram","diagrams":[[[0,1]]]} x"#,
        #"{"diagrams":[[[0,1]]]}"#,
        #"[[[0,1]]]"#,
        #"{"type":"diagram","id":"a\q","diagrams":[]}"#,
        "   ",
    ])
    func errorsMatchTheGenericPath(line: String) {
        let bytes = Array(line.utf8)
        let expected = Self.generic(bytes)
        #expect(Self.fast(bytes, PairArraysCapture(key: "diagrams")).0 == expected)
        if case .failure(let error) = expected {
            #expect(error.status == .dataError && error.message.hasPrefix("in:7: "), "\(error)")
        }
    }

    @Test func deathBeforeBirthNamesTheBar() {
        let line = Array(#"{"type":"diagram","id":"d","diagrams":[[],[[0,1],[0.5,0.25]]]}"#.utf8)
        let message = #"in:7: record "d" dimension 1 bar 1 dies before it is born (0.5, 0.25)"#
        #expect(Self.fast(line, PairArraysCapture(key: "diagrams")) == (.failure(ToolError(.dataError, message)), true))
    }

    /// Random byte mutations of valid lines: both paths agree (same bars or the same clean error);
    /// nothing traps. One capture serves every line, as in the reader.
    @Test func mutatedLinesAgreeWithTheGenericPath() {
        var writer = Writer(rng: SplitMix(state: 4242))
        var rng = SplitMix(state: 17)
        let capture = PairArraysCapture(key: "diagrams")
        let seeds = (0..<50).map { _ in Array(writer.record().utf8) }
        var read = 0, rejected = 0, fast = 0
        for round in 0..<20_000 {
            let line = ReaderFuzzTests().mutate(seeds[round % seeds.count], &rng)
            let expected = Self.generic(line)
            let (outcome, usedFastPath) = Self.fast(line, capture)
            #expect(outcome == expected, "\(String(decoding: line, as: UTF8.self))")
            if case .failure(let error) = outcome {
                #expect(error.status == .dataError, "\(error)")
                rejected += 1
            } else {
                read += 1
            }
            if usedFastPath { fast += 1 }
        }
        #expect(read > 1_000 && rejected > 1_000 && fast > 1_000)
    }
}
