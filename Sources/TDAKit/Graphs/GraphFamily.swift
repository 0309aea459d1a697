/// Seeded generators of synthetic graph sets, spelled `NAME[:key=value...]`:
/// - `cycles[:cycle=C]` and `necklaces`: TOGL's two classification sets (Horn et al., 2022):
///   n uniform in 10...19, class 0 or 1 with equal odds, node features x ~ N(0, 1)³;
/// - `erdos-renyi[:n=N:p=P]`: G(n, p), each pair linked with probability p;
/// - `geometric[:n=N:r=R]`: n points uniform in the unit square, linked within distance R,
///   the points as node features.
public enum GraphFamily: Sendable, Equatable {
    /// Class 0: one n-cycle. Class 1: ⌊(n − C)/C⌋ disjoint C-cycles, the rest one more cycle.
    case cycles(cycle: Int)
    /// A path of n − 4 nodes and two 2-node chains hung at ⌊L/3⌋ and ⌊2L/3⌋. Class 1: each
    /// chain closes a triangle at one point. Class 0: each chain bridges the two points, so
    /// together they close one long cycle.
    case necklaces
    case erdosRenyi(nodes: Int, probability: Double)
    case geometric(nodes: Int, radius: Double)

    public static let names = ["cycles", "necklaces", "erdos-renyi", "geometric"]

    /// Parses a spec; unknown names, keys or out-of-range values are usage errors.
    public init(_ spec: String) throws(ToolError) {
        let parts = spec.split(separator: ":").map(String.init)
        var given: [String: Double] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, let value = Double(pair[1]), value.isFinite else {
                throw ToolError.usage("--generate: '\(part)' is not key=number in '\(spec)'")
            }
            given[pair[0]] = value
        }
        func take(_ key: String, _ fallback: Double, _ valid: (Double) -> Bool) throws(ToolError) -> Double {
            let value = given.removeValue(forKey: key) ?? fallback
            guard valid(value) else { throw ToolError.usage("--generate: \(key)=\(value) is out of range in '\(spec)'") }
            return value
        }
        let whole = { (x: Double) in x == x.rounded() && x >= 1 && x <= 100_000 }
        switch parts.first ?? "" {
        case "cycles": self = .cycles(cycle: Int(try take("cycle", 3) { whole($0) && $0 >= 3 && $0 <= 5 }))
        case "necklaces": self = .necklaces
        case "erdos-renyi":
            self = .erdosRenyi(nodes: Int(try take("n", 20, whole)), probability: try take("p", 0.2) { $0 >= 0 && $0 <= 1 })
        case "geometric":
            self = .geometric(nodes: Int(try take("n", 30, whole)), radius: try take("r", 0.3) { $0 >= 0 })
        default:
            let hint = Suggestion.closest(to: parts.first ?? "", in: Self.names).map { "; did you mean '\($0)'?" } ?? ""
            throw ToolError.usage("--generate: unknown family '\(parts.first ?? "")'\(hint)")
        }
        if let key = given.keys.sorted().first { throw ToolError.usage("--generate: '\(key)' is not a parameter of '\(parts[0])'") }
    }

    /// `count` graphs drawn in sequence from one generator seeded with `seed`, ids `NAME/k`.
    public func graphs(count: Int, seed: UInt64) -> [GraphRecordView] {
        var rng = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { k in
            var graph = draw(&rng)
            graph.id = "\(name)/\(k)"
            return graph
        }
    }

    var name: String {
        switch self {
        case .cycles: return "cycles"
        case .necklaces: return "necklaces"
        case .erdosRenyi: return "erdos-renyi"
        case .geometric: return "geometric"
        }
    }

    private func draw(_ rng: inout Xoshiro256StarStar) -> GraphRecordView {
        switch self {
        case .cycles(let c):
            let (n, label) = (10 + rng.nextInt(below: 10), rng.nextInt(below: 2))
            var links: [(Int, Int)] = []
            func cycle(_ start: Int, _ length: Int) { for i in 0..<length { links.append((start + i, start + (i + 1) % length)) } }
            if label == 1 {
                let small = (n - c) / c
                for t in 0..<small { cycle(t * c, c) }
                cycle(small * c, n - small * c)
            } else {
                cycle(0, n)
            }
            return labelled(n, links, label, &rng)
        case .necklaces:
            let (n, label) = (10 + rng.nextInt(below: 10), rng.nextInt(below: 2))
            let chain = n - 4, (p, q) = ((n - 4) / 3, 2 * (n - 4) / 3)
            var links = (0..<(chain - 1)).map { ($0, $0 + 1) } + [(chain, chain + 1), (chain + 2, chain + 3)]
            links += label == 1 ? [(p, chain), (p, chain + 1), (q, chain + 2), (q, chain + 3)]
                                : [(p, chain), (p, chain + 2), (q, chain + 1), (q, chain + 3)]
            return labelled(n, links, label, &rng)
        case .erdosRenyi(let n, let probability):
            var links: [(Int, Int)] = []
            for a in 0..<n { for b in (a + 1)..<max(a + 1, n) where rng.nextDouble() < probability { links.append((a, b)) } }
            return GraphRecordView(id: nil, graph: Graph(vertexCount: n, links: links))
        case .geometric(let n, let radius):
            let points = (0..<(2 * n)).map { _ in rng.nextDouble() }
            var links: [(Int, Int)] = []
            for a in 0..<n {
                for b in (a + 1)..<max(a + 1, n) {
                    let dx = points[2 * a] - points[2 * b], dy = points[2 * a + 1] - points[2 * b + 1]
                    if dx * dx + dy * dy <= radius * radius { links.append((a, b)) }
                }
            }
            return GraphRecordView(id: nil, graph: Graph(vertexCount: n, links: links), features: Matrix(rows: n, cols: 2, storage: points))
        }
    }

    /// A classification graph: its class and three standard normal features per node.
    private func labelled(_ n: Int, _ links: [(Int, Int)], _ label: Int, _ rng: inout Xoshiro256StarStar) -> GraphRecordView {
        let x = Matrix(rows: n, cols: 3, storage: (0..<(3 * n)).map { _ in NetworkRandom.normal(&rng) })
        return GraphRecordView(id: nil, graph: Graph(vertexCount: n, links: links), features: x, y: .number(Double(label)))
    }
}
