/// Held-out scores of one fold.
public struct FoldScore: Sendable, Codable, Equatable {
    public var repetition: Int
    public var fold: Int
    public var r2: Double
    public var meanAbsoluteError: Double
    public var rootMeanSquaredError: Double
    public var kendallTau: Double
    public var spearmanRho: Double
}

/// Mean, population SD, median, minimum and maximum of a per-fold score (the paper's table).
public struct ScoreSummary: Sendable, Codable, Equatable {
    public var mean: Double
    public var sd: Double
    public var median: Double
    public var min: Double
    public var max: Double

    public init(_ values: [Double]) {
        mean = Statistics.mean(values)
        sd = Statistics.populationStandardDeviation(values)
        median = Statistics.median(values)
        min = values.min() ?? .nan
        max = values.max() ?? .nan
    }
}

/// The result of cross-validating one model on given folds.
public struct CrossValidationReport: Sendable, Codable, Equatable {
    public var folds: [FoldScore]
    /// Each record's held-out prediction, averaged over the repetitions that held it out
    /// (NaN for a record no fold held out) — what a predicted-vs-true plot shows.
    public var heldOutPredictions: [Double]
    public var r2: ScoreSummary { ScoreSummary(folds.map(\.r2)) }
    public var meanAbsoluteError: ScoreSummary { ScoreSummary(folds.map(\.meanAbsoluteError)) }
    public var rootMeanSquaredError: ScoreSummary { ScoreSummary(folds.map(\.rootMeanSquaredError)) }
    public var kendallTau: ScoreSummary { ScoreSummary(folds.map(\.kendallTau)) }
    public var spearmanRho: ScoreSummary { ScoreSummary(folds.map(\.spearmanRho)) }

    /// Fits `kind` on each fold's training records and scores its predictions on the held-out ones.
    public init(kind: LinearModelKind, x: Matrix<Double>, y: [Double], folds: [Fold]) throws {
        var sums = [Double](repeating: 0, count: x.rows), counts = [Int](repeating: 0, count: x.rows)
        self.folds = try folds.map { fold in
            let train = fold.train(count: x.rows)
            let model = try kind.fit(Self.rows(train, of: x), train.map { y[$0] })
            let truth = fold.test.map { y[$0] }
            let predicted = model.predict(Self.rows(fold.test, of: x))
            for (i, p) in zip(fold.test, predicted) { sums[i] += p; counts[i] += 1 }
            return FoldScore(repetition: fold.repetition, fold: fold.index,
                             r2: RegressionMetrics.r2(truth: truth, predicted: predicted),
                             meanAbsoluteError: RegressionMetrics.meanAbsoluteError(truth: truth, predicted: predicted),
                             rootMeanSquaredError: RegressionMetrics.rootMeanSquaredError(truth: truth, predicted: predicted),
                             kendallTau: RankCorrelation.kendallTau(predicted, truth),
                             spearmanRho: RankCorrelation.spearmanRho(predicted, truth))
        }
        heldOutPredictions = zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : .nan }
    }

    static func rows(_ indices: [Int], of x: Matrix<Double>) -> Matrix<Double> {
        var out = Matrix<Double>(rows: indices.count, cols: x.cols)
        for (r, i) in indices.enumerated() { for j in 0..<x.cols { out[r, j] = x[i, j] } }
        return out
    }
}
