import Dispatch

/// The edges of the Rips complex: pairs i > j with d(i, j) ≤ threshold, indexed
/// C(i, 2) + j in the combinatorial number system, by increasing index.
enum EdgeList {
    /// Rows are counted, then written where the counts before them end, on `threads`
    /// workers: appending one by one regrew and copied the array (4.5 million edges, 72 MB, on
    /// 3000 neurons) while the other cores waited.
    static func edges<Value>(_ distances: DistanceTable<Value>, threshold: Value, threads: Int = 1) -> [DiameterIndex<Value>] {
        let count = distances.count, parts = max(1, min(threads, count))
        // Part p takes the rows from √p / √parts of the way, so every part has about as many pairs.
        let bounds = (0...parts).map { p in Int((Double(count) * (Double(p) / Double(parts)).squareRoot()).rounded()) }
        var starts = [Int](repeating: 0, count: count + 1)
        starts.withUnsafeMutableBufferPointer { starts in
            let shared = UnsafeSendable(starts)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                for i in bounds[part]..<bounds[part + 1] {
                    let row = distances.row(i)
                    var kept = 0
                    for j in 0..<i where row[j] <= threshold { kept += 1 }
                    shared.value[i + 1] = kept
                }
            }
            for i in 0..<count { starts[i + 1] += starts[i] }
        }
        let rowStarts = starts
        return [DiameterIndex<Value>](unsafeUninitializedCapacity: starts[count]) { edges, initialized in
            let shared = UnsafeSendable(edges)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                for i in bounds[part]..<bounds[part + 1] {
                    let row = distances.row(i)
                    var position = rowStarts[i]
                    for j in 0..<i where row[j] <= threshold {
                        shared.value.initializeElement(at: position, to: DiameterIndex(index: i * (i - 1) / 2 + j, diameter: row[j]))
                        position += 1
                    }
                }
            }
            initialized = rowStarts[count]
        }
    }
}
