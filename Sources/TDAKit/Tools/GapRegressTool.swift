#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `gap-regress` tool: predict the generalization gap from topological features.
///
/// `fit` cross-validates a linear model (held-out R², MAE, RMSE, Kendall τ, Spearman ρ per fold)
/// and can save the model fitted on all records; `predict` applies a saved model; `compare` runs
/// Dietterich's 5×2cv paired t-test between two feature files.
public enum GapRegressTool {
    static let modelOptions = [
        OptionSpec("method", .choice(["ols", "ridge", "mean"]), default: "ols", help: "Linear model (mean: the training-mean baseline)."),
        OptionSpec("ridge", .number, placeholder: "ALPHA", help: "Ridge penalty α (implies --method ridge)."),
        OptionSpec("standardize", help: "Ridge: divide features by their population SD first."),
        OptionSpec("group", .text, placeholder: "FIELD", help: "Keep records with equal FIELD in one fold (e.g. meta.model)."),
        OptionSpec("folds", .file, help: "Explicit folds: a JSON array of {\"repetition\", \"index\", \"test\": [record indices]}."),
        OptionSpec("format", .choice(["auto", "report", "table"]), default: "auto", help: "Report record, or a table (auto: table on a terminal)."),
    ]

    public static let spec = ToolSpec(
        name: "gap-regress",
        summary: "predict the generalization gap from topological features",
        options: [
            OptionSpec("target", .text, default: "meta.gap", placeholder: "FIELD", help: "Target field."),
            OptionSpec("features", .text, placeholder: "LIST", help: "Features: value indices, ranges a-b, names, name prefixes ending in *, or numeric meta fields (meta.train_loss)."),
            StandardOptions.seed,
            StandardOptions.inputFormat(table: "vector table (a row per record: id, values, meta.KEY columns)"),
        ],
        subcommands: [
            SubcommandSpec("fit", summary: "cross-validated held-out scores; -o saves the model fitted on all records",
                           options: modelOptions + [
                            OptionSpec("cv", .text, default: "kfold:5x2", placeholder: "kfold:KxR", help: "K folds repeated R times."),
                            OptionSpec("output", short: "o", .file, help: "Save the model fitted on all records to FILE (JSON)."),
                           ]),
            SubcommandSpec("predict", summary: "add meta.predicted_gap to each vector record", options: [
                OptionSpec("model", .file, placeholder: "FILE", help: "A model saved by 'fit -o'."),
            ]),
            SubcommandSpec("compare", summary: "Dietterich's 5×2cv paired t-test between feature files A and B",
                           options: modelOptions + [
                            OptionSpec("cv", .text, default: "kfold:2x5", placeholder: "kfold:2x5", help: "Must be 2 folds × 5 repeats."),
                            OptionSpec("features-b", .text, placeholder: "LIST", help: "Features of B when they differ from --features (A and B may then be one file)."),
                           ], operandPlaceholder: "A B"),
            SubcommandSpec("cmi", summary: "PGDL conditional mutual information of one feature against the target", options: [
                OptionSpec("hparams", .text, placeholder: "FIELD,...", help: "Hyper-parameter fields to condition on (e.g. meta.lr,meta.depth)."),
                OptionSpec("format", .choice(["auto", "report", "table"]), default: "auto", help: "Report record, or a table (auto: table on a terminal)."),
            ]),
        ],
        defaultSubcommand: "fit"
    )

    public static func run(_ context: ToolContext) throws {
        switch context.arguments.subcommand {
        case "predict": try runPredict(context)
        case "compare": try runCompare(context)
        case "cmi": try runConditionalMutualInformation(context)
        default: try runFit(context)
        }
    }

    static func kind(_ args: ParsedArguments) throws -> LinearModelKind {
        if let alpha = args.double("ridge") {
            guard alpha >= 0 else { throw ToolError.usage("--ridge wants α ≥ 0") }
            return .ridge(alpha: alpha, standardize: args.flag("standardize"))
        }
        switch args.string("method") {
        case "ridge": return .ridge(alpha: 1, standardize: args.flag("standardize"))
        case "mean": return .meanBaseline
        default: return .ordinaryLeastSquares
        }
    }

    static func data(_ records: [Record], _ args: ParsedArguments, featureOption: String = "features") throws -> RegressionData {
        try RegressionData(records: records, target: FieldPath(args.string("target") ?? "meta.gap"),
                           features: FeatureSelection(args.string(featureOption) ?? args.string("features")),
                           group: args.string("group").map(FieldPath.init))
    }

    static func folds(_ data: RegressionData, _ context: ToolContext) throws -> [Fold] {
        let args = context.arguments
        if let path = args.string("folds") {
            let text = try readText(path)
            let folds: [Fold]
            do { folds = try FoldFile.parse(text) } catch let error as RegressionError { throw ToolError.data(path, error.description) }
            for fold in folds where fold.test.contains(where: { !(0..<data.y.count).contains($0) }) {
                throw ToolError.data(path, "fold \(fold.repetition)/\(fold.index) names a record outside 0..<\(data.y.count)")
            }
            return folds
        }
        var generator = Xoshiro256StarStar(seed: context.seed)
        return try RepeatedKFold(parsing: args.string("cv") ?? "kfold:5x2")
            .splits(count: data.y.count, groups: data.groups, generator: &generator)
    }

    static func runFit(_ context: ToolContext) throws {
        let args = context.arguments
        let data = try data(StandardOptions.records(context, paths: args.operands, tableType: "vector"), args)
        let kind = try kind(args)
        let model = try kind.fit(data.x, data.y)
        if case .ordinaryLeastSquares = kind, model.rank < data.x.cols {
            let dependent = LinearModelKind.dependentColumns(data.x).map { data.featureNames[$0] }
            context.warn("the design matrix is rank-deficient (rank \(model.rank) of \(data.x.cols) features): "
                + "\(dependent.joined(separator: ", ")) are constant or combinations of the others and add nothing (minimum-norm OLS)")
        }
        let folds = try folds(data, context)
        let report = try CrossValidationReport(kind: kind, x: data.x, y: data.y, folds: folds)
        if let path = args.string("output") {
            let out = try context.output(path)
            try out.append(try JSONWriter.string(RegressionModelFile(kind: kind, target: args.string("target") ?? "meta.gap",
                                                           features: data.featureNames, model: model).json) + "\n")
        }
        let payload: [(String, JSONValue)] = [
            ("model", .string(kind.name)), ("records", .number(Double(data.y.count))),
            ("features", .array(data.featureNames.map(JSONValue.string))), ("rank", .number(Double(model.rank))),
            ("coef", .numbers(model.coefficients)), ("intercept", .number(model.intercept)),
            ("cv", .string(args.isSet("folds") ? "file" : args.string("cv") ?? "kfold:5x2")),
        ] + ReportFormat.scores(report) + [
            // Per record: the held-out prediction (mean over repetitions) against the target.
            ("ids", .array(data.ids.map(JSONValue.string))), ("targets", .numbers(data.y)),
            ("predictions", .array(report.heldOutPredictions.map(ReportFormat.number))),
        ]
        try emit(Record(type: "report", id: "fit", meta: JSONObject(), payload: payload), context)
    }

    static func runPredict(_ context: ToolContext) throws {
        guard let path = context.arguments.string("model") else { throw ToolError.usage("predict needs --model FILE") }
        let saved = try RegressionModelFile.parse(readText(path), name: path)
        let reader = context.recordReader()
        let writer = try context.recordWriter()
        var columns: [FeatureSelection.Column] = [], width: Int?
        while let record = try reader.next() {
            var vector = try VectorRecord(record)
            if width == nil {
                width = vector.values.count
                columns = try FeatureSelection(saved.features.joined(separator: ","))
                    .columns(count: vector.values.count, names: vector.names ?? (0..<vector.values.count).map { "x\($0)" })
            }
            guard vector.values.count == width else {
                throw record.error("has \(vector.values.count) values, the first vector has \(width ?? 0)")
            }
            var row: [Double] = []
            for column in columns { row.append(try column.number(in: record, values: vector.values)) }
            let prediction = saved.model.predict(Matrix(rows: 1, cols: row.count, storage: row))[0]
            vector.meta["predicted_gap"] = .number(prediction)
            var out = record
            out.fields["meta"] = .object(vector.meta)
            try writer.write(out)
        }
    }

    static func runCompare(_ context: ToolContext) throws {
        let args = context.arguments
        guard args.operands.count == 2 else { throw ToolError.usage("compare needs two vector files A B") }
        let a = try data(StandardOptions.records(context, paths: [args.operands[0]], tableType: "vector"), args)
        let b = try data(StandardOptions.records(context, paths: [args.operands[1]], tableType: "vector"), args, featureOption: "features-b")
        guard a.ids == b.ids else {
            throw ToolError(.dataError, "\(args.operands[0]) and \(args.operands[1]) must hold the same ids in the same order")
        }
        guard a.y == b.y else { throw ToolError(.dataError, "A and B give different targets for the same ids") }
        let kind = try kind(args)
        let folds = try folds(a, context)
        let reportA = try CrossValidationReport(kind: kind, x: a.x, y: a.y, folds: folds)
        let reportB = try CrossValidationReport(kind: kind, x: b.x, y: b.y, folds: folds)
        guard folds.count == 10, Set(folds.map(\.repetition)) == Set(0..<5), Set(folds.map(\.index)) == Set(0..<2) else {
            throw ToolError.usage("compare needs 5 repetitions of 2 folds (--cv kfold:2x5)")
        }
        func r2(_ report: CrossValidationReport, _ i: Int, _ j: Int) -> Double {
            report.folds.first { $0.repetition == i && $0.fold == j }?.r2 ?? .nan
        }
        let differences = (0..<5).map { i in (0..<2).map { j in r2(reportA, i, j) - r2(reportB, i, j) } }
        let test = try FiveByTwoTTest(differences: differences)
        let payload: [(String, JSONValue)] = [
            ("model", .string(kind.name)), ("records", .number(Double(a.y.count))),
            ("t", ReportFormat.number(test.t)), ("df", .number(Double(test.degreesOfFreedom))), ("p", ReportFormat.number(test.p)),
            ("r2_a", ReportFormat.summary(reportA.r2)), ("r2_b", ReportFormat.summary(reportB.r2)),
            ("differences", .array(differences.map { .array($0.map(ReportFormat.number)) })),
        ]
        try emit(Record(type: "report", id: "compare", meta: JSONObject(), payload: payload), context)
    }

    static func runConditionalMutualInformation(_ context: ToolContext) throws {
        let args = context.arguments
        let records = try StandardOptions.records(context, paths: args.operands, tableType: "vector")
        let data = try data(records, args)
        guard data.x.cols == 1 else {
            throw ToolError.usage("cmi scores one feature: select it with --features (now \(data.x.cols) values)")
        }
        guard data.y.contains(where: { $0 != data.y[0] }) else { throw RegressionError.constantTarget }
        let fields = (args.string("hparams") ?? "").split(separator: ",").map { FieldPath(String($0)) }
        let labels = try fields.map { field in try records.map { try field.label(in: $0) } }
        let score = ConditionalMutualInformation.score(measure: data.x.storage, gap: data.y, hyperparameters: labels)
        let payload: [(String, JSONValue)] = [
            ("feature", .string(data.featureNames[0])), ("records", .number(Double(data.y.count))),
            ("hparams", .array(fields.map { .string($0.description) })), ("cmi", ReportFormat.number(score)),
        ]
        try emit(Record(type: "report", id: "cmi", meta: JSONObject(), payload: payload), context)
    }

    /// A `report` record, or (`--format table`, or `auto` on a terminal) the same as a readable table.
    static func emit(_ report: Record, _ context: ToolContext) throws {
        let format = context.arguments.string("format") ?? "auto"
        if format == "table" || (format == "auto" && isatty(1) != 0) {
            try context.standardOutput.append(ReportFormat.table(report))
        } else {
            try context.recordWriter("-").write(report)
        }
    }

    static func readText(_ path: String) throws -> String { try readLines(path).joined(separator: "\n") }
}
