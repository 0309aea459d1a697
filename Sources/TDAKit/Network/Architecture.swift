/// Builds layers from an architecture string such as
/// `dense:64,relu,dropout:0.2,dense:10` or `conv:8x3:p1,relu,maxpool:2,flatten,dense:10`.
///
/// Tokens (comma-separated, shapes checked in order, positions counted from 1):
/// `dense:UNITS`; `conv:FILTERSxKERNEL[:sSTRIDE][:pPADDING]`; `maxpool:SIZE`, `avgpool:SIZE`;
/// `batchnorm`; `dropout:RATE`; `flatten`; the activations `relu`, `tanh`, `sigmoid`, `gelu`,
/// `identity`; `perslay[:KEY=VALUE…]` on diagram inputs (`PersLaySpec`); and on graph inputs
/// `gcn:UNITS`, `togl:K[:KEY=VALUE…]` (`TOGLSpec`) and `readout:sum|mean|max`, which pools
/// each graph's nodes into one vector (with the cycle vectors of the `togl` layers before it);
/// `dense` before a readout acts on each vertex.
public enum Architecture {
    /// The layer kinds in the order help texts list them (the registry of layer names).
    public static let layerKinds = ["dense", "conv", "maxpool", "avgpool", "batchnorm", "dropout", "flatten", "perslay", "gcn", "togl", "readout"]
        + ActivationFunction.allCases.map(\.rawValue)

    /// The layers of `arch` applied to samples of shape `input`, with zero parameters.
    public static func layers(_ arch: String, input: TensorShape) throws -> [any Layer] {
        let tokens = arch.split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0.filter { !$0.isWhitespace }) }
        guard !(tokens.count == 1 && tokens[0].isEmpty) else { throw ArchitectureError.empty }
        var shape = input
        var layers = [any Layer]()
        var pooled = [Int]()
        for (i, token) in tokens.enumerated() {
            let layer = try makeLayer(token, position: i + 1, input: shape, pooled: &pooled)
            shape = layer.outputShape
            layers.append(layer)
        }
        if let togl = layers.last(where: { $0 is TOGLLayer }), !pooled.isEmpty {
            throw ArchitectureError.shapeMismatch(position: tokens.count, token: tokens.last!,
                                                  message: "'\(togl.token)' pools cycle features that need a readout after it")
        }
        return layers
    }

    /// The layers that work on the node features of graphs (`--data` of graph records), and
    /// those that also do not care about the sample's layout.
    static let graphKinds: Set = ["gcn", "togl", "readout"]
    static let elementwiseKinds = Set(["dropout"] + ActivationFunction.allCases.map(\.rawValue))

    /// Refuses a layer whose parameters memory cannot hold before allocating them: each takes
    /// its value, gradient and two optimiser moments (16 bytes).
    private static func checkParameters(_ count: Double, position: Int, token: String) throws {
        try MemoryGuard.check("--arch layer \(position) '\(token)'", bytes: count * 16)
    }

    private static func makeLayer(_ token: String, position: Int, input: TensorShape, pooled: inout [Int]) throws -> any Layer {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name = parts[0].lowercased(), args = Array(parts.dropFirst())
        func bad(_ expected: String) -> ArchitectureError { .badArgument(position: position, token: token, expected: expected) }
        func mismatch(_ message: String) -> ArchitectureError { .shapeMismatch(position: position, token: token, message: message) }
        if input.isGraph, !graphKinds.contains(name), !elementwiseKinds.contains(name), name != "dense" {
            throw mismatch("gets the node features of graphs; add readout:sum, readout:mean or readout:max before it")
        }
        if !input.isGraph, graphKinds.contains(name) {
            throw mismatch("needs graphs as input (graph records in --data), but gets \(input)")
        }
        func noArguments() throws { if !args.isEmpty { throw bad("'\(name)' without arguments") } }
        func needsImage() throws {
            if !input.isSpatial { throw mismatch("needs an image input (channels×height×width) but gets \(input.count) flat features") }
        }
        if let function = ActivationFunction(rawValue: name) {
            try noArguments()
            return ActivationLayer(function, shape: input)
        }
        switch name {
        case "dense":
            guard args.count == 1, let units = Int(args[0]), units > 0 else { throw bad("dense:UNITS with UNITS > 0") }
            if input.isSpatial { throw mismatch("needs a flat input but gets \(input); add 'flatten' before it") }
            if input.isGraph {
                try checkParameters(Double(input.channels + 1) * Double(units), position: position, token: token)
                return NodeDenseLayer(input: input, outputs: units)
            }
            try checkParameters(Double(input.count + 1) * Double(units), position: position, token: token)
            return DenseLayer(inputs: input.count, outputs: units)
        case "conv":
            let spec = try ConvSpec(args) ?? { throw bad("conv:FILTERSxKERNEL[:sSTRIDE][:pPADDING], e.g. conv:8x3:s1:p1") }()
            try needsImage()
            let span = min(input.height, input.width) + 2 * spec.padding
            if spec.kernel > span {
                throw mismatch("kernel \(spec.kernel)×\(spec.kernel) does not fit input \(input) with padding \(spec.padding)")
            }
            try checkParameters(Double(input.channels * spec.kernel * spec.kernel + 1) * Double(spec.filters), position: position, token: token)
            return Conv2DLayer(input: input, filters: spec.filters, kernel: spec.kernel, stride: spec.stride, padding: spec.padding)
        case "maxpool", "avgpool":
            guard args.count == 1, let size = Int(args[0]), size > 0 else { throw bad("\(name):SIZE with SIZE > 0") }
            try needsImage()
            if size > min(input.height, input.width) { throw mismatch("window \(size)×\(size) does not fit input \(input)") }
            return PoolingLayer(name == "maxpool" ? .max : .avg, size: size, input: input)
        case "batchnorm", "bn":
            try noArguments()
            return BatchNormLayer(shape: input)
        case "dropout":
            guard args.count == 1, let rate = Float(args[0]), rate >= 0, rate < 1 else { throw bad("dropout:RATE with 0 ≤ RATE < 1") }
            return DropoutLayer(rate: rate, shape: input)
        case "flatten":
            try noArguments()
            return FlattenLayer(shape: input)
        case "perslay":
            let spec: PersLaySpec
            do { spec = try PersLaySpec(args) } catch { throw bad(error.expected) }
            guard input.isSpatial, input.width == 3 else {
                throw mismatch("needs persistence diagrams as input (diagram records in --data), but gets \(input)")
            }
            try checkParameters(spec.parameterCount * Double(input.channels), position: position, token: token)
            return PersLayLayer(spec: spec, token: token, input: input)
        case "gcn":
            guard args.count == 1, let units = Int(args[0]), units > 0 else { throw bad("gcn:UNITS with UNITS > 0") }
            try checkParameters(Double(input.channels + 1) * Double(units), position: position, token: token)
            return GCNLayer(input: input, outputs: units)
        case "togl":
            let spec: TOGLSpec
            do { spec = try TOGLSpec(args) } catch { throw bad(error.expected) }
            try checkParameters(Double((input.channels + 1) * spec.hidden + (spec.hidden + 1) * spec.filtrations), position: position, token: token)
            if spec.pooledWidth > 0 { pooled.append(spec.pooledWidth) }
            return TOGLLayer(spec: spec, token: token, input: input)
        case "readout":
            guard args.count == 1, let pooling = ReadoutLayer.Pooling(rawValue: args[0].lowercased()) else { throw bad("readout:sum, readout:mean or readout:max") }
            defer { pooled = [] }
            return ReadoutLayer(pooling, input: input, pooledWidths: pooled)
        default:
            throw ArchitectureError.unknownLayer(position: position, token: token, known: layerKinds)
        }
    }
}

/// The arguments of a `conv` token.
private struct ConvSpec {
    var filters: Int, kernel: Int, stride = 1, padding = 0

    init?(_ args: [String]) {
        guard let first = args.first else { return nil }
        let fk = first.lowercased().split(separator: "x").compactMap { Int($0) }
        guard fk.count == 2, fk[0] > 0, fk[1] > 0 else { return nil }
        filters = fk[0]; kernel = fk[1]
        for option in args.dropFirst() {
            guard let value = Int(option.dropFirst()) else { return nil }
            switch option.first {
            case "s" where value > 0: stride = value
            case "p" where value >= 0: padding = value
            default: return nil
            }
        }
    }
}
