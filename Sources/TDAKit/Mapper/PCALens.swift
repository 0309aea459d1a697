/// The first one or two principal components of the centred points, as scikit-learn's
/// `PCA(n_components=K).fit_transform(X)` including its sign convention: each component is
/// signed so that its largest-magnitude loading is positive (`svd_flip(...,
/// u_based_decision=False)`). Computed by the plots' `PrincipalComponents`, which uses that rule,
/// with room for 20 000 power iterations so nearly equal variances still converge.
public struct PCALens: Lens {
    public let components: Int

    public init(components: Int) { self.components = components }

    public func values(_ space: MetricSpace) throws -> Matrix<Double> {
        guard let x = space.points else { throw MapperError.needsPoints(lens: "pca:\(components)") }
        return PrincipalComponents(x, count: components, iterations: 20_000).projection
    }
}
