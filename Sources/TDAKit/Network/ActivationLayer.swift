/// The element-wise non-linearities, by their architecture-string names (PyTorch's definitions).
public enum ActivationFunction: String, CaseIterable, Sendable {
    case relu, tanh, sigmoid, gelu, identity

    /// f(x).
    @inlinable
    func value(_ x: Float) -> Float {
        switch self {
        case .relu: return x > 0 ? x : 0
        case .tanh: return tanhValue(x)
        case .sigmoid: return 1 / (1 + expValue(-x))
        // Exact erf form, PyTorch's default `nn.GELU(approximate='none')`.
        case .gelu: return 0.5 * x * (1 + erfValue(x * 0.70710678118654752))
        case .identity: return x
        }
    }

    /// f'(x), given both x and y = f(x).
    @inlinable
    func derivative(x: Float, y: Float) -> Float {
        switch self {
        case .relu: return x > 0 ? 1 : 0
        case .tanh: return 1 - y * y
        case .sigmoid: return y * (1 - y)
        case .gelu:
            let cdf = 0.5 * (1 + erfValue(x * 0.70710678118654752))
            let pdf = expValue(-0.5 * x * x) * 0.39894228040143268
            return cdf + x * pdf
        case .identity: return 1
        }
    }
}

/// Applies an `ActivationFunction` to every value.
public final class ActivationLayer: Layer {
    public let function: ActivationFunction
    public let inputShape: TensorShape
    private var input = Matrix<Float>(rows: 0, cols: 0)
    private var output = Matrix<Float>(rows: 0, cols: 0)

    public init(_ function: ActivationFunction, shape: TensorShape) {
        self.function = function
        inputShape = shape
    }

    public var kind: String { function.rawValue }
    public var token: String { function.rawValue }
    public var outputShape: TensorShape { inputShape }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        var y = x
        let f = function
        // The switch stays outside the loop so that relu and identity vectorise.
        y.storage.withUnsafeMutableBufferPointer { buffer in
            let p = buffer.baseAddress!, n = buffer.count
            switch f {
            case .relu: for i in 0..<n { p[i] = max(p[i], 0) }
            case .identity: break
            default: for i in 0..<n { p[i] = f.value(p[i]) }
            }
        }
        if mode.training { input = x; output = y }
        return y
    }

    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> {
        var dx = dy
        let f = function
        input.storage.withUnsafeBufferPointer { xs in
            output.storage.withUnsafeBufferPointer { ys in
                dx.storage.withUnsafeMutableBufferPointer { buffer in
                    let (d, x, y, n) = (buffer.baseAddress!, xs.baseAddress!, ys.baseAddress!, buffer.count)
                    switch f {
                    case .relu: for i in 0..<n where !(x[i] > 0) { d[i] = 0 }
                    case .identity: break
                    default: for i in 0..<n { d[i] *= f.derivative(x: x[i], y: y[i]) }
                    }
                }
            }
        }
        return dx
    }
}
