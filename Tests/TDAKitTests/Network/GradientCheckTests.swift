import Testing
@testable import TDAKit

/// Central finite differences against backpropagation, for every layer type and both losses.
@Suite("Network gradients")
struct GradientCheckTests {
    static let cases: [(arch: String, shape: [Int], loss: Loss)] = [
        ("dense:5,tanh,dense:3", [4], .crossEntropy),
        ("dense:5,sigmoid,dense:4,gelu,dense:3", [4], .mse),
        ("dense:6,relu,dense:5,identity,dense:3", [4], .crossEntropy),
        ("dense:6,batchnorm,tanh,dense:3", [4], .crossEntropy),
        ("conv:3x3:p1,tanh,maxpool:2,flatten,dense:3", [2, 6, 6], .crossEntropy),
        ("conv:2x3:s2:p1,batchnorm,sigmoid,avgpool:2,flatten,dense:3", [1, 7, 7], .mse),
        ("dense:4,dropout:0.5,tanh,dense:3", [4], .crossEntropy),
    ]

    /// Loss of the network in training mode with a fixed dropout seed (so masks repeat).
    func loss(_ network: Network, _ x: Matrix<Float>, _ labels: [Int], _ loss: Loss) -> Double {
        loss.evaluate(network.forward(x, mode: ForwardMode(training: true, seed: 5)), labels: labels).loss
    }

    /// Case `index`'s network with initial weights, a batch of 5 random inputs and labels.
    func setUp(_ index: Int, seed: UInt64) throws -> (network: Network, x: Matrix<Float>, labels: [Int]) {
        let c = Self.cases[index]
        var rng = SplitMix(seed)
        let network = try Network(architecture: c.arch, input: TensorShape(dimensions: c.shape)!)
        Initialization.pytorchDefault(network, rng: &rng)
        let x = randomMatrix(5, network.inputShape.count, &rng)
        return (network, x, (0..<5).map { _ in NetworkRandom.index(3, &rng) })
    }

    @Test("parameter and input gradients match finite differences", arguments: 0..<cases.count)
    func check(_ index: Int) throws {
        let c = Self.cases[index]
        let setup = try setUp(index, seed: UInt64(40 + index))
        let (network, labels) = (setup.network, setup.labels)
        var x = setup.x
        let out = network.forward(x, mode: ForwardMode(training: true, seed: 5))
        let dx = network.backward(c.loss.evaluate(out, labels: labels).gradient)
        // Float32 forward passes: step 1e-2 keeps rounding noise (~1e-7/1e-2) well below the
        // curvature error (~1e-4·f'''); tolerance 2e-3 absolute + 2% relative.
        let h: Float = 1e-2
        func numeric(_ bump: (Float) -> Void) -> Double {
            bump(h); let up = loss(network, x, labels, c.loss)
            bump(-2 * h); let down = loss(network, x, labels, c.loss)
            bump(h)
            return (up - down) / Double(2 * h)
        }
        var checked = 0
        for (name, p) in network.namedParameters where p.isTrainable {
            let analytic = p.gradient
            for j in stride(from: 0, to: p.count, by: max(1, p.count / 6)) {
                let n = numeric { p.value[j] += $0 }
                #expect(abs(n - Double(analytic[j])) < 2e-3 + 0.02 * abs(n), "\(c.arch) \(name)[\(j)]: \(n) vs \(analytic[j])")
                checked += 1
            }
        }
        for j in stride(from: 0, to: x.storage.count, by: max(1, x.storage.count / 8)) {
            let n = numeric { x.storage[j] += $0 }
            #expect(abs(n - Double(dx.storage[j])) < 2e-3 + 0.02 * abs(n), "\(c.arch) input[\(j)]: \(n) vs \(dx.storage[j])")
            checked += 1
        }
        #expect(checked > 10)
    }

    @Test("a training backward pass (no input gradient) leaves the same parameter gradients", arguments: 0..<cases.count)
    func parameterOnlyBackward(_ index: Int) throws {
        let c = Self.cases[index]
        let (network, x, labels) = try setUp(index, seed: UInt64(60 + index))
        func gradients(input: Bool) -> (dx: Matrix<Float>, parameters: [[Float]]) {
            let out = network.forward(x, mode: ForwardMode(training: true, seed: 5))
            let dx = network.backward(c.loss.evaluate(out, labels: labels).gradient, inputGradient: input)
            return (dx, network.namedParameters.map(\.parameter.gradient))
        }
        let full = gradients(input: true), training = gradients(input: false)
        #expect(training.parameters == full.parameters)
        #expect(full.dx.storage.count == x.storage.count && training.dx.storage.isEmpty)
    }
}
