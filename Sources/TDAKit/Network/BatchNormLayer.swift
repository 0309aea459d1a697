/// Batch normalisation as PyTorch's `nn.BatchNorm1d` (flat input, per feature) or
/// `nn.BatchNorm2d` (images, per channel): batch statistics in training (biased variance),
/// running statistics in evaluation, momentum 0.1, ε = 1e-5, running variance unbiased.
public final class BatchNormLayer: Layer {
    public let kind = "batchnorm"
    public let token = "batchnorm"
    public let inputShape: TensorShape
    public let weight: Parameter
    public let bias: Parameter
    public let runningMean: Parameter
    public let runningVariance: Parameter
    let epsilon: Float = 1e-5
    let momentum: Float = 0.1
    private var normalized = [Float]()
    private var inverseDeviation = [Float]()

    public init(shape: TensorShape) {
        inputShape = shape
        let c = shape.channels
        weight = Parameter(name: "weight", shape: [c], value: [Float](repeating: 1, count: c))
        bias = Parameter(name: "bias", shape: [c], value: [Float](repeating: 0, count: c))
        runningMean = Parameter(name: "running_mean", shape: [c], value: [Float](repeating: 0, count: c), isTrainable: false)
        runningVariance = Parameter(name: "running_var", shape: [c], value: [Float](repeating: 1, count: c), isTrainable: false)
    }

    public var outputShape: TensorShape { inputShape }
    public var parameters: [Parameter] { [weight, bias, runningMean, runningVariance] }
    private var plane: Int { inputShape.height * inputShape.width }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        let c = inputShape.channels, n = x.rows * plane
        var y = x
        var xhat = [Float](repeating: 0, count: mode.training ? x.storage.count : 0)
        var inverse = [Float](repeating: 0, count: c)
        for ch in 0..<c {
            var mean: Float, variance: Float
            if mode.training {
                var sum: Double = 0, squares: Double = 0
                forEachValue(ch, samples: x.rows) { i in sum += Double(x.storage[i]) }
                mean = Float(sum / Double(n))
                forEachValue(ch, samples: x.rows) { i in let d = Double(x.storage[i] - mean); squares += d * d }
                variance = Float(squares / Double(n))
                runningMean.value[ch] = (1 - momentum) * runningMean.value[ch] + momentum * mean
                let unbiased = n > 1 ? Float(squares / Double(n - 1)) : variance
                runningVariance.value[ch] = (1 - momentum) * runningVariance.value[ch] + momentum * unbiased
            } else {
                mean = runningMean.value[ch]
                variance = runningVariance.value[ch]
            }
            inverse[ch] = 1 / (variance + epsilon).squareRoot()
            let (g, b, s) = (weight.value[ch], bias.value[ch], inverse[ch])
            forEachValue(ch, samples: x.rows) { i in
                let h = (x.storage[i] - mean) * s
                if mode.training { xhat[i] = h }
                y.storage[i] = h * g + b
            }
        }
        if mode.training { normalized = xhat; inverseDeviation = inverse }
        return y
    }

    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> {
        var dx = dy
        let n = Float(dy.rows * plane)
        for ch in 0..<inputShape.channels {
            var sumDy: Float = 0, sumDyXhat: Float = 0
            forEachValue(ch, samples: dy.rows) { i in sumDy += dy.storage[i]; sumDyXhat += dy.storage[i] * normalized[i] }
            weight.gradient[ch] = sumDyXhat
            bias.gradient[ch] = sumDy
            let scale = weight.value[ch] * inverseDeviation[ch] / n
            forEachValue(ch, samples: dy.rows) { i in
                dx.storage[i] = scale * (n * dy.storage[i] - sumDy - normalized[i] * sumDyXhat)
            }
        }
        return dx
    }

    /// Calls `body(index)` for every value of channel `ch` in the batch.
    private func forEachValue(_ ch: Int, samples: Int, _ body: (Int) -> Void) {
        let count = inputShape.count
        for s in 0..<samples {
            let start = s * count + ch * plane
            for i in start..<(start + plane) { body(i) }
        }
    }
}
