import Testing
@testable import TDAKit

/// Hand-written backward passes of the graph layers against central finite differences: the
/// coordinate functions in Float64, whole networks (every graph layer, both kinds of cycle
/// points, every readout) in Float32.
@Suite("Graph layer gradients")
struct GraphLayerGradientTests {
    @Test("coordinate functions: parameter and point gradients match central differences in Float64")
    func coordinates() {
        var rng = SplitMix(7)
        var checked = 0
        for _ in 0..<200 {
            var p = CoordinateFunctions.initial(&rng)
            for i in p.indices where i != CoordinateFunctions.sigma { p[i] += NetworkRandom.uniform(-1, 1, &rng) }
            let (b, d) = (NetworkRandom.uniform(-1, 1, &rng), NetworkRandom.uniform(-1, 2, &rng))
            // Kinks (|·| and relu at 0) are not differentiable: draws within 1e-4 of one are skipped.
            guard !nearKink(b, d, p) else { continue }
            let g = (0..<CoordinateFunctions.width).map { _ in NetworkRandom.uniform(-1, 1, &rng) }
            func value(_ b: Double, _ d: Double, _ p: [Double]) -> Double {
                var out = [Double](repeating: 0, count: CoordinateFunctions.width)
                p.withUnsafeBufferPointer { CoordinateFunctions.evaluate(b, d, $0.baseAddress!, into: &out) }
                return zip(out, g).reduce(0) { $0 + $1.0 * $1.1 }
            }
            var dp = [Double](repeating: 0, count: CoordinateFunctions.count)
            let grad = p.withUnsafeBufferPointer { pp in g.withUnsafeBufferPointer { CoordinateFunctions.backward(b, d, pp.baseAddress!, $0.baseAddress!, into: &dp) } }
            let h = 1e-6
            func close(_ numeric: Double, _ analytic: Double) -> Bool { abs(numeric - analytic) <= 1e-6 * max(1, abs(numeric)) }
            #expect(close((value(b + h, d, p) - value(b - h, d, p)) / (2 * h), grad.b))
            #expect(close((value(b, d + h, p) - value(b, d - h, p)) / (2 * h), grad.d))
            for i in p.indices {
                var (up, down) = (p, p)
                up[i] += h; down[i] -= h
                #expect(close((value(b, d, up) - value(b, d, down)) / (2 * h), dp[i]), "parameter \(i)")
            }
            checked += 1
        }
        #expect(checked > 150)
    }

    func nearKink(_ b: Double, _ d: Double, _ p: [Double]) -> Bool {
        let e = 1e-4, c = CoordinateFunctions.self
        for j in 0..<c.perKind {
            let t = p[c.triangle + j]
            if abs(t - b) < e || abs(d - abs(t - b)) < e { return true }
            let (cb, cd) = (p[c.hatCenter + 2 * j], p[c.hatCenter + 2 * j + 1])
            if abs(b - cb) < e || abs(d - cd) < e || abs(abs(p[c.hatRadius]) - abs(b - cb) - abs(d - cd)) < e { return true }
        }
        return abs(p[c.hatRadius]) < e
    }

    static let networks = [
        "gcn:4,tanh,togl:2:hidden=3:dim1=extended,readout:mean,dense:3",
        "togl:3:hidden=4,gcn:3,sigmoid,readout:max,dense:3",
        "gcn:3,togl:2:hidden=3:static,readout:sum,dense:3",
        "togl:2:hidden=5:dim1=none,dropout:0.3,readout:sum,dense:3",
        "dense:4,gelu,togl:2:hidden=3,readout:mean,dense:3",
    ]

    /// Six random connected graphs of 5–9 vertices with chords, 3 features each.
    static func batch(_ rng: inout SplitMix) throws -> (x: Matrix<Float>, shape: TensorShape) {
        let records = (0..<6).map { g in
            let n = 5 + NetworkRandom.index(5, &rng)
            var links = (0..<(n - 1)).map { [Double($0), Double($0 + 1)] }
            for _ in 0..<2 { links.append([Double(NetworkRandom.index(n, &rng)), Double(NetworkRandom.index(n, &rng))]) }
            let x = (0..<n).map { _ in JSONValue.numbers((0..<3).map { _ in NetworkRandom.normal(&rng) }) }
            return GraphRecordView(id: "g\(g)", graph: Graph(vertexCount: n, links: links.map { (Int($0[0]), Int($0[1])) }),
                                   features: Matrix(rowArrays: x.map { $0.arrayElements!.map { $0.doubleValue! } }), y: .number(Double(g % 3))).record
        }
        let data = try GraphSamples.read(records, shape: nil)
        return (data.x, data.shape)
    }

    @Test("networks of graph layers: parameter and node-feature gradients match central differences", arguments: 0..<networks.count)
    func network(_ index: Int) throws {
        var rng = SplitMix(UInt64(90 + index))
        let (x, shape) = try Self.batch(&rng)
        let network = try Network(architecture: Self.networks[index], input: shape)
        Initialization.pytorchDefault(network, rng: &rng)
        let labels = (0..<x.rows).map { $0 % 3 }
        func loss() -> Double { Loss.crossEntropy.evaluate(network.forward(x, mode: ForwardMode(training: true, seed: 5)), labels: labels).loss }
        let out = network.forward(x, mode: ForwardMode(training: true, seed: 5))
        network.backward(Loss.crossEntropy.evaluate(out, labels: labels).gradient, inputGradient: false)
        // Float32 forward passes as in the dense suite; a smaller step (1e-3) keeps the
        // persistence pairing fixed under the bump, hence the wider tolerance. The loss has
        // kinks (relu, |·| in the coordinate functions, a change of pairing): where the forward
        // and backward differences disagree by more than the tolerance, a kink lies within h
        // and that coordinate is skipped; at most a tenth may be.
        let h: Float = 1e-3, center = loss()
        var (checked, skipped) = (0, 0)
        for (name, p) in network.namedParameters where p.isTrainable {
            let analytic = p.gradient
            for j in stride(from: 0, to: p.count, by: max(1, p.count / 5)) {
                p.value[j] += h; let up = loss()
                p.value[j] -= 2 * h; let down = loss()
                p.value[j] += h
                let (forward, backward) = ((up - center) / Double(h), (center - down) / Double(h))
                let numeric = (up - down) / Double(2 * h), tolerance = 5e-3 + 0.03 * abs(numeric)
                if abs(forward - backward) > tolerance {
                    skipped += 1
                    continue
                }
                #expect(abs(numeric - Double(analytic[j])) < tolerance, "\(Self.networks[index]) \(name)[\(j)]: \(numeric) vs \(analytic[j])")
                checked += 1
            }
        }
        #expect(checked > 20 && skipped * 10 <= checked + skipped, "\(checked) checked, \(skipped) at kinks")
    }

    @Test("learned filtrations are the togl layer's MLP on each real vertex's features, graph by graph")
    func learnedFiltrations() throws {
        var rng = SplitMix(31)
        let (x, shape) = try Self.batch(&rng)
        let network = try Network(architecture: "togl:2:hidden=4,readout:sum,dense:3", input: shape)
        Initialization.pytorchDefault(network, rng: &rng)
        let found = network.learnedFiltrations(x)
        #expect(found.map(\.layer) == ["togl1"])
        let p = Dictionary(uniqueKeysWithValues: network.namedParameters.map { ($0.name, $0.parameter.value) })
        let (w1, b1, w2, b2) = (p["togl1.filtration1.weight"]!, p["togl1.filtration1.bias"]!, p["togl1.filtration2.weight"]!, p["togl1.filtration2.bias"]!)
        var vertex = 0
        for g in 0..<x.rows {
            let n = Int(x.storage[g * x.cols + x.cols - 1])
            for v in 0..<n {
                let features = (0..<3).map { Double(x.storage[g * x.cols + v * 3 + $0]) }
                let hidden = (0..<4).map { h in max(0, Double(b1[h]) + (0..<3).reduce(0) { $0 + Double(w1[h * 3 + $1]) * features[$1] }) }
                for k in 0..<2 {
                    let expected = Double(b2[k]) + (0..<4).reduce(0) { $0 + Double(w2[k * 4 + $1]) * hidden[$1] }
                    #expect(abs(Double(found[0].values.storage[vertex * 2 + k]) - expected) < 1e-5)
                }
                vertex += 1
            }
        }
        #expect(vertex == found[0].values.rows)
    }

    @Test("the node-feature gradient of a network that starts with togl matches central differences")
    func inputGradient() throws {
        var rng = SplitMix(77)
        let (x, shape) = try Self.batch(&rng)
        let network = try Network(architecture: "togl:2:hidden=4,gcn:3,readout:sum,dense:3", input: shape)
        Initialization.pytorchDefault(network, rng: &rng)
        let labels = (0..<x.rows).map { $0 % 3 }
        let out = network.forward(x, mode: ForwardMode(training: true))
        let dx = network.backward(Loss.crossEntropy.evaluate(out, labels: labels).gradient)
        #expect(dx.cols == shape.nodeFeatures.count)
        var bumped = x
        let h: Float = 1e-3
        var checked = 0
        // Node features of the first two graphs (real vertices only: node slots come first).
        for j in stride(from: 0, to: 15, by: 2) {
            for row in 0..<2 {
                let at = row * x.cols + j
                bumped.storage[at] += h
                let up = Loss.crossEntropy.evaluate(network.forward(bumped, mode: ForwardMode(training: true)), labels: labels).loss
                bumped.storage[at] -= 2 * h
                let down = Loss.crossEntropy.evaluate(network.forward(bumped, mode: ForwardMode(training: true)), labels: labels).loss
                bumped.storage[at] += h
                let numeric = (up - down) / Double(2 * h)
                #expect(abs(numeric - Double(dx.storage[row * dx.cols + j])) < 5e-3 + 0.03 * abs(numeric), "input \(row),\(j)")
                checked += 1
            }
        }
        #expect(checked == 16)
    }
}
