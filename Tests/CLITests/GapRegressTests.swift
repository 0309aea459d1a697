import Foundation
import Testing
import TDAKit

@Suite struct GapRegressTests {
    /// 24 vector records: y = 1 + 2 x0 − x1 + small deterministic noise, 6 groups of 4.
    static let vectors = make()

    /// The records; `withoutTargetAt` names the target field `nogap` in that record.
    static func make(withoutTargetAt missing: Int? = nil) -> String {
        (0..<24).map { i in
            let x0 = Double(i % 7) / 3, x1 = Double((i * 5) % 11) / 4, noise = Double((i * 13) % 5 - 2) / 100
            let gap = 1 + 2 * x0 - x1 + noise, key = i == missing ? "nogap" : "gap"
            return #"{"type":"vector","id":"r\#(i)","values":[\#(x0),\#(x1)],"names":["a","b"],"meta":{"\#(key)":\#(gap),"model":"g\#(i % 6)","lr":"\#(i % 2)","depth":"\#(i % 3)"}}"#
        }.joined(separator: "\n") + "\n"
    }

    func number(_ record: JSONObject, _ path: String...) -> Double? {
        var value: JSONValue? = .object(record)
        for key in path { value = value?.objectValue?[key] }
        return value?.doubleValue
    }

    @Test func fitReportsHeldOutScoresAndSavesAModelThatPredicts() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let modelPath = "\(directory)/gap-model-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: modelPath) }
        let fit = try ToolProcess.run("gap-regress", ["fit", "--cv", "kfold:4x3", "--group", "meta.model", "--seed", "2",
                                                      "-o", modelPath, "--format", "report"], input: Self.vectors)
        #expect(fit.status == 0, "\(fit.stderr)")
        let report = try #require(fit.records.first)
        #expect(report["type"] == .string("report"))
        #expect(report["folds"]?.arrayElements?.count == 12)
        // The noise is at most 0.02 against a spread of about 1.5, so every held-out fit is nearly perfect.
        #expect((number(report, "r2", "min") ?? 0) > 0.97)
        guard case .numbers(let coef)? = report["coef"] else { throw CLIFixtureError.missing("coef") }
        #expect(abs(coef[0] - 2) < 0.02 && abs(coef[1] + 1) < 0.02)
        let predicted = try ToolProcess.run("gap-regress", ["predict", "--model", modelPath], input: Self.vectors)
        #expect(predicted.status == 0, "\(predicted.stderr)")
        let first = try #require(predicted.records.first)
        let intercept = try #require(number(report, "intercept"))
        let x = try first.numbers
        #expect(abs((number(first, "meta", "predicted_gap") ?? 0) - (intercept + coef[0] * x[0] + coef[1] * x[1])) < 1e-12)
        #expect(first["meta"]?.objectValue?["gap"] != nil)
    }

    @Test func sameSeedSameFoldsAndTableOnRequest() throws {
        let a = try ToolProcess.run("gap-regress", ["fit", "--seed", "9", "--format", "report"], input: Self.vectors)
        let b = try ToolProcess.run("gap-regress", ["fit", "--seed", "9", "--format", "report"], input: Self.vectors)
        #expect(a.status == 0 && a.stdout == b.stdout)
        let table = try ToolProcess.run("gap-regress", ["fit", "--format", "table"], input: Self.vectors)
        #expect(table.stdout.contains("r2 ") && table.stdout.contains("median"))
    }

    @Test func compareRunsTheFiveByTwoTest() throws {
        let a = try ToolProcess.file(Self.vectors)
        let b = try ToolProcess.file(Self.vectors)
        defer { for f in [a, b] { try? FileManager.default.removeItem(atPath: f) } }
        let result = try ToolProcess.run("gap-regress", ["compare", a, b, "--features", "a", "--format", "report"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(result.records.first)
        #expect(number(report, "df") == 5)
        // The same features on both sides: every difference is 0, so t is NaN and written as null.
        #expect(report["t"] == .null)
        let wrongCV = try ToolProcess.run("gap-regress", ["compare", a, b, "--cv", "kfold:5x2"])
        #expect(wrongCV.status == 64)
    }

    @Test func cmiScoresOneFeature() throws {
        let result = try ToolProcess.run("gap-regress", ["cmi", "--features", "a", "--hparams", "meta.lr,meta.depth",
                                                         "--format", "report"], input: Self.vectors)
        #expect(result.status == 0, "\(result.stderr)")
        let score = try #require(result.records.first.flatMap { number($0, "cmi") })
        #expect(score > 0 && score <= 1)
    }

    /// Each process hashes dictionary keys with its own seed; the score must not depend on it.
    @Test func cmiIsByteIdenticalAcrossRuns() throws {
        let outputs = try (0..<6).map { _ in
            try ToolProcess.run("gap-regress", ["cmi", "--features", "b", "--hparams", "meta.lr,meta.depth,meta.model",
                                                "--format", "report"], input: Self.vectors).stdout
        }
        #expect(Set(outputs).count == 1, "\(Set(outputs))")
    }

    @Test func badInputIsNamed() throws {
        let few = try ToolProcess.run("gap-regress", ["fit"], input: Self.vectors.split(separator: "\n").prefix(2).joined(separator: "\n") + "\n")
        #expect(few.status == 65)
        #expect(few.stderr.contains("needs at least 3"))
        let noTarget = try ToolProcess.run("gap-regress", ["fit"], input: Self.make(withoutTargetAt: 5))
        #expect(noTarget.status == 65)
        #expect(noTarget.stderr.contains("\"r5\""))
        let constant = try ToolProcess.run("gap-regress", ["fit", "--target", "meta.lr"], input: Self.vectors)
        #expect(constant.status == 65)
        let cv = try ToolProcess.run("gap-regress", ["fit", "--cv", "kfold:1"], input: Self.vectors)
        #expect(cv.status == 64)
        let typo = try ToolProcess.run("gap-regress", ["fit", "--features", "aa"], input: Self.vectors)
        #expect(typo.status == 64 && typo.stderr.contains("did you mean 'a'?"))
    }
}
