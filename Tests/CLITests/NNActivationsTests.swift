import Foundation
import Testing

@Suite("nn-activations CLI")
struct NNActivationsTests {
    /// A trained model in a fresh directory.
    func model(_ name: String) throws -> URL {
        let dir = try NetworkCLI.temporaryDirectory("act-\(name)")
        let r = try NetworkCLI.run("nn-train", ["fit", "--arch", "dense:12,relu,dense:10,tanh,dense:2", "--epochs", "2", "--train-size", "300",
                                                "--test-size", "50", "--data-seed", "4", "-o", "m.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return dir
    }

    @Test("weighted layers as clouds of fixed inputs, carrying the model meta plus layer")
    func samplesOrientation() throws {
        let dir = try model("samples")
        let r = try NetworkCLI.run("nn-activations", ["--model", "m.json", "--inputs", "40", "--input-seed", "2"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let clouds = try r.lines.map(NetworkCLI.object)
        #expect(clouds.map { $0["id"] as? String } == ["m/dense1", "m/dense2", "m/dense3"])
        let points = clouds.map { ($0["points"] as? [[Double]]) ?? [] }
        #expect(points.map(\.count) == [40, 40, 40] && points.map { $0[0].count } == [12, 10, 2])
        // post-ReLU values are never negative; tanh values lie in (−1, 1).
        #expect(points[0].joined().allSatisfy { $0 >= 0 } && points[1].joined().allSatisfy { abs($0) < 1 })
        let meta = try #require(clouds[0]["meta"] as? [String: Any])
        #expect(meta["layer"] as? String == "dense1" && meta["gap"] is Double && meta["at"] as? String == "post")
        #expect((clouds[0]["labels"] as? [Double])?.count == 40)
        // The same inputs again: identical output.
        #expect(try NetworkCLI.run("nn-activations", ["--model", "m.json", "--inputs", "40", "--input-seed", "2"], in: dir).stdout == r.stdout)
    }

    @Test("model records on stdin; neurons as points with importance draws sK")
    func neuronDraws() throws {
        let dir = try model("draws")
        let record = #"{"type":"model","id":"z1","path":"m.json","meta":{"gap":0.25}}"#
        let r = try NetworkCLI.run("nn-activations", ["--layers", "dense1,2", "--at", "pre", "--points", "neurons", "--neurons", "5", "--draws", "3",
                                                      "--inputs", "100", "--seed", "9"], stdin: record + "\n", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let clouds = try r.lines.map(NetworkCLI.object)
        #expect(clouds.map { $0["id"] as? String } == ["z1/dense1/s0", "z1/dense1/s1", "z1/dense1/s2", "z1/relu1/s0", "z1/relu1/s1", "z1/relu1/s2"])
        for cloud in clouds {
            let points = try #require(cloud["points"] as? [[Double]])
            #expect(points.count == 5 && points.allSatisfy { $0.count == 100 })
            let names = try #require(cloud["names"] as? [String])
            #expect(Set(names).count == 5)
            let meta = try #require(cloud["meta"] as? [String: Any])
            #expect(meta["gap"] as? Double == 0.25 && meta["draw"] is Double)
        }
    }

    @Test("bad requests name what is valid", arguments: [
        (["--layers", "conv1"], "no layer 'conv1' (layers: dense1, relu1, dense2, tanh1, dense3)"),
        (["--neurons", "11", "--layers", "dense2"], "layer dense2 has 10 neurons, fewer than the 11 requested"),
        (["--inputs", "100000"], "the train split has 300 samples"),
        (["--dataset", "xor", "--dimensions", "3"], "expects 2 input values per sample but the data has 3"),
    ])
    func errors(_ c: ([String], String)) throws {
        let dir = try model("errors\(abs(c.1.hashValue))")
        let r = try NetworkCLI.run("nn-activations", ["--model", "m.json"] + c.0, in: dir)
        #expect(r.status != 0 && r.stderr.contains(c.1), "\(r.stderr)")
    }
}
