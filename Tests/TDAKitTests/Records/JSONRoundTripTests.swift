import Testing
@testable import TDAKit

@Suite struct JSONRoundTripTests {

    func roundTrip(_ value: JSONValue) throws -> JSONValue {
        try JSONParser.parse(try JSONWriter.string(value))
    }

    @Test func randomDoublesSurviveWriteAndRead() throws {
        var rng = SplitMix(state: 1)
        var xs: [Double] = [0, -0.0, 1e308, -1e308, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 0.1, 1.0 / 3.0]
        for _ in 0..<20_000 {
            let x = Double(bitPattern: rng.next())
            if x.isFinite { xs.append(x) }
            xs.append(Double(rng.next() % 1_000_000) / 1000)
        }
        guard case .numbers(let back) = try roundTrip(.numbers(xs)) else { Issue.record("not read back as numbers"); return }
        #expect(back.count == xs.count)
        let mismatches = zip(back, xs).filter { $0.bitPattern != $1.bitPattern }
        #expect(mismatches.isEmpty, "\(mismatches.count) values changed, first: \(mismatches.prefix(3))")
    }

    /// A table held flat (`.rows`, as CSV and .npy inputs and written clouds are) is written,
    /// compared and read as a matrix exactly as the nested arrays it stands for.
    @Test func flatRowsAreTheNestedArraysTheyStandFor() throws {
        let m = Matrix(rows: 3, cols: 2, storage: [0.1, -2, 1e300, 0, 3.5, 1.0 / 3.0])
        let nested = JSONValue.array(m.rowArrays.map(JSONValue.numbers))
        #expect(try JSONWriter.string(.rows(m)) == JSONWriter.string(nested))
        var float32 = [UInt8](), float32Nested = [UInt8]()
        try JSONWriter.write(.rows(m), to: &float32, arrays: .float32)
        try JSONWriter.write(nested, to: &float32Nested, arrays: .float32)
        #expect(float32 == float32Nested)
        #expect(JSONValue.rows(m) == nested && nested == .rows(m))
        #expect(JSONValue.rows(m) != .rows(Matrix(rows: 2, cols: 3, storage: m.storage)))
        #expect(JSONValue.rows(m) != .number(1) && JSONValue.rows(Matrix(rows: 0, cols: 0)) == .numbers([]))
        let record = Record(type: "cloud", id: "a", meta: JSONObject(), payload: [("points", .rows(m))])
        #expect(try record.matrix("points") == m)
        #expect(try roundTrip(.rows(m)) == .rows(m))
        #expect(throws: JSONWriter.NotANumber.self) { try JSONWriter.string(.rows(Matrix(rows: 1, cols: 1, storage: [.nan]))) }
    }

    @Test func infinityIsWrittenAsNullAndNaNIsRefused() throws {
        #expect(try JSONWriter.string(.array([.number(1), .number(.infinity)])) == "[1,null]")
        #expect(throws: JSONWriter.NotANumber.self) { try JSONWriter.string(.numbers([1, .nan])) }
    }

    @Test func escapesAndUnicodeSurvive() throws {
        let tricky = "quote\" backslash\\ slash/ tab\t newline\n cr\r bell\u{07} é ∞ 🧠 \u{0}"
        let value = JSONValue.object(JSONObject([("id", .string(tricky)), ("meta", .object(JSONObject([("ключ", .string("значение"))])))]))
        #expect(try roundTrip(value) == value)
    }

    @Test func parsesEscapesWrittenByOthers() throws {
        let parsed = try JSONParser.parse(#"{"s":"\u00e9\ud83e\udde0\/\b\f","t":[1,"a",null,true,{"k":[]}]}"#)
        #expect(parsed.objectValue?["s"]?.stringValue == "é🧠/\u{08}\u{0C}")
        #expect(parsed.objectValue?["t"] == .array([.number(1), .string("a"), .null, .bool(true), .object(JSONObject([("k", .numbers([]))]))]))
    }

    @Test func keepsKeyOrderOfNestedMeta() throws {
        let text = #"{"type":"vector","meta":{"z":1,"a":{"y":[1,2.5],"b":"x"}},"values":[0.5]}"#
        #expect(try JSONWriter.string(try JSONParser.parse(text)) == text)
    }

    @Test(arguments: [(String, String)]([
        (#"{"a":1"#, "column 7: malformed JSON: unexpected end of line inside an object"),
        (#"{"a":1,}"#, "column 8: malformed JSON: unexpected '}' in an object, expected a key string"),
        (#"{"a":[1,2}"#, "column 10: malformed JSON: unexpected '}' in an array, expected ',' or ']'"),
        (#"{"a":tru}"#, "column 6: malformed JSON: unexpected 't', expected a value"),
        (#"{"a":"x\q"}"#, #"column 9: malformed JSON: invalid escape '\q' in a string"#),
        (#"{"a":01}"#, "column 7: malformed JSON: unexpected '1' in an object, expected ',' or '}'"),
        (#"{"a":1e999}"#, "column 6: malformed JSON: number out of the range of a double"),
        (#"{"a":NaN}"#, "column 6: malformed JSON: NaN is not a number a record can hold"),
        (#"{"a":Infinit}"#, "column 6: malformed JSON: unexpected 'I', expected a value"),
        (#"{"a":[1,-Infinity]}"#, "column 9: malformed JSON: -Infinity is not a number a record can hold (an infinite death is null or Infinity)"),
        (#"{"a":1} x"#, "column 9: malformed JSON: unexpected 'x' after the JSON value"),
        (#"{"a":"\ud800"}"#, #"column 13: malformed JSON: unpaired surrogate \ud800 in a string"#),
        ("[1,2]", "a record must be a JSON object, not an array"),
        (#"{"id":"x"}"#, "record has no string \"type\" field"),
    ]))
    func malformedLinesGiveExactMessages(line: String, message: String) {
        var text = line
        let error: ToolError? = text.withUTF8 { bytes -> ToolError? in
            do {
                _ = try RecordReader.parseLine(UnsafeRawBufferPointer(bytes), location: "stdin:3")
                return nil
            } catch {
                return error as? ToolError
            }
        }
        #expect(error?.message == "stdin:3: \(message)")
        #expect(error?.status == .dataError)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }
}
