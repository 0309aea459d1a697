import Foundation
import Testing
@testable import TDAKit

/// Networks with gcn, togl and readout layers against a PyTorch re-implementation
/// (scripts/references/togl_fixtures.py): same parameters, same batch of graphs; logits, loss
/// and every parameter gradient compared.
@Suite("Graph layers against PyTorch")
struct GraphLayerGoldenTests {
    struct Case: Sendable {
        let architecture: String
        let records: [Record]
        let parameters: [String: [Double]]
        let logits: [Double]
        let loss: Double
        let gradients: [String: [Double]]
    }

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: Fixtures.url("togl/networks.json")),
              let root = try? data.withUnsafeBytes({ try JSONParser.parse($0) }),
              let list = root.objectValue?["cases"]?.arrayElements else { return [] }
        func numbers(_ v: JSONValue?) -> [Double] { v?.arrayElements?.compactMap(\.doubleValue) ?? [] }
        func table(_ v: JSONValue?) -> [String: [Double]] {
            Dictionary(uniqueKeysWithValues: (v?.objectValue?.entries ?? []).map { ($0.key, numbers($0.value)) })
        }
        return list.compactMap { $0.objectValue }.map { c in
            Case(architecture: c["architecture"]?.stringValue ?? "",
                 records: (c["graphs"]?.arrayElements ?? []).compactMap { $0.objectValue.map { Record(fields: $0) } },
                 parameters: table(c["parameters"]), logits: numbers(c["logits"]), loss: c["loss"]?.doubleValue ?? .nan,
                 gradients: table(c["gradients"]))
        }
    }()

    @Test("the fixture has its five cases")
    func fixture() { #expect(Self.cases.count == 5) }

    // Float32 on both sides; PyTorch sums GCN neighbourhoods and the coordinate functions in a
    // different order (and we evaluate those in Float64), so values differ by a few ulps of the
    // largest term: 1e-5 absolute + 1e-4 relative.
    @Test("logits, loss and parameter gradients equal PyTorch's", arguments: 0..<5)
    func golden(_ index: Int) throws {
        let c = try #require(Self.cases.count > index ? Self.cases[index] : nil)
        let data = try GraphSamples.read(c.records, shape: nil)
        let network = try Network(architecture: c.architecture, input: data.shape)
        #expect(Set(network.namedParameters.map(\.name)) == Set(c.parameters.keys))
        for (name, p) in network.namedParameters {
            let values = try #require(c.parameters[name])
            #expect(values.count == p.count, "\(name)")
            p.value = values.map(Float.init)
        }
        let labels = try c.records.map { try #require($0.fields["y"]?.intValue) }
        let output = network.forward(data.x, mode: ForwardMode(training: true))
        let (loss, gradient) = Loss.crossEntropy.evaluate(output, labels: labels)
        network.backward(gradient, inputGradient: false)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-5 + 1e-4 * abs(b) }
        #expect(zip(output.storage, c.logits).allSatisfy { close(Double($0), $1) }, "logits \(output.storage) vs \(c.logits)")
        #expect(close(loss, c.loss))
        for (name, p) in network.namedParameters {
            let expected = try #require(c.gradients[name])
            let bad = zip(p.gradient, expected).enumerated().filter { !close(Double($1.0), $1.1) }
            #expect(bad.isEmpty, "\(c.architecture) \(name): \(bad.prefix(3))")
        }
    }
}
