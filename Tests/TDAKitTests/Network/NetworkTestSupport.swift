@testable import TDAKit

/// A parameter tensor as the fixture script writes it.
struct FixtureTensor: Decodable {
    let name: String
    let shape: [Int]
    let values: [Float]
}

/// Builds a network from a fixture's architecture and loads PyTorch's tensors in order.
func importNetwork(arch: String, inputShape: [Int], parameters: [FixtureTensor]) throws -> Network {
    let network = try Network(architecture: arch, input: TensorShape(dimensions: inputShape)!)
    let slots = network.namedParameters
    precondition(slots.count == parameters.count, "fixture and network disagree on the parameter count")
    for (slot, tensor) in zip(slots, parameters) {
        precondition(slot.parameter.shape == tensor.shape, "\(slot.name) \(slot.parameter.shape) vs \(tensor.name) \(tensor.shape)")
        slot.parameter.value = tensor.values
    }
    return network
}

/// Largest absolute difference of two equal-length arrays (infinity if lengths differ).
func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

func randomMatrix(_ rows: Int, _ cols: Int, _ rng: inout SplitMix, scale: Double = 1) -> Matrix<Float> {
    Matrix(rows: rows, cols: cols, storage: (0..<(rows * cols)).map { _ in Float(NetworkRandom.uniform(-scale, scale, &rng)) })
}
