import Foundation
import Testing

/// The JSON objects of a tool's output lines (JSONSerialization is fine for these checks;
/// numbers compared exactly are integers or carry a stated tolerance).
func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}

@Suite struct NNTrainTests {
    static let fit = "nn-train fit --arch dense:8,tanh,dense:2 --epochs 3 --train-size 100 --test-size 50 --data-seed 1"

    @Test func fitWritesModelFileAndRecordAndLogsEpochs() throws {
        let r = try Shell.run("cd \"$(mktemp -d)\" && \(Self.fit) -o m.json --log --seed 3 && test -s m.json && echo written >&2")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("written"))
        let records = try jsonLines(r.stdout)
        #expect(records.map { $0["type"] as? String } == ["epoch", "epoch", "epoch", "model"])
        let model = try #require(records.last)
        #expect(model["id"] as? String == "m" && model["path"] as? String == "m.json")
        let meta = try #require(model["meta"] as? [String: Any])
        let train = try #require(meta["train_acc"] as? Double), test = try #require(meta["test_acc"] as? Double)
        // JSONSerialization may be off in the last bit on Linux (STYLE.md), hence 1e-12.
        #expect(abs((meta["gap"] as? Double ?? .nan) - (train - test)) < 1e-12)
        #expect(meta["layers"] as? String == "dense:8,tanh,dense:2" && meta["lr"] as? Double == 0.001 && meta["dataset"] as? String == "moons")
        #expect(meta["seed"] as? Double == 3 && meta["train_size"] as? Double == 100)
    }

    @Test func sameSeedGivesByteIdenticalModelWhateverTheThreads() throws {
        let r = try Shell.run("cd \"$(mktemp -d)\" && \(Self.fit) -o a.json -j 1 >/dev/null && \(Self.fit) -o b.json -j 2 >/dev/null && cmp a.json b.json && echo same")
        #expect(r.stdout == "same\n", "\(r.stderr)")
    }

    @Test(arguments: [
        ("fit --arch dense:8,relu,dense:3 -o x.json", Int32(64), "the network has 3 outputs but the data has 2 classes; end the architecture with dense:2"),
        ("fit --arch conv:4x3,dense:2 -o x.json", 64, "layer 1 'conv:4x3': needs an image input (channels×height×width) but gets 2 flat features"),
        ("fit --arch dense:4 --dataset images --classes 4 -o x.json", 64, "layer 1 'dense:4': needs a flat input but gets 1×16×16; add 'flatten' before it"),
        ("fit --arch dense:8,relu,dense:2 --lr 1e9 --optimizer sgd --loss mse -o x.json", 65, "training diverged: the loss became NaN or infinite in epoch 1"),
        ("fit --arch dense:2 --data bad.csv -o x.json", 65, "bad.csv"),
        ("fit --arch dense:2 --data labels.csv -o x.json", 65, "sample 2: label 1.5 is not a class index"),
        ("fit --arch dense:2", 64, "fit needs -o MODEL.json"),
    ])
    func badInputIsOneLineErrorAndNoModel(_ c: (String, Int32, String)) throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && printf '1,2,0\\n3,x,1\\n' > bad.csv && printf '1,2,0\\n3,4,1.5\\n5,6,1\\n' > labels.csv
        nn-train \(c.0); status=$?; test -e x.json && echo "model written"; exit $status
        """)
        #expect(r.status == c.1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("nn-train: error: ") && r.stderr.contains(c.2), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!r.stdout.contains("model written"))
    }

    @Test func csvDataTrainsAndEvalReportsBothSplits() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)"
        nn-train data --dataset blobs --classes 3 --train-size 120 --test-size 0 --format csv | cut -d, -f2- > blobs.csv
        nn-train fit --arch dense:3 --data blobs.csv --test-size 30 --epochs 30 --lr 0.05 -o b.json >/dev/null
        nn-train eval --model b.json --data blobs.csv --test-size 30
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let reports = try jsonLines(r.stdout)
        #expect(reports.map { $0["split"] as? String } == ["train", "test"])
        #expect(reports.map { $0["samples"] as? Double } == [90, 30])
        #expect((reports[0]["accuracy"] as? Double ?? 0) > 0.8)
    }

    @Test func dataWritesSampleRecordsOfBothSplits() throws {
        let r = try Shell.run("nn-train data --dataset spirals --dimensions 3 --train-size 4 --test-size 2")
        let records = try jsonLines(r.stdout)
        #expect(records.count == 6)
        #expect(records.allSatisfy { $0["type"] as? String == "sample" && ($0["x"] as? [Double])?.count == 3 })
        #expect(records.compactMap { ($0["meta"] as? [String: Any])?["split"] as? String } == ["train", "train", "train", "train", "test", "test"])
    }
}
