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

    @Test("the fast reader gives what JSONDecoder gives, and defers to it for large seeds and float midpoints")
    func fastReaderAgreesWithJSONDecoder() throws {
        var rng = SplitMix(8)
        let network = try Network(architecture: "dense:40,relu,dense:7", input: TensorShape(features: 30))
        Initialization.pytorchDefault(network, rng: &rng)
        let weights = network.namedParameters[0].parameter
        for i in weights.value.indices { weights.value[i] = Float(bitPattern: UInt32.random(in: 0..<0x7F80_0000, using: &rng) | (i % 2 == 0 ? 0 : 0x8000_0000)) }
        var training = TrainingConfig(architecture: network.architecture)
        training.seed = 12_345
        var file = NetworkModelFile(network: network, training: training, metrics: ["gap": 0.125], data: DataSpec(dataset: "digits"))
        let data = try file.encoded()
        let fast = try #require(NetworkModelFile.fastDecode(data), "an ordinary file takes the fast path")
        #expect(fast == (try JSONDecoder().decode(NetworkModelFile.self, from: data)))
        file.seed = UInt64.max - 2
        #expect(NetworkModelFile.fastDecode(try file.encoded()) == nil, "a seed above 2^53 would not survive a Double")
        #expect(try NetworkModelFile.decode(try file.encoded(), name: "m").seed == UInt64.max - 2)
        // Midpoints between two Floats: 37897110 is itself the shortest decimal of the Float
        // 37897112 (ties to even); 1 + 2^-24 is the decimal of neither neighbour.
        #expect(NetworkModelFile.writtenFloat(37_897_110) == Float(37_897_110) && Float(37_897_110) == 37_897_112)
        #expect(NetworkModelFile.writtenFloat(1 + 0x1p-24) == nil)
        #expect(NetworkModelFile.writtenFloat(Double(Float(0.1))) == 0.1 && NetworkModelFile.writtenFloat(0.1) == 0.1)
    }
}
