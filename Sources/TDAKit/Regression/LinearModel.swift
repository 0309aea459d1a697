/// A fitted linear model ŷ = intercept + Σⱼ coefficients[j] · xⱼ, in the units of the input features.
public struct LinearModel: Sendable, Codable, Equatable {
    public var coefficients: [Double]
    public var intercept: Double
    /// Numerical rank of the centred (and, for ridge, augmented) design matrix.
    public var rank: Int

    public init(coefficients: [Double], intercept: Double, rank: Int) {
        self.coefficients = coefficients
        self.intercept = intercept
        self.rank = rank
    }

    public func predict(_ x: Matrix<Double>) -> [Double] {
        (0..<x.rows).map { i in
            var sum = intercept
            for j in 0..<x.cols { sum += coefficients[j] * x[i, j] }
            return sum
        }
    }
}

/// Ordinary least squares or ridge, both with an unpenalised intercept, as scikit-learn's
/// `LinearRegression()` and `Ridge(alpha)`: features and target are centred, the centred problem is
/// solved, and the intercept is ȳ − x̄ · w.
public enum LinearModelKind: Sendable, Equatable {
    /// Least squares by pivoted Householder QR; rank-deficient designs get the minimum-norm
    /// solution, as scikit-learn's `lstsq`.
    case ordinaryLeastSquares
    /// Minimises ‖y − Xw‖² + α‖w‖², solved as the least-squares problem [X; √α I] w ≈ [y; 0]
    /// (no normal equations). `standardize` first divides each feature by its population SD
    /// (as `make_pipeline(StandardScaler(), Ridge(alpha))`; a constant feature keeps scale 1);
    /// coefficients are reported back in the original units.
    case ridge(alpha: Double, standardize: Bool)
    /// The baseline that ignores the features and predicts the training mean (held-out R² ≤ 0 up to
    /// the fold's mean shift), as scikit-learn's `DummyRegressor()`.
    case meanBaseline

    /// The features (column indices, ascending) that the pivoted QR of the centred design finds
    /// dependent on the others — constant, or linear combinations of other features. OLS gives
    /// them minimum-norm coefficients, as scikit-learn does; a user should know they add nothing.
    public static func dependentColumns(_ x: Matrix<Double>) -> [Int] {
        let n = x.rows, p = x.cols
        guard n > 0 else { return [] }
        let xMean = (0..<p).map { j in (0..<n).reduce(0.0) { $0 + x[$1, j] } / Double(n) }
        var design = x
        for i in 0..<n { for j in 0..<p { design[i, j] -= xMean[j] } }
        let qr = PivotedQR(design)
        return qr.permutation[qr.rank...].sorted()
    }

    /// Fits the model to rows of `x` and targets `y`. Throws for non-finite inputs, a constant
    /// target, and (OLS) fewer records than features + 1.
    public func fit(_ x: Matrix<Double>, _ y: [Double]) throws -> LinearModel {
        try Self.validate(x, y)
        if case .ordinaryLeastSquares = self, x.rows < x.cols + 1 {
            throw RegressionError.tooFewRecords(records: x.rows, features: x.cols)
        }
        let n = x.rows, p = x.cols
        if case .meanBaseline = self {
            return LinearModel(coefficients: [Double](repeating: 0, count: p), intercept: Statistics.mean(y), rank: 0)
        }
        let xMean = (0..<p).map { j in (0..<n).reduce(0.0) { $0 + x[$1, j] } / Double(n) }
        let yMean = y.reduce(0, +) / Double(n)
        var scale = [Double](repeating: 1, count: p)
        if case let .ridge(_, standardize) = self, standardize {
            scale = (0..<p).map { j in
                let sd = Statistics.populationStandardDeviation((0..<n).map { x[$0, j] })
                return sd == 0 ? 1 : sd
            }
        }
        var penalty = 0.0
        if case let .ridge(alpha, _) = self { penalty = alpha.squareRoot() }
        let extra = penalty > 0 ? p : 0
        var design = Matrix<Double>(rows: n + extra, cols: p)
        for i in 0..<n { for j in 0..<p { design[i, j] = (x[i, j] - xMean[j]) / scale[j] } }
        for j in 0..<extra { design[n + j, j] = penalty }
        let target = y.map { $0 - yMean } + [Double](repeating: 0, count: extra)
        let qr = PivotedQR(design)
        let w = zip(qr.solve(target), scale).map { $0 / $1 }
        let intercept = yMean - zip(xMean, w).reduce(0) { $0 + $1.0 * $1.1 }
        return LinearModel(coefficients: w, intercept: intercept, rank: qr.rank)
    }

    /// The name used on the command line and in reports.
    public var name: String {
        switch self {
        case .ordinaryLeastSquares: return "ols"
        case .ridge: return "ridge"
        case .meanBaseline: return "mean"
        }
    }

    static func validate(_ x: Matrix<Double>, _ y: [Double]) throws {
        guard x.rows == y.count else { throw RegressionError.shapeMismatch(rows: x.rows, targets: y.count) }
        for i in 0..<x.rows {
            for j in 0..<x.cols where !x[i, j].isFinite { throw RegressionError.nonFinite(row: i, column: j) }
            if !y[i].isFinite { throw RegressionError.nonFiniteTarget(row: i) }
        }
        guard let first = y.first, y.contains(where: { $0 != first }) else { throw RegressionError.constantTarget }
    }
}
