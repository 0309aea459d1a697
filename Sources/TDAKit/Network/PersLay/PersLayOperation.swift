/// The permutation-invariant op of PersLay over a diagram's vectors vᵢ = w(pᵢ)·φ(pᵢ), per
/// coordinate: gudhi's `perm_op` (`reduce_sum`, `reduce_mean`, `reduce_max`, or "topK").
/// An empty diagram gives zeros; top-k fills the missing ranks with 0 (gudhi pads with −1e10,
/// which a dense head cannot use).
public enum PersLayOperation: Sendable, Equatable {
    case sum, mean, max
    /// The k largest values of each coordinate, coordinate-major (output j·k + r), as gudhi.
    case top(Int)

    /// Parses `sum`, `mean`, `max` or `topK` (K ≥ 1).
    public init?(_ text: String) {
        switch text {
        case "sum": self = .sum
        case "mean": self = .mean
        case "max": self = .max
        default:
            guard text.hasPrefix("top"), let k = Int(text.dropFirst(3)), k > 0 else { return nil }
            self = .top(k)
        }
    }

    public var name: String {
        switch self {
        case .sum: return "sum"
        case .mean: return "mean"
        case .max: return "max"
        case .top(let k): return "top\(k)"
        }
    }

    /// Output values per φ coordinate.
    public var ranks: Int { if case .top(let k) = self { return k } else { return 1 } }

    /// The output of `n` vectors of `m` values (`v`, row-major n × m) into `out` (m·ranks values).
    func apply(_ v: UnsafePointer<Double>, n: Int, m: Int, into out: UnsafeMutablePointer<Double>) {
        out.update(repeating: 0, count: m * ranks)
        guard n > 0 else { return }
        for j in 0..<m {
            switch self {
            case .sum, .mean:
                var total = 0.0
                for i in 0..<n { total += v[i * m + j] }
                out[j] = self == .mean ? total / Double(n) : total
            case .max, .top:
                for (r, i) in selected(v, n: n, m: m, column: j).enumerated() { out[j * ranks + r] = v[i * m + j] }
            }
        }
    }

    /// The gradient with respect to `v` (into `dv`, n × m) of the output's gradient `g`.
    func backward(_ v: UnsafePointer<Double>, n: Int, m: Int, _ g: UnsafePointer<Double>, into dv: UnsafeMutablePointer<Double>) {
        dv.update(repeating: 0, count: n * m)
        guard n > 0 else { return }
        for j in 0..<m {
            switch self {
            case .sum, .mean:
                let share = self == .mean ? g[j] / Double(n) : g[j]
                for i in 0..<n { dv[i * m + j] = share }
            case .max, .top:
                for (r, i) in selected(v, n: n, m: m, column: j).enumerated() { dv[i * m + j] += g[j * ranks + r] }
            }
        }
    }

    /// The rows holding the `ranks` largest values of column `j`, largest first, the earlier row
    /// first on ties (as `tf.math.top_k` and argmax); at most n rows.
    private func selected(_ v: UnsafePointer<Double>, n: Int, m: Int, column j: Int) -> [Int] {
        if ranks == 1 {
            var best = 0
            for i in 1..<n where v[i * m + j] > v[best * m + j] { best = i }
            return [best]
        }
        return Array((0..<n).sorted { a, b in
            let (x, y) = (v[a * m + j], v[b * m + j])
            return x > y || (x == y && a < b)
        }.prefix(ranks))
    }
}
