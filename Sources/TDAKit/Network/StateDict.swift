/// Weights in and out of PyTorch: a network's parameters as a safetensors `state_dict`.
///
/// Our architectures map one token to one module of an `nn.Sequential`, so PyTorch names a
/// parameter by the layer's index (`0.weight`, `3.running_var`); ours name it by the layer
/// (`dense1.weight`). Export writes either convention; import accepts both, and a common
/// prefix such as `model.` or `net.` (a Sequential held in an attribute) is found by itself.
public enum StateDict {
    public enum Naming: String, CaseIterable, Sendable {
        /// `nn.Sequential` indices, what `model.load_state_dict(load_file(path))` expects.
        case torch
        /// tda-tools layer names (`dense1.weight`).
        case tda
    }

    /// Metadata keys that let `import` rebuild the network without `--arch`.
    static let architectureKey = "tda_architecture"
    static let inputShapeKey = "tda_input_shape"

    /// A model's parameters as safetensors. Batch-norm layers also get PyTorch's
    /// `num_batches_tracked` (an I64 scalar, written 0: it is used only when BatchNorm's
    /// momentum is None, and our batch norm uses PyTorch's default momentum 0.1).
    public static func export(_ model: NetworkModelFile, naming: Naming) throws -> SafeTensors {
        let network = try model.network()
        var tensors: [SafeTensors.Tensor] = []
        for (index, (name, layer)) in zip(network.layerNames, network.layers).enumerated() {
            let stem = naming == .torch ? String(index) : name
            for p in layer.parameters { tensors.append(.init(name: "\(stem).\(p.name)", shape: p.shape, values: p.value)) }
            if layer is BatchNormLayer, naming == .torch {
                tensors.append(.init(name: "\(stem).num_batches_tracked", shape: [], integers: [0]))
            }
        }
        return SafeTensors(tensors: tensors, metadata: [
            ("format", "pt"), (architectureKey, model.architecture),
            (inputShapeKey, model.inputShape.map(String.init).joined(separator: ",")),
        ])
    }

    /// The architecture and input shape stored by `export`, when the file has them.
    public static func storedArchitecture(_ file: SafeTensors) -> (architecture: String, inputShape: [Int])? {
        guard let arch = file.metadata(architectureKey), let shape = file.metadata(inputShapeKey) else { return nil }
        let dims = shape.split(separator: ",").compactMap { Int($0) }
        return dims.isEmpty ? nil : (arch, dims)
    }

    /// Loads every parameter of `network` from `file`, strictly: each parameter must be found
    /// with its exact shape, and every floating tensor of the file must be used (integer
    /// tensors such as `num_batches_tracked` are ignored).
    public static func load(_ file: SafeTensors, into network: Network) throws(StateDictError) {
        let slots = zip(network.layerNames, network.layers).enumerated().flatMap { index, pair in
            pair.1.parameters.map { (torch: "\(index).\($0.name)", tda: "\(pair.0).\($0.name)", parameter: $0) }
        }
        guard let first = slots.first else { return }
        let byName = Dictionary(file.tensors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let prefix = commonPrefix(file.tensors.map(\.name), firstExpected: [first.torch, first.tda])
        var used = Set<String>()
        for slot in slots {
            guard let tensor = byName[prefix + slot.torch] ?? byName[prefix + slot.tda] else {
                throw .missing(slot.tda, torchName: prefix + slot.torch)
            }
            guard !tensor.isInteger, tensor.shape == slot.parameter.shape else {
                throw .shape(tensor.name, found: tensor.shape, dtype: tensor.dtype, expected: slot.parameter.shape, layer: slot.tda)
            }
            slot.parameter.value = tensor.values
            used.insert(tensor.name)
        }
        if let extra = file.tensors.first(where: { !$0.isInteger && !used.contains($0.name) }) {
            throw .unexpected(extra.name)
        }
    }

    /// The prefix before the first parameter's name (`model.` in `model.0.weight`), or "".
    private static func commonPrefix(_ names: [String], firstExpected: [String]) -> String {
        if names.contains(where: firstExpected.contains) { return "" }
        for name in names {
            for expected in firstExpected where name.hasSuffix("." + expected) {
                return String(name.dropLast(expected.count))
            }
        }
        return ""
    }
}

public enum StateDictError: Error, CustomStringConvertible, Equatable {
    case missing(String, torchName: String)
    case shape(String, found: [Int], dtype: String, expected: [Int], layer: String)
    case unexpected(String)

    public var description: String {
        switch self {
        case let .missing(name, torch): return "no tensor for \(name) (looked for \(torch) and \(name))"
        case let .shape(name, found, dtype, expected, layer):
            return "tensor \(name) is \(dtype) \(found) but \(layer) needs a float tensor \(expected)"
        case .unexpected(let name): return "tensor \(name) matches no parameter of the architecture"
        }
    }
}

extension StateDictError: ToolFailure {
    public var status: ExitStatus { .dataError }
}

extension SafeTensorsError: ToolFailure {
    public var status: ExitStatus { .dataError }
}
