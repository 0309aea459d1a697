/// Dietterich's 5×2cv paired t-test (Dietterich 1998, "Approximate statistical tests for comparing
/// supervised classification learning algorithms", eq. 7).
///
/// Five repetitions of 2-fold cross-validation give score differences pᵢ⁽ʲ⁾ = scoreA − scoreB on
/// fold j of repetition i; with p̄ᵢ = (pᵢ⁽¹⁾ + pᵢ⁽²⁾)/2 and sᵢ² = (pᵢ⁽¹⁾ − p̄ᵢ)² + (pᵢ⁽²⁾ − p̄ᵢ)²,
/// t = p₁⁽¹⁾ / √(Σᵢ sᵢ² / 5), compared with Student's t with 5 degrees of freedom (two-sided).
public struct FiveByTwoTTest: Sendable, Equatable, Codable {
    public var t: Double
    public var degreesOfFreedom: Int
    public var p: Double

    /// `differences[i]` holds the two fold differences of repetition i (five repetitions).
    public init(differences: [[Double]]) throws {
        guard differences.count == 5, differences.allSatisfy({ $0.count == 2 }) else {
            throw RegressionError.invalidFolds("the 5×2cv test needs 5 repetitions of 2 folds (--cv kfold:2x5)")
        }
        var variance = 0.0
        for pair in differences {
            let mean = (pair[0] + pair[1]) / 2
            variance += (pair[0] - mean) * (pair[0] - mean) + (pair[1] - mean) * (pair[1] - mean)
        }
        t = differences[0][0] / (variance / 5).squareRoot()
        degreesOfFreedom = 5
        p = SpecialFunctions.studentTTwoSidedP(t, degreesOfFreedom: 5)
    }
}
