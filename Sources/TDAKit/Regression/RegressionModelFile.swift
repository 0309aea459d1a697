/// A fitted model saved by `gap-regress fit -o FILE`: one JSON object
/// `{"type": "linear-model", "kind", "target", "features": [names], "coef", "intercept", "rank"}`.
public struct RegressionModelFile: Sendable {
    public var kind: String
    public var target: String
    public var features: [String]
    public var model: LinearModel

    public init(kind: LinearModelKind, target: String, features: [String], model: LinearModel) {
        self.kind = kind.name
        self.target = target
        self.features = features
        self.model = model
    }

    public var json: JSONValue {
        .object(JSONObject([("type", .string("linear-model")), ("kind", .string(kind)), ("target", .string(target)),
                            ("features", .array(features.map(JSONValue.string))), ("coef", .numbers(model.coefficients)),
                            ("intercept", .number(model.intercept)), ("rank", .number(Double(model.rank)))]))
    }

    /// Reads a saved model; `name` (the file) prefixes error messages.
    public static func parse(_ text: String, name: String) throws -> RegressionModelFile {
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch { throw ToolError.data(name, "is not JSON: \(error.message)") }
        guard let o = value.objectValue, o["type"]?.stringValue == "linear-model",
              let kind = o["kind"]?.stringValue, let target = o["target"]?.stringValue,
              let features = o["features"]?.arrayElements?.compactMap(\.stringValue),
              case .numbers(let coef)? = o["coef"], coef.count == features.count,
              let intercept = o["intercept"]?.doubleValue else {
            throw ToolError.data(name, "is not a linear model saved by 'gap-regress fit -o'")
        }
        var file = RegressionModelFile(kind: .ordinaryLeastSquares, target: target, features: features,
                             model: LinearModel(coefficients: coef, intercept: intercept, rank: o["rank"]?.intValue ?? 0))
        file.kind = kind
        return file
    }
}

/// Explicit folds for `--folds FILE`: a JSON array of `{"repetition": r, "index": k, "test": [i, ...]}`.
public enum FoldFile {
    public static func parse(_ text: String) throws -> [Fold] {
        guard let value = try? JSONParser.parse(text), let items = value.arrayElements else {
            throw RegressionError.invalidFolds("expected a JSON array of folds")
        }
        return try items.map { item in
            guard let o = item.objectValue, let r = o["repetition"]?.intValue, let k = o["index"]?.intValue,
                  let test = o["test"]?.arrayElements?.compactMap(\.intValue) else {
                throw RegressionError.invalidFolds("each fold needs integer repetition, index and test indices")
            }
            return Fold(repetition: r, index: k, test: test.sorted())
        }
    }
}
