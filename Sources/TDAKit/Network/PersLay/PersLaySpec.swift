/// The `perslay` token of an architecture string: `perslay` then `:KEY=VALUE` arguments (no
/// commas, which separate layers), e.g. `perslay:phi=gaussian:size=10:weight=grid:op=sum`.
///
/// Keys: `phi` = gaussian (`size` ≤ 256, `sigma`), tent (`samples`), flat (`samples`, `theta`), line
/// (`lines`); `weight` = power (`power`), grid (`grid`), gmix (`gaussians`, `wsigma`); `op` = sum,
/// mean, max, topK; `lo`, `hi`: the φ grid or samples range (diagrams are min–max scaled to [0, 1]).
public struct PersLaySpec: Sendable, Equatable {
    public var phi = "gaussian", weight = "power", operation = PersLayOperation.sum
    public var size = 10, samples = 10, lines = 10, grid = 10, gaussians = 4
    public var sigma = 0.1, theta = 10.0, power = 0.0, weightSigma = 0.5, lo = 0.0, hi = 1.0

    public static let phis = ["gaussian", "tent", "flat", "line"]
    public static let weights = ["power", "grid", "gmix"]
    /// The grid weight covers the scaled square with PersLay's margin (its MUTAG model: ±0.001).
    static let gridBounds = (lo: -0.001, hi: 1.001)

    /// Parses the arguments after `perslay:`; the message says what was expected.
    public init(_ arguments: [String]) throws(LayerArgumentError) {
        for argument in arguments {
            let kv = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { throw .init("KEY=VALUE arguments, got '\(argument)'") }
            let (key, value) = (kv[0].lowercased(), kv[1])
            switch key {
            case "phi": phi = try Self.choice(value, Self.phis, key)
            case "weight": weight = try Self.choice(value, Self.weights, key)
            case "op":
                guard let op = PersLayOperation(value.lowercased()) else { throw .init("op=sum, mean, max or topK, got '\(value)'") }
                operation = op
            case "size": size = try Self.count(value, key, limit: 256)
            case "samples": samples = try Self.count(value, key)
            case "lines": lines = try Self.count(value, key)
            case "grid": grid = try Self.count(value, key)
            case "gaussians": gaussians = try Self.count(value, key)
            case "sigma": sigma = try Self.positive(value, key)
            case "wsigma": weightSigma = try Self.positive(value, key)
            case "theta": theta = try Self.positive(value, key)
            case "power": power = try Self.number(value, key)
            case "lo": lo = try Self.number(value, key)
            case "hi": hi = try Self.number(value, key)
            default: throw .init("a key among phi, weight, op, size, sigma, samples, theta, lines, grid, gaussians, wsigma, power, lo, hi; got '\(key)'")
            }
        }
        guard lo < hi else { throw .init("lo < hi, got lo=\(lo) hi=\(hi)") }
        if phi == "gaussian", case .top = operation { throw .init("op=sum, mean or max with phi=gaussian (top-k needs a 1-D φ)") }
    }

    /// One channel's weight, φ and op with their initial tensors.
    public func channel() -> PersLayChannel {
        let w: any PersLayWeight
        switch weight {
        case "grid": w = GridWeight(size: grid, lo: Self.gridBounds.lo, hi: Self.gridBounds.hi)
        case "gmix": w = GaussianMixtureWeight(count: gaussians, sigma: weightSigma, lo: 0, hi: 1)
        default: w = PowerWeight(power: power)
        }
        let f: any PersLayPhi
        switch phi {
        case "tent": f = TentPhi(count: samples, lo: lo, hi: hi)
        case "flat": f = FlatPhi(count: samples, lo: lo, hi: hi, theta: theta)
        case "line": f = LinePhi(count: lines)
        default: f = GaussianImagePhi(size: size, lo: lo, hi: hi, sigma: sigma)
        }
        return PersLayChannel(weight: w, phi: f, operation: operation)
    }

    /// Parameters per channel, for the memory check before allocation.
    public var parameterCount: Double {
        let w = weight == "grid" ? grid * grid : weight == "gmix" ? 4 * gaussians : 1
        let f = phi == "tent" ? samples : phi == "flat" ? samples + 1 : phi == "line" ? 3 * lines : 1
        return Double(w + f)
    }

    private static func choice(_ value: String, _ known: [String], _ key: String) throws(LayerArgumentError) -> String {
        guard known.contains(value.lowercased()) else { throw .init("\(key)=\(known.joined(separator: ", ")), got '\(value)'") }
        return value.lowercased()
    }

    /// A count in 1…`limit`: bounds that keep a batch's PersLay output in memory (an image φ
    /// has size² values per channel and sample).
    private static func count(_ value: String, _ key: String, limit: Int = 4096) throws(LayerArgumentError) -> Int {
        guard let n = Int(value), n > 0, n <= limit else { throw .init("\(key)=N with 1 ≤ N ≤ \(limit), got '\(value)'") }
        return n
    }

    private static func number(_ value: String, _ key: String) throws(LayerArgumentError) -> Double {
        guard let x = Double(value), x.isFinite else { throw .init("\(key)=a finite number, got '\(value)'") }
        return x
    }

    private static func positive(_ value: String, _ key: String) throws(LayerArgumentError) -> Double {
        let x = try number(value, key)
        guard x > 0 else { throw .init("\(key)=a positive number, got '\(value)'") }
        return x
    }
}

/// What a `perslay` or `togl` token should have said (becomes an `ArchitectureError.badArgument`).
public struct LayerArgumentError: Error, Equatable {
    public let expected: String
    init(_ expected: String) { self.expected = expected }
}
