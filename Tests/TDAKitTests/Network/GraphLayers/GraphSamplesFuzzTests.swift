import Testing
@testable import TDAKit

/// Graph records as network data, fuzzed: random node counts, links (out of range, repeated,
/// self-loops, non-integers), feature rows and classes either read or fail with a `ToolError`;
/// what reads goes through a network of every graph layer without trapping, and rows that
/// `GraphSamples` did not write (noise in the structure part) never become indices.
@Suite("Graph samples fuzz")
struct GraphSamplesFuzzTests {
    static func randomValue(_ rng: inout SplitMix) -> JSONValue {
        switch NetworkRandom.index(6, &rng) {
        case 0: return .number(Double(NetworkRandom.index(7, &rng)) - 2)
        case 1: return .number(NetworkRandom.uniform(-3, 9, &rng))
        case 2: return .string("x")
        case 3: return .array([])
        case 4: return .numbers([1, 2])
        default: return .number(1e9)
        }
    }

    static func record(_ rng: inout SplitMix) -> Record {
        let n = NetworkRandom.index(12, &rng) == 0 ? 0 : 1 + NetworkRandom.index(6, &rng)
        var fields: [(String, JSONValue)] = [("type", .string("graph")), ("id", .string("g"))]
        fields.append(("nodes", NetworkRandom.index(20, &rng) == 0 ? randomValue(&rng) : .number(Double(n))))
        let links = (0..<NetworkRandom.index(6, &rng)).map { _ in
            NetworkRandom.index(40, &rng) == 0 ? randomValue(&rng) : .numbers([Double(NetworkRandom.index(max(1, n) + (NetworkRandom.index(20, &rng) == 0 ? 2 : 0), &rng)), Double(NetworkRandom.index(max(1, n), &rng))])
        }
        fields.append(("links", .array(links)))
        if NetworkRandom.index(3, &rng) > 0 {
            let width = NetworkRandom.index(20, &rng) == 0 ? 2 : 1
            let rows = (0..<(n + (NetworkRandom.index(20, &rng) == 0 ? 1 : 0))).map { _ in
                NetworkRandom.index(40, &rng) == 0 ? randomValue(&rng) : .numbers((0..<width).map { _ in NetworkRandom.uniform(-1, 1, &rng) })
            }
            fields.append(("x", .array(rows)))
        }
        if NetworkRandom.index(30, &rng) > 0 { fields.append(("y", .number(Double(NetworkRandom.index(2, &rng))))) }
        return Record(fields: JSONObject(fields))
    }

    @Test("random graph records read or fail cleanly, and what reads trains a step")
    func fuzz() throws {
        var rng = SplitMix(2026)
        var (read, refused) = (0, 0)
        for _ in 0..<600 {
            let records = (0..<(1 + NetworkRandom.index(3, &rng))).map { _ in Self.record(&rng) }
            do {
                let data = try GraphSamples.read(records, shape: nil)
                let network = try Network(architecture: "gcn:3,relu,togl:2:hidden=3,dense:2,togl:1:dim1=extended,readout:max,dense:2", input: data.shape)
                Initialization.pytorchDefault(network, rng: &rng)
                var x = data.x
                // Noise in the structure part: the network must read it without trapping.
                if NetworkRandom.index(2, &rng) == 0 {
                    for i in x.storage.indices where NetworkRandom.index(4, &rng) == 0 { x.storage[i] = Float(NetworkRandom.uniform(-5, 40, &rng)) }
                    x.storage[x.storage.count - 1] = .nan
                }
                let out = network.forward(x, mode: ForwardMode(training: true))
                network.backward(Loss.crossEntropy.evaluate(out, labels: (0..<x.rows).map { $0 % 2 }).gradient)
                #expect(out.rows == records.count)
                read += 1
            } catch is ToolError {
                refused += 1
            }
        }
        #expect(read > 50 && refused > 50, "\(read) read, \(refused) refused")
    }
}
