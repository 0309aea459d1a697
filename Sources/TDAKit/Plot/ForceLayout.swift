import Glibc

/// A deterministic force-directed layout (Fruchterman & Reingold 1991) for Mapper graphs.
///
/// The update is networkx's `spring_layout` (dense `_fruchterman_reingold`): optimal distance
/// k = √(1/n), displacement Σ δ·(k²/d² − A·d/k), steps capped by a temperature that starts at
/// 0.1 and falls linearly to zero over a fixed number of iterations. Start positions come from
/// a seeded splitmix64, so the same graph and seed always give the same picture.
public enum ForceLayout {
    /// Iterations for `count` nodes: 300 (networkx uses 50) up to ~500 nodes, fewer beyond so a
    /// large graph still lays out in seconds (each iteration is quadratic in the node count).
    public static func defaultIterations(_ count: Int) -> Int { min(300, max(50, 75_000_000 / max(count * count, 1))) }

    /// Positions in roughly the unit square for `count` nodes joined by `edges` (index pairs).
    public static func positions(count: Int, edges: [(Int, Int)], seed: UInt64, iterations: Int? = nil) -> [(x: Double, y: Double)] {
        let iterations = iterations ?? defaultIterations(count)
        guard count > 1 else { return Array(repeating: (0.5, 0.5), count: count) }
        var state = seed
        func uniform() -> Double {
            // splitmix64 (Steele, Lea & Flood 2014), top 53 bits as a double in [0, 1).
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        var x = (0..<count).map { _ in uniform() }, y = (0..<count).map { _ in uniform() }
        var adjacent = [Bool](repeating: false, count: count * count)
        for (a, b) in edges where a != b {
            adjacent[a * count + b] = true
            adjacent[b * count + a] = true
        }
        let k = (1 / Double(count)).squareRoot()
        let gravity = 0.2
        var temperature = 0.1
        let cooling = temperature / Double(iterations + 1)
        var dx = [Double](repeating: 0, count: count), dy = dx
        // Raw pointers in the quadratic loop: array subscripts stay bounds-checked even at -O
        // and keep the loop from vectorising (STYLE.md).
        x.withUnsafeMutableBufferPointer { xb in
            y.withUnsafeMutableBufferPointer { yb in
                dx.withUnsafeMutableBufferPointer { dxb in
                    dy.withUnsafeMutableBufferPointer { dyb in
                        adjacent.withUnsafeBufferPointer { ab in
                            guard let x = xb.baseAddress, let y = yb.baseAddress, let dx = dxb.baseAddress,
                                  let dy = dyb.baseAddress, let adjacent = ab.baseAddress else { return }
                            for _ in 0..<iterations {
                                for i in 0..<count {
                                    var sx = 0.0, sy = 0.0
                                    let (xi, yi) = (x[i], y[i])
                                    for j in 0..<count where j != i {
                                        let ex = xi - x[j], ey = yi - y[j]
                                        let d = max((ex * ex + ey * ey).squareRoot(), 0.01)
                                        let f = k * k / (d * d) - (adjacent[i * count + j] ? d / k : 0)
                                        sx += ex * f
                                        sy += ey * f
                                    }
                                    // A weak pull to the centre, which networkx lacks, keeps components
                                    // and isolated nodes (common in Mapper graphs) from drifting away.
                                    dx[i] = sx - gravity * (xi - 0.5)
                                    dy[i] = sy - gravity * (yi - 0.5)
                                }
                                for i in 0..<count {
                                    let length = max((dx[i] * dx[i] + dy[i] * dy[i]).squareRoot(), 0.01)
                                    x[i] += dx[i] * temperature / length
                                    y[i] += dy[i] * temperature / length
                                }
                                temperature -= cooling
                            }
                        }
                    }
                }
            }
        }
        return zip(x, y).map { (x: $0, y: $1) }
    }

    /// Pushes overlapping circles apart (each pair by half the overlap, 1.5 px apart at least),
    /// keeping centres inside `box`: sizes are only known in pixels, after the layout. Stops when
    /// nothing overlaps or after `iterations` sweeps (a crowded box may keep some overlap).
    public static func separate(_ x: inout [Double], _ y: inout [Double], radii: [Double], within box: PlotRect, iterations: Int = 60) {
        let n = x.count
        for _ in 0..<iterations {
            var moved = false
            for i in 0..<n {
                for j in (i + 1)..<max(n, i + 1) {
                    var dx = x[j] - x[i], dy = y[j] - y[i]
                    var d = (dx * dx + dy * dy).squareRoot()
                    let need = radii[i] + radii[j] + 1.5
                    guard d < need else { continue }
                    if d < 1e-9 {
                        // Coincident centres: split along a fixed direction that depends on the pair.
                        (dx, dy, d) = (cos(Double(i + j)), sin(Double(i + j)), 1)
                    }
                    let push = (need - d) / 2 / d
                    x[i] -= dx * push
                    y[i] -= dy * push
                    x[j] += dx * push
                    y[j] += dy * push
                    moved = true
                }
            }
            for i in 0..<n {
                x[i] = min(max(x[i], box.x + radii[i]), box.maxX - radii[i])
                y[i] = min(max(y[i], box.y + radii[i]), box.maxY - radii[i])
            }
            if !moved { break }
        }
    }
}
