import Foundation
import Testing
@testable import TDAKit

/// The expected arrays of gudhi's test_perslay.py (fixture: scripts/references/perslay_fixtures.py).
struct GudhiPersLayFixture: Decodable {
    var diagram: [[Double]]
    var samples: [Double]
    var gaussian: [Double]
    var tent: [Double]
    var flat: [Double]
    var gmix: [Double]
}

@Suite("PersLay layer")
struct PersLayTests {
    let fixture: GudhiPersLayFixture
    init() throws { fixture = try Fixtures.decode(GudhiPersLayFixture.self, "network/perslay_gudhi.json") }

    /// gudhi's `DiagramScaler(MinMaxScaler)` on the test diagram: one min and max for both coordinates.
    var scaled: (b: [Double], d: [Double]) { (fixture.diagram.map { $0[0] / 8 }, fixture.diagram.map { $0[1] / 8 }) }

    /// gudhi's arrays are float32 results: 1e-6 relative to max(1, |value|) is what float32
    /// accumulation of the 12.4 peak allows (numpy in float64 differs from them by 6.7e-7).
    func expectClose(_ got: [Double], _ expected: [Double]) {
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) { #expect(abs(g - e) <= 1e-6 * max(1, abs(e)), "\(g) vs \(e)") }
    }

    func sampled(_ phi: some PersLayPhi) -> any PersLayPhi {
        var phi = phi
        phi.tensors[0].values = fixture.samples
        return phi
    }

    @Test("Gaussian image φ, constant weight, sum equal gudhi's")
    func gaussian() {
        let channel = PersLayChannel(weight: PowerWeight(power: 0), phi: GaussianImagePhi(size: 5, lo: -0.5, hi: 1.5, sigma: 0.1), operation: .sum)
        expectClose(channel.forward(scaled.b, scaled.d), fixture.gaussian)
    }

    @Test("tent φ with top3 equals gudhi's")
    func tent() {
        let channel = PersLayChannel(weight: PowerWeight(power: 0), phi: sampled(TentPhi(count: 30, lo: -1, hi: 2)), operation: .top(3))
        expectClose(channel.forward(scaled.b, scaled.d), fixture.tent)
    }

    @Test("flat φ (θ = 100), sum equals gudhi's")
    func flat() {
        let channel = PersLayChannel(weight: PowerWeight(power: 0), phi: sampled(FlatPhi(count: 30, lo: -1, hi: 2, theta: 100)), operation: .sum)
        expectClose(channel.forward(scaled.b, scaled.d), fixture.flat)
    }

    @Test("Gaussian-mixture weight (μ = 0.5, σ = 5) equals gudhi's")
    func gmix() {
        var weight = GaussianMixtureWeight(count: 1, sigma: 5, lo: 0, hi: 1)
        weight.tensors[0].values = [0.5, 0.5, 5, 5]
        let channel = PersLayChannel(weight: weight, phi: sampled(FlatPhi(count: 30, lo: -1, hi: 2, theta: 100)), operation: .sum)
        expectClose(channel.forward(scaled.b, scaled.d), fixture.gmix)
    }

    @Test("the layer's joint min–max scaling gives gudhi's scaled diagram")
    func layerScaling() throws {
        let input = TensorShape(channels: 1, height: 5, width: 3)
        let layer = PersLayLayer(spec: try PersLaySpec(["size=5", "lo=-0.5", "hi=1.5"]), token: "perslay", input: input)
        // Four points and one padded slot (mask 0).
        let row: [Float] = fixture.diagram.flatMap { [Float($0[0]), Float($0[1]), 1] as [Float] } + [7, 9, 0]
        let x = Matrix<Float>(rows: 1, cols: 15, storage: row)
        layer.fitScaling(x)
        #expect(layer.scaling.value == [0, 8])
        let y = layer.forward(x, mode: ForwardMode(training: false))
        #expect(layer.outputShape == TensorShape(channels: 1, height: 5, width: 5))
        expectClose(y.storage.map(Double.init), fixture.gaussian)
    }

    // MARK: gradients

    static let weights = ["power", "grid", "gmix"]
    static let phis = ["gaussian", "tent", "flat", "line"]
    static let operations: [PersLayOperation] = [.sum, .mean, .max, .top(2)]

    /// A channel with randomised tensors (so no parameter sits at a symmetric start) and a
    /// diagram of 5 points in the unit square above the diagonal.
    func randomSetup(_ weight: String, _ phi: String, _ op: PersLayOperation, seed: UInt64) throws
        -> (channel: PersLayChannel, b: [Double], d: [Double], g: [Double]) {
        var rng = SplitMix(seed)
        let spec = try PersLaySpec(["weight=\(weight)", "phi=\(phi)", "op=\(op.name)", "size=4", "samples=6", "lines=3",
                                    "grid=3", "gaussians=2", "power=1.5", "sigma=0.3", "theta=5"])
        var channel = spec.channel()
        channel.tensors = channel.tensors.map { t in
            var t = t
            t.values = t.values.map { $0 * Double.random(in: 0.8...1.2, using: &rng) + Double.random(in: -0.05...0.05, using: &rng) }
            return t
        }
        let b = (0..<5).map { _ in Double.random(in: 0...0.7, using: &rng) }
        let d = b.map { $0 + Double.random(in: 0.05...0.3, using: &rng) }
        let g = (0..<channel.outputCount).map { _ in Double.random(in: -1...1, using: &rng) }
        return (channel, b, d, g)
    }

    /// ⟨g, PersLay(D)⟩, the scalar whose gradient the backward pass computes.
    func objective(_ c: PersLayChannel, _ b: [Double], _ d: [Double], _ g: [Double]) -> Double {
        zip(c.forward(b, d), g).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Central differences with h = 1e-6 in Float64: truncation ~h²·f''' ≈ 1e-12 and rounding
    /// ~1e-16/h = 1e-10 of the O(1) objective; the denominator has a floor of 1e-3 so that a zero
    /// gradient (grid weight on points) against that rounding noise passes.
    func expectMatches(_ analytic: Double, _ numeric: Double, _ what: String) {
        let error = abs(analytic - numeric) / max(abs(analytic), abs(numeric), 1e-3)
        #expect(error <= 1e-6, "\(what): analytic \(analytic), numeric \(numeric)")
    }

    @Test("parameter and point gradients match central differences", arguments: weights, phis)
    func gradients(_ weight: String, _ phi: String) throws {
        for (k, op) in Self.operations.enumerated() where !(phi == "gaussian" && op.ranks > 1) {
            let (channel, b, d, g) = try randomSetup(weight, phi, op, seed: UInt64(k * 31 + weight.count * 7 + phi.count))
            var gradients = channel.weight.zeroGradients() + channel.phi.zeroGradients()
            let points = channel.backward(b, d, g, into: &gradients)
            let h = 1e-6
            for (t, tensor) in channel.tensors.enumerated() {
                for i in tensor.values.indices {
                    var (up, down) = (channel, channel)
                    up.tensors[t].values[i] += h
                    down.tensors[t].values[i] -= h
                    let numeric = (objective(up, b, d, g) - objective(down, b, d, g)) / (2 * h)
                    expectMatches(gradients[t][i], numeric, "\(weight)/\(phi)/\(op.name) \(tensor.name)[\(i)]")
                }
            }
            for i in b.indices {
                var (bu, bd, du, dd) = (b, b, d, d)
                bu[i] += h; bd[i] -= h; du[i] += h; dd[i] -= h
                expectMatches(points.b[i], (objective(channel, bu, d, g) - objective(channel, bd, d, g)) / (2 * h), "\(weight)/\(phi)/\(op.name) b[\(i)]")
                expectMatches(points.d[i], (objective(channel, b, du, g) - objective(channel, b, dd, g)) / (2 * h), "\(weight)/\(phi)/\(op.name) d[\(i)]")
            }
        }
    }

    @Test("layer gradients do not depend on the thread count")
    func threads() throws {
        var rng = SplitMix(9)
        let network = try Network(architecture: "perslay:phi=tent:weight=gmix:op=top2,dense:2", input: TensorShape(channels: 2, height: 4, width: 3))
        Initialization.pytorchDefault(network, rng: &rng)
        var x = Matrix<Float>(rows: 37, cols: 24)
        for i in x.storage.indices { x.storage[i] = i % 3 == 2 ? Float(NetworkRandom.index(2, &rng)) : Float.random(in: 0...1, using: &rng) }
        let layer = try #require(network.layers.first as? PersLayLayer)
        layer.fitScaling(x)
        let labels = (0..<37).map { $0 % 2 }
        func gradient(_ threads: Int) -> [[Float]] {
            let out = network.forward(x, mode: ForwardMode(training: true, threads: threads))
            network.backward(Loss.crossEntropy.evaluate(out, labels: labels).gradient, threads: threads)
            return network.namedParameters.map(\.parameter.gradient)
        }
        #expect(gradient(1) == gradient(2))
    }
}
