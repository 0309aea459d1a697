/// A procedural 16×16 grey-image set for CNNs: each class is a motif (bar, diagonal, box, disc,
/// cross, ring, X, corner; up to 10 classes) drawn with random position, size and stroke intensity, plus pixel noise.
public enum ShapeImages {
    public static let side = 16

    /// The motifs, one per class, in class order.
    public enum Motif: Int, CaseIterable, Sendable {
        case horizontalBar, verticalBar, diagonal, antiDiagonal, box, disc, cross, ring, xShape, corner
    }

    public static func generate<G: RandomNumberGenerator>(count: Int, classes: Int, noise: Double, rng: inout G) -> Dataset {
        let n = side * side
        var pixels = [Float](repeating: 0, count: count * n), labels = [Int]()
        for i in 0..<count {
            let label = i % max(classes, 1)
            let motif = Motif(rawValue: label) ?? .horizontalBar
            // Jitter: centre moves up to ±3 pixels, half-size 3…6, intensity 0.6…1.
            let cx = 7.5 + NetworkRandom.uniform(-3, 3, &rng), cy = 7.5 + NetworkRandom.uniform(-3, 3, &rng)
            let half = NetworkRandom.uniform(3, 6, &rng), ink = NetworkRandom.uniform(0.6, 1, &rng)
            for y in 0..<side {
                for x in 0..<side {
                    let dx = Double(x) - cx, dy = Double(y) - cy
                    let on = covers(motif, dx: dx, dy: dy, half: half)
                    pixels[i * n + y * side + x] = Float((on ? ink : 0) + noise * NetworkRandom.normal(&rng))
                }
            }
            labels.append(label)
        }
        return Dataset(features: Matrix(rows: count, cols: n, storage: pixels), labels: labels,
                       shape: TensorShape(channels: 1, height: side, width: side), classes: classes)
    }

    /// Whether the pixel at offset (dx, dy) from the centre is inked by `motif` of half-size `half`.
    static func covers(_ motif: Motif, dx: Double, dy: Double, half: Double) -> Bool {
        let inside = abs(dx) <= half && abs(dy) <= half
        let r = (dx * dx + dy * dy).squareRoot()
        switch motif {
        case .horizontalBar: return abs(dy) <= 1 && abs(dx) <= half
        case .verticalBar: return abs(dx) <= 1 && abs(dy) <= half
        case .diagonal: return inside && abs(dx - dy) <= 1
        case .antiDiagonal: return inside && abs(dx + dy) <= 1
        case .box: return inside && (abs(abs(dx) - half) <= 1 || abs(abs(dy) - half) <= 1)
        case .disc: return r <= half
        case .cross: return inside && (abs(dx) <= 1 || abs(dy) <= 1)
        case .ring: return abs(r - half) <= 1
        case .xShape: return inside && (abs(dx - dy) <= 1 || abs(dx + dy) <= 1)
        case .corner: return inside && (abs(dx + half) <= 1 || abs(dy - half) <= 1)
        }
    }
}
