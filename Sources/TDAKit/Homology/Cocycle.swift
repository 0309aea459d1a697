/// A representative cocycle of one bar: the simplices (vertex lists, largest vertex first)
/// on which it is nonzero and its value there in Z/p, 0 < value < p — ripser.py's
/// `cocycles` layout, one row per simplex.
public struct Cocycle: Sendable, Equatable {
    public var simplices: [[Int]]
    public var values: [Int]

    public init(simplices: [[Int]], values: [Int]) {
        self.simplices = simplices
        self.values = values
    }
}

extension RipsReducer {
    /// Records the cocycle of a bar just found: the column's simplex plus the combination of
    /// simplices added to it, summed in Z/p (Ripser's `compute_cocycles`).
    func recordCocycle(_ simplex: DiameterEntry<Value>, added: WorkingColumn<Value>, dimension: Int) {
        guard wantsCocycles else { return }
        var column = added
        column.push(simplex)
        var simplices: [[Int]] = []
        var values: [Int] = []
        let vertices = UnsafeMutablePointer<Int>.allocate(capacity: dimension + 1)
        defer { vertices.deallocate() }
        while let entry = column.popPivot(field) {
            binomial.vertices(of: entry.index, dimension: dimension, into: vertices)
            simplices.append(Array(UnsafeBufferPointer(start: vertices, count: dimension + 1)))
            values.append(Int(entry.coefficient))
        }
        cocycles[dimension].append(Cocycle(simplices: simplices, values: values))
    }
}
