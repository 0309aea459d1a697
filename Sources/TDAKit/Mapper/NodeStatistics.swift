/// What a Mapper node holds, as TopoAct shows it: how many points, which labels and how pure,
/// where on the lens, and how strongly the layer fires on them.
public struct NodeStatistics: Sendable, Equatable {
    public let size: Int
    /// Label counts, most frequent first (ties in order of first appearance in the input);
    /// empty when the input has no labels.
    public let labelCounts: [(label: String, count: Int)]
    /// Mean lens value per lens dimension.
    public let meanLens: [Double]
    /// Smallest and largest lens value of the members per lens dimension.
    public let lensRange: [(lo: Double, hi: Double)]
    /// Mean Euclidean norm of the member points (nil for a distance-matrix input).
    public let meanNorm: Double?
    /// Mean coordinate over all members and coordinates, the mean activation of a layer
    /// (nil for a distance-matrix input).
    public let meanActivation: Double?

    /// The three most frequent labels with their shares of the node.
    public var topLabels: [(label: String, share: Double)] {
        labelCounts.prefix(3).map { ($0.label, Double($0.count) / Double(size)) }
    }

    /// Share of the most frequent label (nil without labels).
    public var purity: Double? { topLabels.first?.share }

    public static func == (a: NodeStatistics, b: NodeStatistics) -> Bool {
        a.size == b.size && a.meanLens == b.meanLens && a.meanNorm == b.meanNorm
            && a.meanActivation == b.meanActivation
            && a.labelCounts.map(\.label) == b.labelCounts.map(\.label)
            && a.labelCounts.map(\.count) == b.labelCounts.map(\.count)
    }

    /// Statistics of the points `members` (row indices of `space`, `lens` and `labels`).
    public init(members: [Int], space: MetricSpace, lens: Matrix<Double>, labels: PointLabels?) {
        size = members.count
        let n = Double(max(members.count, 1))
        meanLens = (0..<lens.cols).map { j in members.reduce(0) { $0 + lens[$1, j] } / n }
        lensRange = (0..<lens.cols).map { j in
            members.reduce((lo: Double.infinity, hi: -Double.infinity)) { (min($0.lo, lens[$1, j]), max($0.hi, lens[$1, j])) }
        }
        if let x = space.points {
            var norms = 0.0, total = 0.0
            for i in members {
                let row = x.storage[(i * x.cols)..<((i + 1) * x.cols)]
                norms += row.reduce(0) { $0 + $1 * $1 }.squareRoot()
                total += row.reduce(0, +)
            }
            meanNorm = norms / n
            meanActivation = total / (n * Double(max(x.cols, 1)))
        } else {
            meanNorm = nil
            meanActivation = nil
        }
        labelCounts = labels?.counts(members) ?? []
    }
}

/// Class labels of the input points, coded in order of first appearance (the tie order for
/// label counts).
public struct PointLabels: Sendable {
    /// Distinct labels in order of first appearance.
    public let names: [String]
    /// Per point, the index of its label in `names`.
    public let codes: [Int]

    public init(_ labels: [String]) {
        var index: [String: Int] = [:]
        var names: [String] = []
        codes = labels.map { label in
            if let k = index[label] { return k }
            index[label] = names.count
            names.append(label)
            return names.count - 1
        }
        self.names = names
    }

    /// Label counts over `members`, most frequent first, ties by first appearance.
    public func counts(_ members: [Int]) -> [(label: String, count: Int)] {
        var counts = [Int](repeating: 0, count: names.count)
        for i in members { counts[codes[i]] += 1 }
        return names.indices.filter { counts[$0] > 0 }
            .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
            .map { (names[$0], counts[$0]) }
    }
}
