/// Scores of predictions against true targets, with scikit-learn's and scipy's conventions.
public enum RegressionMetrics {
    /// The coefficient of determination 1 − SS_res / SS_tot around the mean of `truth`, as
    /// `sklearn.metrics.r2_score`; for a constant `truth` it is 1 if the predictions are exact,
    /// else 0 (scikit-learn's `force_finite`).
    public static func r2(truth: [Double], predicted: [Double]) -> Double {
        let mean = Statistics.mean(truth)
        var residual = 0.0, total = 0.0
        for (t, p) in zip(truth, predicted) {
            residual += (t - p) * (t - p)
            total += (t - mean) * (t - mean)
        }
        guard total != 0 else { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }

    /// Mean absolute error.
    public static func meanAbsoluteError(truth: [Double], predicted: [Double]) -> Double {
        Statistics.mean(zip(truth, predicted).map { abs($0 - $1) })
    }

    /// Root mean squared error.
    public static func rootMeanSquaredError(truth: [Double], predicted: [Double]) -> Double {
        Statistics.mean(zip(truth, predicted).map { ($0 - $1) * ($0 - $1) }).squareRoot()
    }
}
