import Foundation
import Testing

/// `nn-train measures`: one vector record of generalization measures per model.
@Suite struct NNTrainMeasuresTests {
    static let names = ["train_loss", "train_acc", "margin_p10", "weight_norm", "log_prod_fro",
                        "path_norm", "dist_init", "sharpness", "noise_drop", "davies_bouldin"]

    /// The named values of a measures record.
    static func values(_ record: [String: Any]) -> [String: Double] {
        let names = record["names"] as? [String] ?? [], values = record["values"] as? [Double] ?? []
        return Dictionary(uniqueKeysWithValues: zip(names, values))
    }

    @Test func writesOneVectorRecordWithTheModelsMeta() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(NNTrainTests.fit) --seed 3 -o m.json >/dev/null
        nn-train measures --model m.json
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let records = try jsonLines(r.stdout)
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record["type"] as? String == "vector" && record["id"] as? String == "m")
        #expect(record["names"] as? [String] == Self.names)
        #expect((record["values"] as? [Double])?.count == 10)
        let meta = try #require(record["meta"] as? [String: Any])
        #expect(meta["model"] as? String == "m" && meta["gap"] is Double && meta["seed"] as? Double == 3)
        let v = Self.values(record)
        // The training loss and accuracy are those of the model file (the same clean training set).
        #expect(v["train_acc"] == meta["train_acc"] as? Double)
        // JSONSerialization may be off in the last bit on Linux (STYLE.md), hence 1e-12.
        #expect(abs((v["train_loss"] ?? .nan) - (meta["train_loss"] as? Double ?? .nan)) < 1e-12)
        #expect((v["dist_init"] ?? 0) > 0 && (v["sharpness"] ?? 0) > 0 && (v["davies_bouldin"] ?? 0) > 0)
    }

    @Test func sameSeedSameRecordWhateverTheThreads() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(NNTrainTests.fit) -o m.json >/dev/null
        nn-train measures --model m.json --seed 4 -j 1 > a.jsonl && nn-train measures --model m.json --seed 4 -j 2 > b.jsonl
        nn-train measures --model m.json --seed 4 -j 2 --samples 2 -o c.jsonl
        cmp a.jsonl b.jsonl && echo same; cmp -s a.jsonl c.jsonl || echo differs
        """)
        #expect(r.stdout == "same\ndiffers\n", "\(r.stderr)")
    }

    @Test func noiseDropIsZeroWithoutNoise() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(NNTrainTests.fit) -o m.json >/dev/null && nn-train measures --model m.json --noise-sigma 0
        """)
        let record = try #require(try jsonLines(r.stdout).first)
        #expect(Self.values(record)["noise_drop"] == 0, "\(r.stderr)")
    }

    /// With a learning rate of 0 the weights never move (Adam's step is lr times a finite
    /// number), so they are the initial weights that `measures` rebuilds from the seed, or
    /// from `--init` for a model trained from given weights.
    @Test func distanceToInitialWeightsIsZeroWhenTrainingDidNotMoveThem() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)"
        \(NNTrainTests.fit) --seed 8 --lr 0 -o still.json >/dev/null && nn-train measures --model still.json | jq '.values[6]'
        nn-train export --model still.json -o w.safetensors
        \(NNTrainTests.fit) --seed 9 --lr 0 --init w.safetensors -o from.json >/dev/null
        nn-train measures --model from.json --init w.safetensors | jq '.values[6]'
        nn-train measures --model from.json | jq '.values[6] > 0'
        """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "0\n0\ntrue\n")
    }

    @Test(arguments: [
        ("measures", Int32(64), "measures needs --model FILE"),
        ("measures --model junk.json", 65, "junk.json: not a tda-tools model file"),
        ("measures --model none.json", 66, "none.json: cannot read the model file"),
        ("measures --model imported.json", 64, "imported.json has no training seed (an imported model); give --init"),
        ("measures --model m.json --samples 0", 64, "--samples must be positive"),
        ("measures --model m.json --samples 99999999999", 64, "--samples must be at most 10000"),
        ("measures --model m.json --init junk.json", 65, "junk.json"),
    ])
    func badInputIsOneLineErrorAndNoRecord(_ c: (String, Int32, String)) throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && printf '{"format":' > junk.json
        \(NNTrainTests.fit) -o m.json >/dev/null && nn-train export --model m.json -o w.safetensors
        nn-train import --weights w.safetensors -o imported.json >/dev/null
        nn-train \(c.0)
        """)
        #expect(r.status == c.1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("nn-train: error: ") && r.stderr.contains(c.2), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stdout.isEmpty)
    }
}
