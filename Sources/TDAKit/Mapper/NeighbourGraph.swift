/// The eps-neighbourhood graph of a subset of points: one bit row per point, bit `j` of row `i`
/// set when `distance(i, j) <= eps` (inclusive, as scikit-learn's `radius_neighbors`).
/// A point is its own neighbour, so row `i` always has bit `i`.
///
/// Bits rather than index lists keep a 4 000-point cover element at 2 MB, and let DBSCAN
/// count neighbours with `popcount` and intersect rows with the core mask word by word.
public struct NeighbourGraph: Sendable {
    /// The number of points (local indices `0..<count`).
    public let count: Int
    let wordsPerRow: Int
    var bits: [UInt64]

    /// The neighbourhood graph of the points `members` (global row indices) of `space`.
    public init(space: MetricSpace, members: [Int], eps: Double) {
        count = members.count
        wordsPerRow = (members.count + 63) / 64
        bits = [UInt64](repeating: 0, count: count * wordsPerRow)
        for i in 0..<count { set(i, i) }
        switch space {
        case .distances(let d):
            for i in 0..<count { for j in stride(from: i + 1, to: count, by: 1) where d[members[i], members[j]] <= eps { link(i, j) } }
        case let .points(x, metric):
            let block = PackedPoints(x, rows: members)
            switch metric {
            case .euclidean: euclideanPairs(block, count: count, squaredRadius: eps * eps) { link($0, $1) }
            case .manhattan: linkPairs(block) { block.manhattan($0, $1) <= eps }
            case .chebyshev: linkPairs(block) { block.chebyshev($0, $1) <= eps }
            }
        }
    }

    private mutating func linkPairs(_ block: PackedPoints, within: (Int, Int) -> Bool) {
        for i in 0..<count { for j in stride(from: i + 1, to: count, by: 1) where within(i, j) { link(i, j) } }
    }

    @inline(__always) private mutating func set(_ i: Int, _ j: Int) {
        bits[i * wordsPerRow + j >> 6] |= 1 << UInt64(j & 63)
    }

    @inline(__always) private mutating func link(_ i: Int, _ j: Int) { set(i, j); set(j, i) }

    /// Whether `j` is within eps of `i`.
    public func contains(_ i: Int, _ j: Int) -> Bool { bits[i * wordsPerRow + j >> 6] >> UInt64(j & 63) & 1 == 1 }

    /// The number of neighbours of `i`, itself included.
    public func degree(_ i: Int) -> Int {
        var n = 0
        for w in 0..<wordsPerRow { n += bits[i * wordsPerRow + w].nonzeroBitCount }
        return n
    }

    /// Calls `body` with each neighbour `j` of `i` (ascending) whose bit is set in `mask`.
    public func forEachNeighbour(of i: Int, in mask: [UInt64], _ body: (Int) -> Void) {
        for w in 0..<wordsPerRow {
            var word = bits[i * wordsPerRow + w] & mask[w]
            while word != 0 {
                body(w << 6 + word.trailingZeroBitCount)
                word &= word - 1
            }
        }
    }
}

/// Rows of a point matrix copied into one buffer, each padded with zeros to a multiple of 8
/// so the distance loops run on whole `SIMD8<Double>` vectors with no tail.
struct PackedPoints: Sendable {
    let stride: Int
    let values: [Double]

    init(_ x: Matrix<Double>, rows: [Int]) {
        let stride = (x.cols + 7) / 8 * 8
        var values = [Double](repeating: 0, count: rows.count * stride)
        values.withUnsafeMutableBufferPointer { out in
            x.storage.withUnsafeBufferPointer { source in
                for (r, i) in rows.enumerated() {
                    let from = UnsafeBufferPointer(rebasing: source[(i * x.cols)..<((i + 1) * x.cols)])
                    _ = UnsafeMutableBufferPointer(rebasing: out[(r * stride)..<(r * stride + x.cols)]).initialize(from: from)
                }
            }
        }
        self.stride = stride
        self.values = values
    }

    /// Squared Euclidean distance: the exact reference for pairs near eps (the Gram kernel's
    /// recheck) and for whole distance rows. The SIMD loop over raw pointers vectorises (array
    /// subscripts stay bounds-checked and do not).
    @inline(__always) func squaredEuclidean(_ i: Int, _ j: Int) -> Double {
        reduce(i, j, initial: .zero) { acc, d in acc.addingProduct(d, d) }.sum()
    }

    @inline(__always) func manhattan(_ i: Int, _ j: Int) -> Double {
        reduce(i, j, initial: .zero) { acc, d in acc + pointwiseMax(d, -d) }.sum()
    }

    @inline(__always) func chebyshev(_ i: Int, _ j: Int) -> Double {
        reduce(i, j, initial: .zero) { acc, d in pointwiseMax(acc, pointwiseMax(d, -d)) }.max()
    }

    @inline(__always)
    private func reduce(_ i: Int, _ j: Int, initial: SIMD8<Double>,
                        _ step: (SIMD8<Double>, SIMD8<Double>) -> SIMD8<Double>) -> SIMD8<Double> {
        values.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return initial }
            let a = UnsafeRawPointer(base + i * stride), b = UnsafeRawPointer(base + j * stride)
            var acc = initial
            var k = 0
            while k < stride {
                let va = a.loadUnaligned(fromByteOffset: k * 8, as: SIMD8<Double>.self)
                let vb = b.loadUnaligned(fromByteOffset: k * 8, as: SIMD8<Double>.self)
                acc = step(acc, va - vb)
                k += 8
            }
            return acc
        }
    }
}
