/// `dense:UNITS` on the node features of graphs: the same `nn.Linear` applied to every vertex
/// (PyTorch Geometric's node-wise `Linear`, TOGL's input embedding), empty node slots left zero.
public final class NodeDenseLayer: Layer {
    public let kind = "dense"
    public let inputShape: TensorShape
    public let outputShape: TensorShape
    let dense: DenseLayer
    private var batch: GraphBatch?

    public init(input: TensorShape, outputs: Int) {
        inputShape = input
        outputShape = TensorShape(nodes: input.height, features: outputs)
        dense = DenseLayer(inputs: input.channels, outputs: outputs)
    }

    public var token: String { "dense:\(outputShape.channels)" }
    public var parameters: [Parameter] { dense.parameters }

    public func forward(_ x: Matrix<Float>, mode: ForwardMode) -> Matrix<Float> {
        guard let graphs = mode.graphs else { preconditionFailure("a node-wise dense layer runs on graph data only (Architecture checks)") }
        if mode.training { batch = graphs }
        return graphs.scatter(dense.forward(graphs.gather(x, features: inputShape.channels), mode: mode))
    }

    public func backward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> { gradients(dy, threads: threads, input: true) }

    public func parameterBackward(_ dy: Matrix<Float>, threads: Int) -> Matrix<Float> { gradients(dy, threads: threads, input: false) }

    private func gradients(_ dy: Matrix<Float>, threads: Int, input wanted: Bool) -> Matrix<Float> {
        guard let graphs = batch else { preconditionFailure("dense backward before a training forward pass") }
        let g = graphs.gather(dy, features: outputShape.channels)
        guard wanted else { return dense.parameterBackward(g, threads: threads) }
        return graphs.scatter(dense.backward(g, threads: threads))
    }
}
