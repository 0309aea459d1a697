import Foundation

/// The JSON model file written by `nn-train` and read by `nn-activations`: architecture, input
/// shape, every parameter (PyTorch `state_dict` names and shapes, values as the shortest decimal
/// that reads back to the same `Float`), training config, seed and metrics.
public struct NetworkModelFile: Codable, Sendable, Equatable {
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
    /// `train_acc`, `test_acc`, `gap`, `train_loss`, `test_loss`, `epochs_run`.
    public var metrics: [String: Double]
    /// Where the data came from (rebuilt by `nn-activations` for the training inputs).
    public var data: DataSpec?

    enum CodingKeys: String, CodingKey {
        case format, version, architecture, inputShape = "input_shape", classes, layers, parameters, training, seed, metrics, data
    }

    /// Captures a network's current weights.
    public init(network: Network, training: TrainingConfig?, metrics: [String: Double], data: DataSpec? = nil) {
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
        guard let shape = TensorShape(dimensions: inputShape) else { throw NetworkModelFileError.badInputShape(inputShape) }
        let network = try Network(architecture: architecture, input: shape)
        let expected = network.namedParameters
        guard expected.count == parameters.count else {
            throw NetworkModelFileError.parameterCount(expected: expected.count, found: parameters.count)
        }
        for (slot, tensor) in zip(expected, parameters) {
            guard slot.name == tensor.name, slot.parameter.shape == tensor.shape, slot.parameter.count == tensor.values.count else {
                throw NetworkModelFileError.parameterMismatch(name: tensor.name, expected: "\(slot.name) \(slot.parameter.shape)")
            }
            slot.parameter.value = tensor.values
        }
        return network
    }

    public static func read(_ url: URL) throws -> NetworkModelFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw NetworkModelFileError.unreadable(url.path) }
        return try decode(data, name: url.path)
    }

    public static func decode(_ data: Data, name: String) throws -> NetworkModelFile {
        if let file = fastDecode(data) { return file }
        do { return try JSONDecoder().decode(NetworkModelFile.self, from: data) } catch {
            throw NetworkModelFileError.malformed(name, String(describing: error))
        }
    }

    /// Reads the weights with the record parser and only the small rest with `JSONDecoder`:
    /// JSONDecoder spent 0.5 s on the 600 000 weights of a 64-512-512-512-10 MLP, more than
    /// nn-activations' forward pass and sampling together. Nil (use JSONDecoder, which also
    /// words the errors) when the file is malformed, when an integer outside ±2^53 (a large
    /// seed) would not survive a Double, or when a weight's Float is ambiguous (`writtenFloat`).
    static func fastDecode(_ data: Data) -> NetworkModelFile? {
        guard case .object(var root)? = try? data.withUnsafeBytes({ try JSONParser.parse($0) }),
              let tensors = root["parameters"]?.arrayElements else { return nil }
        var parameters: [Tensor] = []
        parameters.reserveCapacity(tensors.count)
        for tensor in tensors {
            guard case .object(let fields) = tensor, let name = fields["name"]?.stringValue,
                  let shape = fields["shape"]?.arrayElements?.compactMap(\.intValue), let values = fields["values"] else { return nil }
            let doubles: [Double]
            switch values {
            case .numbers(let xs): doubles = xs
            default: return nil
            }
            var floats = [Float](repeating: 0, count: doubles.count)
            for (i, x) in doubles.enumerated() {
                guard let f = writtenFloat(x) else { return nil }
                floats[i] = f
            }
            parameters.append(Tensor(name: name, shape: shape, values: floats))
        }
        root["parameters"] = .numbers([])
        guard !containsLargeInteger(.object(root)), let rest = try? JSONWriter.string(.object(root)),
              var file = try? JSONDecoder().decode(NetworkModelFile.self, from: Data(rest.utf8)) else { return nil }
        file.parameters = parameters
        return file
    }

    /// The Float whose shortest decimal (as JSONEncoder writes it) reads as the Double `x`.
    /// That is `Float(x)` except when `x` lies exactly halfway between two Floats: then the
    /// decimal may have been the midpoint itself (large whole floats) or a decimal that rounded
    /// onto it, and only the two candidates' own shortest decimals tell which one was written.
    static func writtenFloat(_ x: Double) -> Float? {
        let f = Float(x)
        guard f.isFinite else { return nil }
        if Double(f) == x { return f }
        let neighbour = Double(f) < x ? f.nextUp : f.nextDown
        guard (Double(f) + Double(neighbour)) / 2 == x else { return f }
        let candidates = [f, neighbour].filter { Double($0.description) == x }
        return candidates.count == 1 ? candidates[0] : nil
    }

    static func containsLargeInteger(_ value: JSONValue) -> Bool {
        switch value {
        case .number(let x): return abs(x) >= 9_007_199_254_740_992
        case .numbers(let xs): return xs.contains { abs($0) >= 9_007_199_254_740_992 }
        case .array(let xs): return xs.contains(where: containsLargeInteger)
        case .object(let o): return o.entries.contains { containsLargeInteger($0.value) }
        default: return false
        }
    }

    /// The file's bytes: keys sorted, each Float as its shortest round-trip decimal.
    ///
    /// JSONEncoder writes everything but the weights; the weights are spliced in by our record
    /// writer, in the same form JSONEncoder would give them (keys `name`, `shape`, `values`),
    /// because JSONEncoder took 40 s of a 42 s run on a layer of a million neurons.
    public func encoded() throws -> Data {
        var rest = self
        rest.parameters = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let head = [UInt8](try encoder.encode(rest))
        let slot = Array(#""parameters":[]"#.utf8)
        // With sorted keys the top-level key appears once; no nested type has that key and
        // quotes inside strings are escaped, so the first match is the slot.
        guard let at = head.indices.first(where: { head[$0..<min($0 + slot.count, head.count)].elementsEqual(slot) }) else {
            return Data(head)
        }
        var out = Array(head[..<(at + slot.count - 1)])
        out.reserveCapacity(head.count + parameters.reduce(0) { $0 + 16 * $1.values.count + 64 })
        for (i, tensor) in parameters.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(#"{"name":"#.utf8)
            JSONWriter.writeString(tensor.name, to: &out)
            out += Array(#","shape":"#.utf8)
            try JSONWriter.writeNumbers(tensor.shape.map(Double.init), to: &out)
            out += Array(#","values":"#.utf8)
            try JSONWriter.writeNumbers(tensor.values, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += head[(at + slot.count - 1)...]
        return Data(out)
    }

    /// Writes atomically (temporary file and rename), so a failed run leaves no half file.
    public func write(_ url: URL) throws {
        try encoded().write(to: url, options: .atomic)
    }

    /// The `meta` of the records of the model `id`: `model` (its id, so every downstream record
    /// can be grouped by it: `perslay-vec reduce --by meta.model`), then `meta`.
    public func recordMeta(model id: String) -> JSONObject {
        meta.prepending("model", .string(id))
    }

    /// The `meta` of this model's records: metrics, then hyper-parameters, then the data.
    public var meta: JSONObject {
        var fields: [(String, JSONValue)] = ["train_acc", "test_acc", "gap", "train_loss", "test_loss", "epochs_run"]
            .compactMap { key in metrics[key].map { (key, .number($0)) } }
        if let seed { fields.append(("seed", .number(Double(seed)))) }
        fields.append(("layers", .string(architecture)))
        if let t = training {
            fields += [("loss", .string(t.loss)), ("optimizer", .string(t.optimizer.method.rawValue)),
                       ("lr", .number(t.learningRate)), ("schedule", .string(t.schedule.description)),
                       ("epochs", .number(Double(t.epochs))), ("batch_size", .number(Double(t.batchSize))),
                       ("weight_decay", .number(Double(t.optimizer.weightDecay))), ("momentum", .number(Double(t.optimizer.momentum)))]
        }
        fields.append(("parameters", .number(Double(parameters.filter { !$0.name.hasSuffix("running_mean") && !$0.name.hasSuffix("running_var") }.reduce(0) { $0 + $1.values.count }))))
        fields += data?.meta ?? []
        return JSONObject(fields)
    }
}

public enum NetworkModelFileError: Error, CustomStringConvertible, Equatable {
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

extension NetworkModelFileError: ToolFailure {
    public var status: ExitStatus {
        if case .unreadable = self { return .noInput }
        return .dataError
    }
}
