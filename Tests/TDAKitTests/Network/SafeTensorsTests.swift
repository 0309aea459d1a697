import Foundation
import Testing
@testable import TDAKit

/// safetensors import and export (fixtures written by PyTorch's `safetensors.torch.save_file` in
/// scripts/references/network_fixtures.py, next to the JSON of the same models' outputs).
@Suite("safetensors")
struct SafeTensorsTests {
    func fixtureBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.url("network/\(name)")))
    }

    // Tolerance 1e-5 as in the forward golden test: the weights are bit-identical (F32 from the
    // file), only the summation order of the forward pass differs from PyTorch's.
    @Test("weights saved by PyTorch give PyTorch's outputs (MLP; CNN under a 'model.' prefix)", arguments: ["mlp_forward", "cnn_forward"])
    func importTorch(_ name: String) throws {
        let golden = try Fixtures.decode(PyTorchGoldenTests.Forward.self, "network/\(name).json")
        let file = try SafeTensors.decode(try fixtureBytes("\(name).safetensors"))
        let network = try Network(architecture: golden.arch, input: try #require(TensorShape(dimensions: golden.input_shape)))
        try StateDict.load(file, into: network)
        let x = Matrix(rows: golden.inputs.count / network.inputShape.count, cols: network.inputShape.count, storage: golden.inputs)
        let outputs = network.layerOutputs(x, indices: Set(network.layers.indices))
        for expected in golden.outputs {
            #expect(maxDifference(try #require(outputs[expected.layer]).storage, expected.values) < 1e-5, "layer \(expected.layer)")
        }
        #expect(network.namedParameters.map(\.parameter.value) == golden.parameters.map(\.values))
    }

    func trainedModel() throws -> NetworkModelFile {
        let network = try Network(architecture: "conv:3x3:p1,batchnorm,relu,maxpool:2,flatten,dense:4,relu,dense:2",
                                  input: try #require(TensorShape(dimensions: [1, 6, 6])))
        var rng = Xoshiro256StarStar(seed: 11)
        Initialization.pytorchDefault(network, rng: &rng)
        return NetworkModelFile(network: network, training: nil, metrics: ["gap": 0.25])
    }

    @Test("export then import gives the same weights, with either naming, and the file names its architecture", arguments: StateDict.Naming.allCases)
    func roundTrip(_ naming: StateDict.Naming) throws {
        let model = try trainedModel()
        let bytes = try StateDict.export(model, naming: naming).encoded()
        #expect(bytes.count % 8 == 0, "header padded to 8 bytes, tensors are 4 or 8 bytes long")
        let file = try SafeTensors.decode(bytes)
        let stored = try #require(StateDict.storedArchitecture(file))
        #expect(stored.architecture == model.architecture && stored.inputShape == model.inputShape)
        #expect(file.tensors.contains { $0.name == "1.num_batches_tracked" && $0.isInteger } == (naming == .torch))
        let network = try Network(architecture: stored.architecture, input: try #require(TensorShape(dimensions: stored.inputShape)))
        try StateDict.load(file, into: network)
        #expect(NetworkModelFile(network: network, training: nil, metrics: ["gap": 0.25]).parameters == model.parameters)
    }

    /// A file with one tensor of `dtype` holding `payload`.
    func file(_ name: String, dtype: String, shape: [Int], payload: [UInt8], metadata: String = "") -> [UInt8] {
        var header = Array("{\(metadata)\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":[0,\(payload.count)]}}".utf8)
        header += [UInt8](repeating: 32, count: (8 - header.count % 8) % 8)
        return (0..<8).map { UInt8(truncatingIfNeeded: header.count >> (8 * $0)) } + header + payload
    }

    func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.littleEndian, Array.init) }
    }

    @Test("F64, F16 and BF16 tensors read as the nearest floats; integer tensors keep their values")
    func dtypes() throws {
        let values: [Float] = [1.5, -2.25, 0.099975586, 65504]
        let f64 = try SafeTensors.decode(file("w", dtype: "F64", shape: [2, 2], payload: littleEndian(values.map { Double($0).bitPattern })))
        #expect(f64.tensors[0].values == values)
        let f16 = try SafeTensors.decode(file("w", dtype: "F16", shape: [4], payload: littleEndian(values.map { Float16($0).bitPattern })))
        #expect(f16.tensors[0].values == values, "each value is exact in half precision")
        let bf16 = try SafeTensors.decode(file("w", dtype: "BF16", shape: [4], payload: littleEndian(values.map { UInt16($0.bitPattern >> 16) })))
        #expect(bf16.tensors[0].values == values.map { Float(bitPattern: $0.bitPattern & 0xFFFF_0000) })
        let i32 = try SafeTensors.decode(file("n", dtype: "I32", shape: [2], payload: littleEndian([Int32(-3), 7])))
        #expect(i32.tensors[0].integers == [-3, 7] && i32.tensors[0].isInteger)
        let meta = try SafeTensors.decode(file("n", dtype: "U8", shape: [1], payload: [200], metadata: "\"__metadata__\":{\"format\":\"pt\"},"))
        #expect(meta.metadata("format") == "pt" && meta.tensors[0].integers == [200])
    }

    @Test("malformed files are refused with a reason",
          arguments: [
              ([UInt8]("short".utf8), "shorter"),
              ([255, 255, 255, 255, 0, 0, 0, 0] + Array("{}".utf8), "header length"),
              ([2, 0, 0, 0, 0, 0, 0, 0] + Array("[]".utf8), "not a JSON object"),
              ([8, 0, 0, 0, 0, 0, 0, 0] + Array("{\"a\":1} ".utf8), "lacks dtype"),
          ] as [([UInt8], String)])
    func malformed(_ bytes: [UInt8], _ reason: String) {
        #expect(throws: SafeTensorsError.self) { try SafeTensors.decode(bytes) }
        do { _ = try SafeTensors.decode(bytes) } catch { #expect(error.description.contains(reason), "\(error)") }
    }

    @Test("offsets and shapes must agree with the data")
    func inconsistent() {
        let short = file("w", dtype: "F32", shape: [3], payload: [0, 0, 128, 63, 0, 0, 0, 64])
        #expect(throws: SafeTensorsError.self) { try SafeTensors.decode(short) }
        var outside = file("w", dtype: "F32", shape: [1], payload: [0, 0, 128, 63])
        outside.removeLast()
        #expect(throws: SafeTensorsError.self) { try SafeTensors.decode(outside) }
        #expect(throws: SafeTensorsError.self) { try SafeTensors.decode(file("w", dtype: "C64", shape: [1], payload: [0, 0, 0, 0])) }
        #expect(throws: SafeTensorsError.self) { try SafeTensors.decode(file("w", dtype: "F32", shape: [-1], payload: [])) }
    }

    @Test("random corruption of a real file is read or refused, never a crash")
    func fuzz() throws {
        let original = try fixtureBytes("mlp_forward.safetensors")
        var rng = SplitMix(2026)
        var refused = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let cut = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[cut] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.removeSubrange(cut...)
                default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: cut)
                }
                if bytes.isEmpty { break }
            }
            do { _ = try SafeTensors.decode(bytes) } catch { refused += 1 }
        }
        #expect(refused > 1000, "most corruptions of the header or the length are detected")
    }

    @Test("loading is strict: a missing, misshapen or unused tensor is an error naming it")
    func strictLoad() throws {
        let model = try trainedModel()
        let good = try StateDict.export(model, naming: .torch)
        let network = try model.network()
        var missing = good
        missing.tensors.removeAll { $0.name == "5.bias" }
        #expect(throws: StateDictError.missing("dense1.bias", torchName: "5.bias")) { try StateDict.load(missing, into: network) }
        var misshapen = good
        misshapen.tensors[0].shape = [3, 9]
        #expect(throws: StateDictError.self) { try StateDict.load(misshapen, into: network) }
        var extra = good
        extra.tensors.append(.init(name: "head.weight", shape: [1], values: [0]))
        #expect(throws: StateDictError.unexpected("head.weight")) { try StateDict.load(extra, into: network) }
    }
}
