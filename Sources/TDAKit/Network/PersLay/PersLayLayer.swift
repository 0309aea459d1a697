/// PersLay as the first layer of a network (`perslay:…` in `--arch`): one PersLay per diagram
/// channel, each with its own trainable weight and φ, outputs side by side (channels of an image
/// for the Gaussian φ, so a convolution can follow as in PersLay's MUTAG model; else flat).
///
/// Input: per sample, C channels of P padded points (b, d, mask), shape C × P × 3 (`DiagramSamples`).
/// Each channel's points are min–max scaled by the non-trainable `scaling` (C × 2: min, max over
/// both coordinates of every point of that channel in the training data, gudhi's
/// `DiagramScaler(MinMaxScaler)` fitted jointly), saved with the model.
public final class PersLayLayer: Layer {
    public let kind = "perslay"
    public let inputShape: TensorShape
    public let outputShape: TensorShape
    public let spec: PersLaySpec
    public let token: String
    public private(set) var channels: [PersLayChannel]
    public let parameters: [Parameter]
    private var input = Matrix<Float>(rows: 0, cols: 0)

    /// Samples per block of the backward pass: blocks, not threads, fix the order of the
    /// gradient sums, so training is bit-identical at any thread count.
    static let block = 8

    public init(spec: PersLaySpec, token: String, input: TensorShape) {
        self.spec = spec
        self.token = token
        inputShape = input
        let channel = spec.channel()
        channels = Array(repeating: channel, count: input.channels)
        if let image = channel.phi.imageSize {
            outputShape = TensorShape(channels: input.channels, height: image.rows, width: image.cols)
        } else {
            outputShape = TensorShape(features: input.channels * channel.outputCount)
        }
        var parameters = [Parameter]()
        for c in 0..<input.channels {
            for t in channel.tensors { parameters.append(Parameter(name: "c\(c).\(t.name)", shape: t.shape, value: t.values.map(Float.init))) }
        }
        let identity: [Float] = (0..<input.channels).flatMap { _ in [0, 1] as [Float] }
        parameters.append(Parameter(name: "scaling", shape: [input.channels, 2], value: identity, isTrainable: false))
        self.parameters = parameters
    }

    var scaling: Parameter { parameters[parameters.count - 1] }
    var points: Int { inputShape.height }

    /// Sets `scaling` to each channel's min and max over the real points of `x` (an interval of
    /// length 1 when a channel has no points or a single value).
    public func fitScaling(_ x: Matrix<Float>) {
        for c in 0..<inputShape.channels {
            var lo = Float.infinity, hi = -Float.infinity
            for i in 0..<x.rows {
                for (b, d) in rawPoints(x, row: i, channel: c) { lo = min(lo, b, d); hi = max(hi, b, d) }
            }
            if !(lo < hi) { (lo, hi) = lo.isFinite ? (lo, lo + 1) : (0, 1) }
            (scaling.value[2 * c], scaling.value[2 * c + 1]) = (lo, hi)
        }
    }

    /// The real (masked-in) points of a channel of sample `row`, unscaled.
    private func rawPoints(_ x: Matrix<Float>, row: Int, channel c: Int) -> [(Float, Float)] {
        let base = row * x.cols + c * points * 3
        return (0..<points).compactMap { k in
            let at = base + 3 * k
            return x.storage[at + 2] > 0.5 ? (x.storage[at], x.storage[at + 1]) : nil
        }
    }

    /// The scaled births and deaths of a channel of sample `row`, and the divisor 1/(max − min).
    private func scaledPoints(_ x: Matrix<Float>, row: Int, channel c: Int) -> (b: [Double], d: [Double], slope: Double) {
        let lo = Double(scaling.value[2 * c]), span = Double(scaling.value[2 * c + 1]) - lo
        let raw = rawPoints(x, row: row, channel: c)
        return (raw.map { (Double($0.0) - lo) / span }, raw.map { (Double($0.1) - lo) / span }, 1 / span)
    }

    /// Copies the Float parameters into the channels' Float64 tensors.
    private func syncTensors() {
        var next = 0
        for c in channels.indices {
            channels[c].tensors = channels[c].tensors.map { t in
                defer { next += 1 }
                return PersLayTensor(name: t.name, shape: t.shape, values: parameters[next].value.map(Double.init))
            }
        }
    }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        if mode.training { input = x }
        syncTensors()
        let width = outputShape.count / max(1, channels.count)
        var y = Matrix<Float>(rows: x.rows, cols: outputShape.count)
        y.storage.withUnsafeMutableBufferPointer { yp in
            let shared = UnsafeSendable((out: yp.baseAddress!, layer: self))
            forEachChunk(x.rows, threads: mode.threads, minimumChunk: 4) { range in
                let (out, layer) = shared.value
                for i in range {
                    for (c, channel) in layer.channels.enumerated() {
                        let (b, d, _) = layer.scaledPoints(x, row: i, channel: c)
                        for (j, v) in channel.forward(b, d).enumerated() { out[i * layer.outputShape.count + c * width + j] = Float(v) }
                    }
                }
            }
        }
        return y
    }

    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> { gradients(dy, threads: threads, input: true) }

    public func parameterBackward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> { gradients(dy, threads: threads, input: false) }

    /// Parameter gradients summed block by block in order, and the input gradient (through the
    /// scaling; zero for the mask and padding) when asked.
    private func gradients(_ dy: Matrix<Float>, threads: Int, input wanted: Bool) -> Matrix<Float> {
        let x = input, rows = dy.rows, width = outputShape.count / max(1, channels.count)
        let blocks = (rows + Self.block - 1) / Self.block
        let zero = channels.map { $0.weight.zeroGradients() + $0.phi.zeroGradients() }
        var partial = [[[[Double]]]](repeating: zero, count: blocks)
        var dx = Matrix<Float>(rows: wanted ? rows : 0, cols: wanted ? x.cols : 0)
        partial.withUnsafeMutableBufferPointer { pp in
            dx.storage.withUnsafeMutableBufferPointer { dxp in
                let shared = UnsafeSendable((sums: pp.baseAddress!, dx: wanted ? dxp.baseAddress : nil, layer: self))
                forEachChunk(blocks, threads: threads, minimumChunk: 1) { range in
                    let (sums, dxp, layer) = shared.value
                    for block in range {
                        for i in (block * Self.block)..<min(rows, (block + 1) * Self.block) {
                            for (c, channel) in layer.channels.enumerated() {
                                let (b, d, slope) = layer.scaledPoints(x, row: i, channel: c)
                                let g = (0..<width).map { Double(dy.storage[i * dy.cols + c * width + $0]) }
                                let dp = channel.backward(b, d, g, into: &sums[block][c])
                                guard let dxp else { continue }
                                layer.scatterPointGradient(dp, slope: slope, row: i, channel: c, cols: x.cols, x: x, into: dxp)
                            }
                        }
                    }
                }
            }
        }
        var flat = zero.map { $0.map { $0.map { _ in 0.0 } } }
        for block in partial {
            for c in flat.indices { for t in flat[c].indices { for k in flat[c][t].indices { flat[c][t][k] += block[c][t][k] } } }
        }
        for (p, g) in zip(parameters, flat.flatMap { $0 }) { p.gradient = g.map(Float.init) }
        return dx
    }

    /// Writes the points' gradients (with respect to the scaled coordinates) at the positions of
    /// the real points of sample `row`, times ∂scaled/∂raw = 1/(max − min).
    private func scatterPointGradient(_ dp: (b: [Double], d: [Double]), slope: Double, row: Int, channel c: Int, cols: Int,
                                      x: Matrix<Float>, into dx: UnsafeMutablePointer<Float>) {
        let base = row * cols + c * points * 3
        var next = 0
        for k in 0..<points where x.storage[base + 3 * k + 2] > 0.5 {
            dx[base + 3 * k] = Float(dp.b[next] * slope)
            dx[base + 3 * k + 1] = Float(dp.d[next] * slope)
            next += 1
        }
    }
}

extension Network {
    /// Fits the diagram scaling of a `perslay` first layer to training inputs (no-op otherwise).
    public func fitDiagramScaling(_ x: Matrix<Float>) {
        (layers.first as? PersLayLayer)?.fitScaling(x)
    }
}
