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

    public init(parameters: inout VectorizationParameters) throws {
        switch try parameters.choice("weight", ["constant", "linear", "power"], default: "constant") {
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
