/// One simplex of a filtered complex given to `BoundaryReduction`: where it enters (`part`, then
/// `key`, then `dimension`, so faces come first), its faces as indices into the same list, and
/// the vertex whose function value is its filtration value (for diagram `pairs`).
struct FilteredSimplex {
    var part: Int
    var key: Double
    var dimension: Int
    var faces: [Int]
    var valueVertex: Int
}

/// The standard persistence algorithm over ℤ/2: columns of the boundary matrix in filtration
/// order, each reduced left to right until its lowest entry is a new pivot.
///
/// A graph's complexes (its lower star, or its cone for extended persistence) have no torsion,
/// so ℤ/2 gives the same diagrams as gudhi's ℤ/11. Ties in the order are broken by list index.
enum BoundaryReduction {
    /// Persistence pairs and essential simplices, as indices into `simplices`.
    static func pairs(_ simplices: [FilteredSimplex]) -> (pairs: [(birth: Int, death: Int)], essential: [Int]) {
        let order = simplices.indices.sorted { i, j in
            let a = simplices[i], b = simplices[j]
            if a.part != b.part { return a.part < b.part }
            if a.key != b.key { return a.key < b.key }
            if a.dimension != b.dimension { return a.dimension < b.dimension }
            return i < j
        }
        var position = [Int](repeating: 0, count: simplices.count)
        for (p, i) in order.enumerated() { position[i] = p }
        var owner = [Int](repeating: -1, count: simplices.count)
        var reduced = [[Int]](repeating: [], count: simplices.count)
        var paired = [Bool](repeating: false, count: simplices.count)
        var pairs: [(birth: Int, death: Int)] = []
        for (p, i) in order.enumerated() {
            var column = simplices[i].faces.map { position[$0] }.sorted()
            while let pivot = column.last, owner[pivot] >= 0 {
                column = symmetricDifference(column, reduced[owner[pivot]])
            }
            guard let pivot = column.last else { continue }
            owner[pivot] = p
            reduced[p] = column
            paired[pivot] = true
            paired[p] = true
            pairs.append((order[pivot], i))
        }
        return (pairs, order.indices.filter { !paired[$0] }.map { order[$0] })
    }

    /// The sum over ℤ/2 of two sorted columns.
    private static func symmetricDifference(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { out.append(a[i]); i += 1 } else if b[j] < a[i] { out.append(b[j]); j += 1 } else { i += 1; j += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }
}
