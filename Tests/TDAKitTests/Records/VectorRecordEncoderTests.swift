import Testing
@testable import TDAKit

/// `VectorRecordEncoder` writes exactly the bytes of the generic writer (`JSONWriter` on
/// `VectorRecord.record`), and refuses NaN as it does.
@Suite struct VectorRecordEncoderTests {
    static func generic(_ vector: VectorRecord) -> [UInt8]? {
        var bytes: [UInt8] = []
        guard (try? JSONWriter.write(.object(vector.record.fields), to: &bytes)) != nil else { return nil }
        return bytes + [0x0A]
    }

    @Test func encodesTheSameBytesAsTheGenericWriter() {
        var rng = SplitMix(state: 12)
        let texts = ["landscape.H1.l1_x0", "quote\"back\\slash", "é🧠", "tab\tnew\nline\u{1}", ""]
        for round in 0..<500 {
            let names: [String]? = round % 4 == 0 ? nil : (0..<Int(rng.next() % 6)).map { texts[Int(rng.next() % 5)] + "\($0)" }
            let encoder = VectorRecordEncoder(names: names)
            let values = (0..<(names?.count ?? Int(rng.next() % 6))).map { _ -> Double in
                [Double(rng.next() % 100), Double(bitPattern: rng.next() >> 2), -0.0, .infinity, 1e-310][Int(rng.next() % 5)]
            }
            let meta = JSONObject([("gap", .number(0.125)), ("model", .string("m\(round)")), ("k", .array([.null, .bool(true)]))])
            let id: String? = round % 3 == 0 ? nil : texts[Int(rng.next() % 5)]
            let vector = VectorRecord(id: id, meta: round % 5 == 0 ? JSONObject() : meta, values: values, names: names)
            var out: [UInt8] = [7]
            let appended = encoder.append(id: vector.id, meta: vector.meta, values: values, to: &out)
            #expect(appended && out == [7] + (Self.generic(vector) ?? []))
        }
    }

    @Test func refusesNaN() {
        let encoder = VectorRecordEncoder(names: ["a", "b"])
        var out: [UInt8] = [7]
        #expect(!encoder.append(id: "v", meta: JSONObject(), values: [1, .nan], to: &out) && out == [7])
        #expect(!encoder.append(id: "v", meta: JSONObject([("x", .number(.nan))]), values: [1, 2], to: &out) && out == [7])
    }
}
