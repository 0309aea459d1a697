/// The `togl` token of an architecture string: `togl:K` (K learned filtrations) then optional
/// `:KEY=VALUE` arguments and the flag `static`, e.g. `togl:8:hidden=32:dim1=cycles`.
///
/// Keys: `hidden` = the width of each filtration MLP's hidden layer (32); `dim1` = cycles
/// (TOGL's: one point per cycle-closing edge, dying at the last edge's value; the default),
/// extended (the Ext1 diagram of extended persistence, points (min, max)) or none (dimension 0
/// only). `static` is TOGL's static ablation: the same layer and parameters with every vertex
/// paired with itself, (f(v), f(v)), and no cycle points, so no topology reaches the network.
public struct TOGLSpec: Sendable, Equatable {
    public enum Cycles: String, CaseIterable, Sendable { case cycles, extended, none }

    public var filtrations: Int
    public var hidden = 32
    public var cycles = Cycles.cycles
    public var isStatic = false

    /// Parses the arguments after `togl`; the message says what was expected.
    public init(_ arguments: [String]) throws(LayerArgumentError) {
        guard let first = arguments.first, let k = Int(first), k > 0, k <= 256 else {
            throw .init("togl:K with 1 ≤ K ≤ 256 filtrations, then hidden=H, dim1=cycles|extended|none or static")
        }
        filtrations = k
        for argument in arguments.dropFirst() {
            if argument.lowercased() == "static" {
                isStatic = true
                continue
            }
            let kv = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { throw .init("KEY=VALUE arguments or static, got '\(argument)'") }
            switch kv[0].lowercased() {
            case "hidden":
                guard let h = Int(kv[1]), h > 0, h <= 4096 else { throw .init("hidden=H with 1 ≤ H ≤ 4096, got '\(kv[1])'") }
                hidden = h
            case "dim1":
                guard let c = Cycles(rawValue: kv[1].lowercased()) else { throw .init("dim1=cycles, extended or none, got '\(kv[1])'") }
                cycles = c
            default:
                throw .init("togl keys hidden, dim1 (or the flag static), got '\(kv[0])'")
            }
        }
        if isStatic { cycles = .none }
    }

    /// The width of the per-graph vector the layer pools for the readout (0 without cycles).
    public var pooledWidth: Int { cycles == .none ? 0 : filtrations * CoordinateFunctions.width }
}
