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
        ("fit --arch dense:8,relu,dense:2 --lr 1e9 --optimizer sgd --loss mse -o x.json", 65, "training diverged: the loss became NaN, infinite or above 1e6 in epoch 1"),
        ("fit --arch dense:16,relu,dense:2 --lr 1e10 -o x.json", 65, "training diverged: the loss became NaN, infinite or above 1e6 in epoch 1"),
        ("fit --arch dense:2 --train-size 99999999999 -o x.json", 64, "--train-size 99999999999 and --test-size 1000 of 2 inputs each would need"),
        ("fit --arch dense:99999999999,relu,dense:2 -o x.json", 64, "--arch layer 1 'dense:99999999999' would need"),
        ("fit --arch dense:2 --data bad.csv -o x.json", 65, "bad.csv"),
        ("fit --arch dense:2 --data labels.csv -o x.json", 65, "sample 2: label 1.5 is not a class index"),
        ("fit --arch dense:2", 64, "fit needs -o MODEL.json"),
        ("fit --arch dense:2 --target-acc 1.5 -o x.json", 64, "--target-acc must be a number in [0, 1.0]"),
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

/// Weights in and out of PyTorch's format, and the shipped digits set.
@Suite struct NNTrainInteropTests {
    @Test func exportImportRoundTripKeepsWeightsAndArchitecture() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(NNTrainTests.fit) --arch dense:6,relu,batchnorm,dense:2 -o m.json >/dev/null
        nn-train export --model m.json -o w.safetensors && nn-train import --weights w.safetensors --dataset moons --train-size 100 --test-size 50 --data-seed 1 -o back.json
        nn-train export --model m.json --names tda > t.safetensors && nn-train import --weights t.safetensors -o tda.json >/dev/null
        nn-train export --model back.json -o back.safetensors && nn-train export --model tda.json -o tda.safetensors
        cmp w.safetensors back.safetensors && cmp w.safetensors tda.safetensors && echo True
        head -c 600 w.safetensors | tr -c '[:print:]' ' ' | grep -o '"[0-9a-z_.]*":{"dtype":"[A-Z0-9]*"' | tr '\\n' ' '
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        let model = try #require(try jsonLines(String(lines[0])).first)
        let meta = try #require(model["meta"] as? [String: Any])
        // Scored on the same data as at fit time: the same accuracies as fit's record.
        #expect(meta["layers"] as? String == "dense:6,relu,batchnorm,dense:2" && meta["train_acc"] is Double && meta["dataset"] as? String == "moons")
        #expect(lines[1] == "True")
        #expect(lines[2].contains(#""0.weight":{"dtype":"F32""#) && lines[2].contains(#""2.running_var":{"dtype":"F32""#))
    }

    @Test(arguments: [
        ("import --weights w.safetensors -o x.json --arch dense:7,relu,dense:2", Int32(65), "tensor 0.weight is F32 [6, 2] but dense1.weight needs a float tensor [7, 2]"),
        ("import --weights w.safetensors -o x.json --arch dense:6,relu,dense:2", 65, "tensor 2.weight is F32 [3, 6] but dense2.weight needs"),
        ("import --weights w.safetensors -o x.json --arch dense:6,relu,dense:3", 65, "tensor 4.weight matches no parameter of the architecture"),
        ("import --weights junk.safetensors -o x.json", 65, "junk.safetensors: not a safetensors file"),
        ("import --weights none.safetensors -o x.json", 66, "none.safetensors: cannot read"),
        ("fit --arch dense:6,relu,dense:2 --init junk.safetensors -o x.json", 65, "junk.safetensors"),
        ("import --weights w.safetensors -o x.json --dataset digits", 64, "the data's samples have shape 64, the network's input is 2"),
    ])
    func badWeightsAreOneLineErrorsAndNoModel(_ c: (String, Int32, String)) throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(NNTrainTests.fit) --arch dense:6,relu,dense:3,relu,dense:2 -o m.json >/dev/null && nn-train export --model m.json -o w.safetensors
        printf 'garbage!' > junk.safetensors
        nn-train \(c.0); status=$?; test -e x.json && echo "model written"; exit $status
        """)
        #expect(r.status == c.1, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(c.2), "\(r.stderr)")
        #expect(!r.stdout.contains("model written"))
    }

    @Test func fitFromImportedWeightsStartsThere() throws {
        // Zero epochs are not allowed, so compare one epoch from the same start with two runs.
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(NNTrainTests.fit) --arch dense:6,relu,dense:2 --seed 4 -o a.json >/dev/null && nn-train export --model a.json -o a.safetensors
        \(NNTrainTests.fit) --arch dense:6,relu,dense:2 --epochs 1 --seed 9 --init a.safetensors -o b.json >/dev/null
        \(NNTrainTests.fit) --arch dense:6,relu,dense:2 --epochs 1 --seed 9 --init a.safetensors -o c.json >/dev/null
        \(NNTrainTests.fit) --arch dense:6,relu,dense:2 --epochs 1 --seed 9 -o d.json >/dev/null
        cmp -s b.json c.json && echo same; cmp -s b.json d.json || echo differs
        """)
        #expect(r.stdout == "same\ndiffers\n", "\(r.stderr)")
    }

    @Test func digitsIsShippedAndLearnable() throws {
        let r = try Shell.run("""
        nn-train data --dataset digits --format csv --seed 2 | awk -F, 'NR > 1 { n[$1]++; if (NF != 66) bad++ } END { print n["train"], n["test"], bad + 0 }'
        cd "$(mktemp -d)" && nn-train fit --dataset digits --arch dense:32,relu,dense:10 --epochs 4 --seed 2 -o m.json
        nn-train fit --dataset digits --input-shape 1,8,8 --arch conv:4x3:p1,relu,maxpool:2,flatten,dense:10 --epochs 1 --train-size 200 -o c.json | grep -o '"train_size":200,"test_size":359'
        nn-train fit --dataset digits --test-size 1797 --arch dense:10 -o x.json; echo "status $?"
        """)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "1438 359 0", "a fifth held out; 64 pixels + split + label per row: \(r.stderr)")
        let meta = try #require(try jsonLines(lines[1]).first?["meta"] as? [String: Any])
        // An MLP learns the digits well within four epochs (PyTorch with this recipe: ~0.94).
        #expect((meta["test_acc"] as? Double ?? 0) > 0.85 && meta["dataset"] as? String == "digits")
        #expect(lines[2] == #""train_size":200,"test_size":359"#)
        #expect(lines.last == "status 64" && r.stderr.contains("--test-size 1797 leaves no training samples of the 1797 in digits"))
    }
}
