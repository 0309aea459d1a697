import Testing
@testable import TDAKit

/// `--features meta.FIELD`: baselines taken from the record's meta, next to vector values.
@Suite struct MetaFeatureTests {
    func records() throws -> [Record] {
        try (0..<4).map { i in
            var text = #"{"type":"vector","id":"m\#(i)","values":[\#(i).5,\#(10 * i)],"names":["a","b"],"meta":{"gap":\#(Double(i) / 10),"train_loss":\#(i * i)}}"#
            return try text.withUTF8 { try RecordReader.parseLine(UnsafeRawBufferPointer($0), location: "t:\(i + 1)")! }
        }
    }

    @Test func metaFieldsBecomeColumnsInItemOrder() throws {
        let data = try RegressionData(records: records(), target: FieldPath("meta.gap"), features: FeatureSelection("meta.train_loss,b"), group: nil)
        #expect(data.featureNames == ["meta.train_loss", "b"])
        #expect(data.x.storage == [0, 0, 1, 10, 4, 20, 9, 30])
        #expect(data.y == [0, 0.1, 0.2, 0.3])
    }

    @Test func missingMetaFieldNamesTheRecord() throws {
        var rs = try records()
        rs[2].fields["meta"] = .object(JSONObject([("gap", .number(0.2))]))
        #expect(throws: ToolError(.dataError, #"t:3: record "m2" has no field meta.train_loss"#)) {
            try RegressionData(records: rs, target: FieldPath("meta.gap"), features: FeatureSelection("meta.train_loss"), group: nil)
        }
    }
}
