/// Minimum-cost perfect matching of a square cost matrix: the Hungarian method with potentials
/// (Kuhn 1955, Munkres 1957; the O(n³) shortest-augmenting-path form of Jonker and Volgenant).
public enum LinearAssignment {
    /// The assignment `rowToColumn` minimising Σᵢ cost[i, rowToColumn[i]], and that minimum.
    /// Costs must be finite.
    public static func solve(_ cost: Matrix<Double>) -> (rowToColumn: [Int], total: Double) {
        let n = cost.rows
        guard n > 0 else { return ([], 0) }
        // 1-based arrays with a virtual column 0, as in the classic formulation.
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: n + 1)
        var rowOfColumn = [Int](repeating: 0, count: n + 1), way = [Int](repeating: 0, count: n + 1)
        var minimum = [Double](repeating: 0, count: n + 1), used = [Bool](repeating: false, count: n + 1)
        cost.storage.withUnsafeBufferPointer { c in
            for i in 1...n {
                rowOfColumn[0] = i
                var column = 0
                for j in 0...n { minimum[j] = .infinity; used[j] = false }
                repeat {
                    used[column] = true
                    let row = rowOfColumn[column]
                    var delta = Double.infinity, next = 0
                    for j in 1...n where !used[j] {
                        let reduced = c[(row - 1) * n + j - 1] - u[row] - v[j]
                        if reduced < minimum[j] { minimum[j] = reduced; way[j] = column }
                        if minimum[j] < delta { delta = minimum[j]; next = j }
                    }
                    for j in 0...n {
                        if used[j] { u[rowOfColumn[j]] += delta; v[j] -= delta } else { minimum[j] -= delta }
                    }
                    column = next
                } while rowOfColumn[column] != 0
                repeat {
                    let previous = way[column]
                    rowOfColumn[column] = rowOfColumn[previous]
                    column = previous
                } while column != 0
            }
        }
        var rowToColumn = [Int](repeating: 0, count: n)
        for j in 1...n { rowToColumn[rowOfColumn[j] - 1] = j - 1 }
        let total = (0..<n).reduce(0.0) { $0 + cost[$1, rowToColumn[$1]] }
        return (rowToColumn, total)
    }
}
