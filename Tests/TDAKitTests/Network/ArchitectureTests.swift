import Testing
@testable import TDAKit

@Suite("Network architecture")
struct ArchitectureTests {
    @Test("layers get per-kind names and the shapes of the example CNN")
    func names() throws {
        let arch = "conv:8x3,relu,maxpool:2,conv:16x3,relu,maxpool:2,flatten,dense:64,relu,dense:10"
        let network = try Network(architecture: arch, input: TensorShape(channels: 1, height: 16, width: 16))
        #expect(network.layerNames == ["conv1", "relu1", "maxpool1", "conv2", "relu2", "maxpool2", "flatten1", "dense1", "relu3", "dense2"])
        #expect(network.layers[2].outputShape == TensorShape(channels: 8, height: 7, width: 7))
        #expect(network.layers[6].outputShape == TensorShape(features: 16 * 2 * 2))
        #expect(network.outputShape.count == 10)
        // Tokens rebuild the same architecture.
        #expect(network.layers.map(\.token).joined(separator: ",") == arch)
    }

    @Test("bad strings name the layer and the shapes", arguments: [
        ("dense:64,relux,dense:2", [2], "layer 2 'relux': unknown layer"),
        ("dense:abc", [2], "layer 1 'dense:abc': expected dense:UNITS"),
        ("conv:8x3,dense:10", [1, 8, 8], "layer 2 'dense:10': needs a flat input but gets 8×6×6; add 'flatten' before it"),
        ("dense:4,conv:2x3", [3], "layer 2 'conv:2x3': needs an image input"),
        ("conv:2x9", [1, 8, 8], "layer 1 'conv:2x9': kernel 9×9 does not fit input 1×8×8"),
        ("conv:2x3,maxpool:7", [1, 8, 8], "layer 2 'maxpool:7': window 7×7 does not fit input 2×6×6"),
        ("dropout:1.5", [2], "layer 1 'dropout:1.5': expected dropout:RATE"),
        ("", [2], "the architecture is empty"),
    ])
    func errors(_ c: (String, [Int], String)) {
        #expect {
            _ = try Network(architecture: c.0, input: TensorShape(dimensions: c.1)!)
        } throws: { error in
            String(describing: error).hasPrefix(c.2)
        }
    }

    @Test("PyTorch default initialisation stays within ±1/√fan_in and is seeded")
    func initialisation() throws {
        let a = try Network(architecture: "dense:30,relu,dense:3", input: TensorShape(features: 50))
        let b = try Network(architecture: "dense:30,relu,dense:3", input: TensorShape(features: 50))
        var r1 = SplitMix(1), r2 = SplitMix(1)
        Initialization.pytorchDefault(a, rng: &r1)
        Initialization.pytorchDefault(b, rng: &r2)
        let w = a.namedParameters[0].parameter.value
        #expect(w.allSatisfy { abs($0) <= 1 / Float(50).squareRoot() })
        // U(−b, b) has variance b²/3.
        let variance = w.map { Double($0 * $0) }.reduce(0, +) / Double(w.count)
        #expect(abs(variance - 1.0 / 150) < 0.1 / 150)
        #expect(a.namedParameters.map(\.parameter.value) == b.namedParameters.map(\.parameter.value))
    }
}
