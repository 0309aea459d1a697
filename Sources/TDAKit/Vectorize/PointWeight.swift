#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A weight for each diagram point, a function of its persistence d − b (gudhi passes weight
/// lambdas; these are the usual ones): `weight=constant` (1), `weight=linear` (d − b) or
/// `weight=power` with `constant=c` and `power=q`: c · |d − b|^q (gudhi's `PowerPerslayWeight`).
public enum PointWeight: Sendable, Equatable {
    case constant
    case power(constant: Double, exponent: Double)

    public static let kinds = ["constant", "linear", "power"]

    public init(parameters: inout VectorizationParameters) throws {
        try self.init(kind: parameters.choice("weight", Self.kinds, default: "constant"), parameters: &parameters)
    }

    /// The weight named `kind` (one of `kinds`), reading `constant` and `power` for `power`.
    public init(kind: String, parameters: inout VectorizationParameters) throws {
        switch kind {
        case "linear": self = .power(constant: 1, exponent: 1)
        case "power":
            self = .power(constant: try parameters.double("constant", default: 1),
                          exponent: try parameters.double("power", default: 1))
        default: self = .constant
        }
    }

    @inlinable
    public func callAsFunction(_ p: PersistencePair) -> Double {
        switch self {
        case .constant: return 1
        case let .power(c, q): return c * pow(abs(p.death - p.birth), q)
        }
    }
}
