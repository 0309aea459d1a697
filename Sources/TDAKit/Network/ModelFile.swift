import Foundation

/// The JSON model file written by `nn-train` and read by `nn-activations`: architecture, input
/// shape, every parameter (PyTorch `state_dict` names and shapes, values as the shortest decimal
/// that reads back to the same `Float`), training config, seed and metrics.
public struct ModelFile: Codable, Sendable, Equatable {
    public struct Tensor: Codable, Sendable, Equatable {
        public var name: String
        public var shape: [Int]
        public var values: [Float]
    }

    public var format = "tda-tools-model"
    public var version = 1
    public var architecture: String
    public var inputShape: [Int]
    public var classes: Int
    public var layers: [String]
    public var parameters: [Tensor]
    public var training: TrainingConfig?
    public var seed: UInt64?
    /// `train_acc`, `test_acc`, `gap`, `train_loss`, `test_loss`, data set description, …
    public var metrics: [String: Double]
    /// Free-form description of the data (`moons`, size, noise, …), copied into record meta.
    public var data: [String: String]

    enum CodingKeys: String, CodingKey {
        case format, version, architecture, inputShape = "input_shape", classes, layers, parameters, training, seed, metrics, data
    }

    /// Captures a network's current weights.
    public init(network: Network, training: TrainingConfig?, metrics: [String: Double], data: [String: String] = [:]) {
        architecture = network.architecture
        inputShape = network.inputShape.dimensions
        classes = network.outputShape.count
        layers = network.layerNames
        parameters = network.namedParameters.map { Tensor(name: $0.name, shape: $0.parameter.shape, values: $0.parameter.value) }
        self.training = training
        seed = training?.seed
        self.metrics = metrics
        self.data = data
    }

    /// Rebuilds the network with these weights.
    public func network() throws -> Network {
        guard let shape = TensorShape(dimensions: inputShape) else { throw ModelFileError.badInputShape(inputShape) }
        let network = try Network(architecture: architecture, input: shape)
        let expected = network.namedParameters
        guard expected.count == parameters.count else {
            throw ModelFileError.parameterCount(expected: expected.count, found: parameters.count)
        }
        for (slot, tensor) in zip(expected, parameters) {
            guard slot.name == tensor.name, slot.parameter.shape == tensor.shape, slot.parameter.count == tensor.values.count else {
                throw ModelFileError.parameterMismatch(name: tensor.name, expected: "\(slot.name) \(slot.parameter.shape)")
            }
            slot.parameter.value = tensor.values
        }
        return network
    }

    public static func read(_ url: URL) throws -> ModelFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw ModelFileError.unreadable(url.path) }
        do { return try JSONDecoder().decode(ModelFile.self, from: data) } catch {
            throw ModelFileError.malformed(url.path, String(describing: error))
        }
    }

    /// Writes atomically (temporary file and rename), so a failed run leaves no half file.
    public func write(_ url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}

public enum ModelFileError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case malformed(String, String)
    case badInputShape([Int])
    case parameterCount(expected: Int, found: Int)
    case parameterMismatch(name: String, expected: String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "\(path): cannot read the model file"
        case let .malformed(path, why): return "\(path): not a tda-tools model file (\(why))"
        case .badInputShape(let s): return "input_shape \(s) is neither [features] nor [channels, height, width]"
        case let .parameterCount(e, f): return "the architecture has \(e) parameter tensors but the file has \(f)"
        case let .parameterMismatch(name, expected): return "parameter \(name) does not match the architecture (expected \(expected))"
        }
    }
}
