/// How `gap-regress` writes its results: JSON values for the `report` record, and the same
/// report as an aligned text table for a terminal.
public enum ReportFormat {
    /// A number, or null for NaN (a rank correlation of constant predictions), which the record
    /// protocol never writes.
    public static func number(_ x: Double) -> JSONValue { x.isNaN ? .null : .number(x) }

    public static func summary(_ s: ScoreSummary) -> JSONValue {
        .object(JSONObject([("mean", number(s.mean)), ("sd", number(s.sd)), ("median", number(s.median)),
                            ("min", number(s.min)), ("max", number(s.max))]))
    }

    /// Summaries of every score and the per-fold table.
    public static func scores(_ report: CrossValidationReport) -> [(String, JSONValue)] {
        let folds: [JSONValue] = report.folds.map { f in
            .object(JSONObject([("repetition", .number(Double(f.repetition))), ("fold", .number(Double(f.fold))),
                                ("r2", number(f.r2)), ("mae", number(f.meanAbsoluteError)),
                                ("rmse", number(f.rootMeanSquaredError)), ("kendall", number(f.kendallTau)),
                                ("spearman", number(f.spearmanRho))]))
        }
        return [("r2", summary(report.r2)), ("mae", summary(report.meanAbsoluteError)),
                ("rmse", summary(report.rootMeanSquaredError)), ("kendall", summary(report.kendallTau)),
                ("spearman", summary(report.spearmanRho)), ("folds", .array(folds))]
    }

    /// Fields a table leaves out: per-fold and per-record detail that the report record keeps.
    static let tableOmits: Set<String> = ["type", "meta", "folds", "ids", "targets", "predictions"]

    /// Scalars as `key  value` lines, summaries as rows of a mean/SD/median/min/max table.
    public static func table(_ report: Record) -> String {
        var scalars: [(String, String)] = [], rows: [(String, [String])] = []
        for (key, value) in report.fields.entries where !tableOmits.contains(key) {
            if case .object(let o) = value, o["mean"] != nil {
                rows.append((key, ["mean", "sd", "median", "min", "max"].map { text(o[$0]) }))
            } else {
                scalars.append((key, text(value)))
            }
        }
        let keyWidth = (scalars.map(\.0.count) + rows.map(\.0.count)).max() ?? 0
        var out = scalars.map { pad($0.0, keyWidth) + "  " + $0.1 }.joined(separator: "\n") + "\n"
        if !rows.isEmpty {
            out += "\n" + pad("", keyWidth) + ["mean", "sd", "median", "min", "max"].map { "  " + pad($0, 10) }.joined() + "\n"
            for (key, values) in rows { out += pad(key, keyWidth) + values.map { "  " + pad($0, 10) }.joined() + "\n" }
        }
        return out
    }

    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .number(let x)?: return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : formatted(x)
        case .string(let s)?: return s
        case .numbers(let xs)?: return xs.map(formatted).joined(separator: " ")
        case .array(let xs)?: return xs.map { text($0) }.joined(separator: " ")
        case .null?, nil: return "-"
        case let other?: return (try? JSONWriter.string(other)) ?? ""
        }
    }

    /// Four significant decimals, enough to read a table.
    static func formatted(_ x: Double) -> String {
        let scaled = (x * 10_000).rounded() / 10_000
        return "\(scaled)"
    }

    static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
}
