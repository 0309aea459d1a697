#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A function on the vertices of a graph, whose lower-star filtration `ph-graph` computes:
/// `degree`, `hks:T` (heat kernel signature at time T), `values:NAME` (a vertex function of the
/// record) or `x:COLUMN` (a node-feature column, from 0).
public enum VertexFiltration: Sendable, Equatable {
    case degree
    case heatKernel(time: Double)
    case values(name: String)
    case feature(column: Int)

    /// The spellings, for help texts and completions.
    public static let kinds = ["degree", "hks:T", "values:NAME", "x:COLUMN"]

    /// Parses a spec; nil when it is none of the kinds.
    public init?(_ spec: String) {
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("degree", 1): self = .degree
        case ("hks", 2):
            guard let t = Double(parts[1]), t.isFinite, t >= 0 else { return nil }
            self = .heatKernel(time: t)
        case ("values", 2) where !parts[1].isEmpty: self = .values(name: parts[1])
        case ("x", 2):
            guard let column = Int(parts[1]), column >= 0 else { return nil }
            self = .feature(column: column)
        default: return nil
        }
    }

    /// The spec as written back in ids and meta (`hks:10`).
    public var name: String {
        switch self {
        case .degree: return "degree"
        case .heatKernel(let t): return "hks:\(t == t.rounded() && abs(t) < 1e15 ? String(Int(t)) : String(t))"
        case .values(let name): return "values:\(name)"
        case .feature(let column): return "x:\(column)"
        }
    }

    /// The function's value at each vertex of `graph`; a missing vertex function or feature column
    /// is a data error naming the record.
    public func values(of graph: GraphRecordView, place: String) throws(ToolError) -> [Double] {
        switch self {
        case .degree: return graph.graph.degrees.map(Double.init)
        case .heatKernel(let t):
            guard graph.graph.vertexCount <= HeatKernelSignature.maxVertexCount else {
                throw ToolError(.dataError, "\(place) has \(graph.graph.vertexCount) nodes; the heat kernel signature decomposes a dense "
                                + "n × n matrix, at most \(HeatKernelSignature.maxVertexCount) nodes")
            }
            return HeatKernelSignature(graph.graph).values(time: t)
        case .values(let name):
            guard case .numbers(let xs)? = graph.values[name] else {
                throw ToolError(.dataError, "\(place) has no vertex function \"\(name)\" in \"values\"")
            }
            return xs
        case .feature(let column):
            guard let x = graph.features, column < x.cols || graph.graph.vertexCount == 0 else {
                throw ToolError(.dataError, "\(place) has no node-feature column \(column) in \"x\"")
            }
            return (0..<x.rows).map { x[$0, column] }
        }
    }
}

/// The heat kernel signature on the normalized Laplacian L = I − D^{-1/2} A D^{-1/2}:
/// hks_t(v) = Σ_k exp(−t λ_k) φ_k(v)², i.e. the diagonal of exp(−tL), as PersLay's experiments
/// compute it (scipy's `csgraph.laplacian(normed=True)` and `eigh`).
///
/// An isolated vertex has a zero row in L, as in scipy (its diagonal is 0, not 1), so its
/// signature is 1 at every t.
public struct HeatKernelSignature: Sendable {
    public let eigen: SymmetricEigen

    /// The largest graph it takes: three dense n × n matrices of doubles, 2.4 GB at 10 000.
    public static let maxVertexCount = 10_000

    public init(_ graph: Graph) {
        let n = graph.vertexCount
        let degree = graph.degrees
        var laplacian = Matrix<Double>(rows: n, cols: n)
        for v in 0..<n where degree[v] > 0 { laplacian[v, v] = 1 }
        for (a, b) in graph.edges {
            let w = -1 / (Double(degree[a]) * Double(degree[b])).squareRoot()
            laplacian[a, b] = w
            laplacian[b, a] = w
        }
        eigen = SymmetricEigen(laplacian)
    }

    /// The signature of every vertex at time `t`.
    public func values(time t: Double) -> [Double] {
        let n = eigen.values.count
        var sum = [Double](repeating: 0, count: n)
        for k in 0..<n {
            // The spectrum lies in [0, 2]; rounding can put 0 a hair below, which a large t
            // would blow up.
            let decay = exp(-t * max(0, eigen.values[k]))
            for v in 0..<n {
                let phi = eigen.vectors[k, v]
                sum[v] += decay * phi * phi
            }
        }
        return sum
    }
}
