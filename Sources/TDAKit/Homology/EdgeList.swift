/// The edges of the Rips complex: pairs i > j with d(i, j) ≤ threshold, indexed
/// C(i, 2) + j in the combinatorial number system.
enum EdgeList {
    static func edges<Value>(_ distances: DistanceTable<Value>, threshold: Value) -> [DiameterIndex<Value>] {
        var edges: [DiameterIndex<Value>] = []
        for i in 1..<max(distances.count, 1) {
            let row = distances.row(i)
            for j in 0..<i where row[j] <= threshold {
                edges.append(DiameterIndex(index: i * (i - 1) / 2 + j, diameter: row[j]))
            }
        }
        return edges
    }
}
