import Foundation
import Testing
@testable import TDAKit

@Suite("Network model file")
struct NetworkModelFileTests {
    @Test("weights, architecture and metrics survive a write and read bit for bit")
    func roundTrip() throws {
        var rng = SplitMix(3)
        let network = try Network(architecture: "conv:2x3,batchnorm,relu,flatten,dense:3", input: TensorShape(channels: 1, height: 5, width: 5))
        Initialization.pytorchDefault(network, rng: &rng)
        // Awkward floats: subnormals, extremes, values with long shortest representations.
        let p = network.namedParameters[0].parameter
        p.value[0] = .leastNonzeroMagnitude; p.value[1] = -.greatestFiniteMagnitude; p.value[2] = 0.1; p.value[3] = -0.0
        p.value[4] = Float(bitPattern: 0x3E99_999A)
        let file = NetworkModelFile(network: network, training: TrainingConfig(architecture: network.architecture),
                             metrics: ["train_acc": 0.9, "test_acc": 0.8], data: DataSpec(dataset: "moons"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tda-model-\(ProcessInfo.processInfo.processIdentifier)-roundtrip.json")
        defer { try? FileManager.default.removeItem(at: url) }
        try file.write(url)
        let back = try NetworkModelFile.read(url)
        #expect(back == file)
        let rebuilt = try back.network()
        for (a, b) in zip(network.namedParameters, rebuilt.namedParameters) {
            #expect(a.name == b.name)
            #expect(a.parameter.value.map(\.bitPattern) == b.parameter.value.map(\.bitPattern))
        }
    }

    @Test("a file whose tensors do not fit the architecture is rejected")
    func mismatch() throws {
        let network = try Network(architecture: "dense:3", input: TensorShape(features: 2))
        var file = NetworkModelFile(network: network, training: nil, metrics: [:])
        file.architecture = "dense:4"
        #expect(throws: NetworkModelFileError.self) { _ = try file.network() }
    }
}
