/// Edge collapse of a filtered flag complex (Boissonnat and Pritam, "Edge collapse and
/// persistence of flag complexes", SoCG 2020), in the form that also delays edges (Glisse and
/// Pritam, "Swap, shift and trim to edge collapse a filtration", SoCG 2022), as giotto-ph's
/// `collapse_edges` through gudhi.
///
/// An edge uv is dominated by a vertex c when c and every other common neighbour of u and v
/// are adjacent: removing uv from the flag complex is then a sequence of elementary collapses,
/// which keeps the homotopy type. Edges are visited from the last value of the filtration to
/// the first. An edge dominated in the graph of its value t is not needed before the first
/// value at which a new common neighbour appears that no dominator covers: its value moves
/// there, and if that never happens the edge is removed. Each complex of the new filtration is
/// homotopy equivalent to the input's at the same value, compatibly with the inclusions, so the
/// persistence diagrams in every dimension are the same, and every value of the output is a
/// value of the input.
///
/// The graph is held as dense bit rows (the edges of value ≤ t, and every remaining edge) and
/// a square table of current values, so a common-neighbour set or a domination test costs a
/// word operation per 64 vertices: n²(value + 1/4) bytes for n vertices.
final class EdgeCollapse<Value: RipsScalar> {
    let count: Int
    /// 64-bit words per bit row.
    private let words: Int
    /// Current value of each edge, +∞ when absent or removed; row stride `stride`.
    private let value: UnsafeMutablePointer<Value>
    private let stride: Int
    /// Rows of the edges whose current value is at most the value being visited.
    private let present: UnsafeMutablePointer<UInt64>
    /// Rows of the edges not removed (any value).
    private let remaining: UnsafeMutablePointer<UInt64>
    /// Common neighbours of the edge being visited at the current time.
    private let common: UnsafeMutablePointer<UInt64>
    /// Indices of the words of `common` that are not zero (scratch of `findDominator`).
    private let occupied: UnsafeMutablePointer<Int>

    /// The graph of the edges of `table` with value ≤ `threshold`.
    init(_ table: DistanceTable<Value>, threshold: Value) {
        count = table.count
        stride = table.stride
        words = (count + 63) / 64
        value = .allocate(capacity: max(stride * count, 1))
        present = .allocate(capacity: max(words * count, 1))
        remaining = .allocate(capacity: max(words * count, 1))
        common = .allocate(capacity: max(words, 1))
        occupied = .allocate(capacity: max(words, 1))
        present.initialize(repeating: 0, count: max(words * count, 1))
        for i in 0..<count {
            let row = table.row(i)
            for j in 0..<stride {
                // The diagonal and the padding are +∞, which a threshold of +∞ would admit.
                let edge = row[j] <= threshold && row[j] < .infinity
                value[i * stride + j] = edge ? row[j] : .infinity
                if edge { present[i * words + j / 64] |= 1 << UInt64(j % 64) }
            }
        }
        remaining.initialize(from: present, count: max(words * count, 1))
    }

    deinit {
        value.deallocate()
        present.deallocate()
        remaining.deallocate()
        common.deallocate()
        occupied.deallocate()
    }

    /// The edges that remain, with their (possibly later) values, in no particular order (call
    /// once: the graph is consumed);
    /// `progress` hears `RipsPhase.collapse` every 4096 edges.
    func collapse(progress: RipsProgress? = nil) -> [SparseEdge] {
        var edges: [(u: Int32, v: Int32, value: Value)] = []
        for i in 1..<max(count, 1) {
            for j in 0..<i where value[i * stride + j] < .infinity {
                edges.append((Int32(i), Int32(j), value[i * stride + j]))
            }
        }
        // From the last edge of the filtration to the first; ties in a fixed order.
        edges.sort { $0.value > $1.value || ($0.value == $1.value && ($0.u, $0.v) > ($1.u, $1.v)) }
        var result: [SparseEdge] = []
        var keptAtValue: [(Int, Int)] = []
        for (position, (u32, v32, t)) in edges.enumerated() {
            if position & 0xFFF == 0 { progress?(.collapse, position, edges.count) }
            let u = Int(u32), v = Int(v32)
            if let last = keptAtValue.first, value[last.0 * stride + last.1] > t {
                for (a, b) in keptAtValue { clearEdge(a, b, in: present) }
                keptAtValue.removeAll(keepingCapacity: true)
            }
            switch delay(u, v, t) {
            case nil:
                clearEdge(u, v, in: present)
                clearEdge(u, v, in: remaining)
                value[u * stride + v] = .infinity
                value[v * stride + u] = .infinity
            case let time? where time > t:
                clearEdge(u, v, in: present)
                value[u * stride + v] = time
                value[v * stride + u] = time
                result.append(SparseEdge(u: u, v: v, diameter: Double(time)))
            default:
                keptAtValue.append((u, v))
                result.append(SparseEdge(u: u, v: v, diameter: Double(t)))
            }
        }
        progress?(.collapse, edges.count, edges.count)
        return result
    }

    /// The first time ≥ t at which edge uv is not dominated, or nil when it stays dominated.
    private func delay(_ u: Int, _ v: Int, _ t: Value) -> Value? {
        let rowU = present + u * words, rowV = present + v * words
        for k in 0..<words { common[k] = rowU[k] & rowV[k] }
        var time = t
        while let dominator = findDominator(at: time, rowsAreCurrent: time == t) {
            // The dominator covers every common neighbour that appears before the first one it
            // is not adjacent to when it appears: no need to visit the times in between.
            guard let broken = laterCommonNeighbors(u, v, uncoveredBy: dominator) else { return nil }
            time = broken
            joinCommonNeighbors(u, v, until: time)
        }
        return time
    }

    /// Calls `body(w, time)` for each common neighbour w of u and v not yet in `common`, with
    /// the time it appears (the later of its two edges).
    @inline(__always)
    private func forEachLaterCommonNeighbor(_ u: Int, _ v: Int, _ body: (Int, Value) -> Void) {
        let allU = remaining + u * words, allV = remaining + v * words
        let valuesU = value + u * stride, valuesV = value + v * stride
        for k in 0..<words {
            var bits = allU[k] & allV[k] & ~common[k]
            while bits != 0 {
                let w = k &* 64 &+ bits.trailingZeroBitCount
                bits &= bits &- 1
                body(w, Swift.max(valuesU[w], valuesV[w]))
            }
        }
    }

    /// The first time a later common neighbour of u and v appears that `dominator` is not
    /// adjacent to by then, or nil when it covers them all.
    private func laterCommonNeighbors(_ u: Int, _ v: Int, uncoveredBy dominator: Int) -> Value? {
        let values = value + dominator * stride
        var first = Value.infinity
        forEachLaterCommonNeighbor(u, v) { w, time in
            if values[w] > time && time < first { first = time }
        }
        return first < .infinity ? first : nil
    }

    /// Adds to `common` the common neighbours of u and v that appear by `time`.
    private func joinCommonNeighbors(_ u: Int, _ v: Int, until time: Value) {
        forEachLaterCommonNeighbor(u, v) { w, appears in
            if appears <= time { common[w / 64] |= 1 << UInt64(w % 64) }
        }
    }

    /// The first vertex c of `common` adjacent at `time` to every other vertex of `common`.
    /// `rowsAreCurrent`: `time` is the value being visited, whose graph the bit rows of
    /// `present` are.
    private func findDominator(at time: Value, rowsAreCurrent: Bool) -> Int? {
        // Only the words where `common` has bits are tested, listed once: common neighbours
        // are few for most edges (measured with the one-pass later neighbours: torus, 2000
        // points, the collapse run went from 4.8 to 3.6 s CPU).
        var used = 0
        for k in 0..<words where common[k] != 0 {
            occupied[used] = k
            used += 1
        }
        for index in 0..<used {
            let k = occupied[index]
            var candidates = common[k]
            while candidates != 0 {
                let c = k &* 64 &+ candidates.trailingZeroBitCount
                candidates &= candidates &- 1
                if dominates(c, at: time, words: used, rowsAreCurrent: rowsAreCurrent) { return c }
            }
        }
        return nil
    }

    /// Whether c is adjacent at `time` to every vertex of `common` but itself, looking at the
    /// first `used` words of `occupied`. The bit row of the value being visited settles all;
    /// at a later time, the neighbours it lacks are looked up in `value`.
    @inline(__always)
    private func dominates(_ c: Int, at time: Value, words used: Int, rowsAreCurrent: Bool) -> Bool {
        let row = present + c * words, values = value + c * stride
        let own = c / 64, bit: UInt64 = 1 << UInt64(c % 64)
        // Lookups in `value` miss the cache (they were half the collapse's time on the
        // torus): first rule out with bits alone the neighbours c never has.
        let ever = rowsAreCurrent ? row : remaining + c * words
        for index in 0..<used {
            let k = occupied[index]
            if common[k] & ~ever[k] & (k == own ? ~bit : ~0) != 0 { return false }
        }
        guard !rowsAreCurrent else { return true }
        for index in 0..<used {
            let k = occupied[index]
            var missing = common[k] & ~row[k]
            if k == own { missing &= ~bit }
            while missing != 0 {
                let w = k &* 64 &+ missing.trailingZeroBitCount
                missing &= missing &- 1
                if values[w] > time { return false }
            }
        }
        return true
    }

    private func clearEdge(_ u: Int, _ v: Int, in rows: UnsafeMutablePointer<UInt64>) {
        rows[u * words + v / 64] &= ~(1 << UInt64(v % 64))
        rows[v * words + u / 64] &= ~(1 << UInt64(u % 64))
    }
}
