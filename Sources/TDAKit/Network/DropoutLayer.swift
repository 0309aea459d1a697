/// Inverted dropout as PyTorch's `nn.Dropout`: in training each value is zeroed with
/// probability `rate` and the survivors scaled by 1/(1−rate); identity in evaluation.
public final class DropoutLayer: Layer {
    public let kind = "dropout"
    public let rate: Float
    public let inputShape: TensorShape
    private var mask = [Float]()

    public init(rate: Float, shape: TensorShape) {
        self.rate = rate
        inputShape = shape
    }

    public var token: String { "dropout:\(rate)" }
    public var outputShape: TensorShape { inputShape }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        guard mode.training, rate > 0 else { return x }
        var rng = NetworkSplitMix(seed: mode.seed)
        let keep = 1 / (1 - rate), p = Double(rate)
        let drawn = (0..<x.storage.count).map { _ in NetworkRandom.unit(&rng) < p ? 0 : keep }
        mask = drawn
        var y = x
        for i in y.storage.indices { y.storage[i] *= drawn[i] }
        return y
    }

    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> {
        guard rate > 0 else { return dy }
        var dx = dy
        let drawn = mask
        for i in dx.storage.indices { dx.storage[i] *= drawn[i] }
        return dx
    }
}

/// Turns an image into a flat vector (channel-major, as `torch.flatten` on NCHW); data unchanged.
public final class FlattenLayer: Layer {
    public let kind = "flatten"
    public let token = "flatten"
    public let inputShape: TensorShape

    public init(shape: TensorShape) { inputShape = shape }

    public var outputShape: TensorShape { TensorShape(features: inputShape.count) }
    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> { x }
    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> { dy }
}
