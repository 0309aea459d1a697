/// Fast access to all distances from one point, for the lenses and `--eps auto` that scan whole
/// rows (the generic `MetricSpace.distance` switches on the metric per coordinate).
struct DistanceRows: Sendable {
    let space: MetricSpace
    private let packed: PackedPoints?

    init(_ space: MetricSpace) {
        self.space = space
        packed = space.points.map { PackedPoints($0, rows: Array(0..<$0.rows)) }
    }

    var count: Int { space.count }

    /// Distances from point `i` to every point, in index order.
    func row(_ i: Int) -> [Double] {
        switch space {
        case .distances(let d): return Array(d.storage[(i * d.cols)..<((i + 1) * d.cols)])
        case let .points(_, metric):
            guard let packed else { return [] }
            return (0..<count).map { j in
                switch metric {
                case .euclidean: return packed.squaredEuclidean(i, j).squareRoot()
                case .manhattan: return packed.manhattan(i, j)
                case .chebyshev: return packed.chebyshev(i, j)
                }
            }
        }
    }
}
