import Foundation
import Testing

/// `nn-train` with a `perslay` first layer on `ph-graph`'s diagram records: model files with the
/// PersLay parameters and scaling, cross-validation, and the errors of bad diagram input.
@Suite struct NNTrainPersLayTests {
    static let diagrams = "ph-graph --generate cycles --count 60 --seed 2 -q > d.jsonl"
    static let arch = "perslay:phi=tent:samples=8:weight=power:power=1:op=top2,dense:8,relu,dense:2"

    @Test func fitSavesPersLayParametersAndEvalReadsThemBack() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(Self.diagrams) && nn-train fit --data d.jsonl --arch \(Self.arch) --epochs 5 --lr 0.01 -o m.json >/dev/null \
          && nn-train eval --model m.json --data d.jsonl && cat m.json
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let reports = try jsonLines(lines.dropLast().joined(separator: "\n"))
        #expect(reports.map { $0["id"] as? String } == ["m/train", "m/test"])
        let model = try #require(try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])
        let names = (model["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.prefix(4) == ["perslay1.c0.constant", "perslay1.c0.samples", "perslay1.c1.constant", "perslay1.c1.samples"])
        #expect(names.contains("perslay1.scaling"))
        #expect(model["input_shape"] as? [Int] == [4, model["input_shape"].flatMap { ($0 as? [Int])?[1] } ?? 0, 3])
        let data = try #require(model["data"] as? [String: Any])
        #expect(data["channels"] as? [String] == ["ord0", "rel1", "ext0", "ext1"])
    }

    @Test func nnActivationsReadsThePersLayEmbeddingAsACloud() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(Self.diagrams) && nn-train fit --data d.jsonl --arch \(Self.arch) --epochs 2 -o m.json >/dev/null \
          && nn-activations --model m.json --data d.jsonl --layers perslay1
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let cloud = try #require(try jsonLines(r.stdout).first)
        #expect(cloud["type"] as? String == "cloud" && cloud["id"] as? String == "m/perslay1")
        let points = try #require(cloud["points"] as? [[Double]])
        // 60 graphs; 4 channels × 8 tent samples × top 2.
        #expect(points.count == 60 && points.allSatisfy { $0.count == 64 })
        #expect((cloud["labels"] as? [Int])?.count == 60)
    }

    @Test func crossValidationRecordsDoNotDependOnThreads() throws {
        let cv = "nn-train fit --data d.jsonl --arch \(Self.arch) --epochs 3 --lr 0.01 --cv 4 --diagram-channels h0,ext1"
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(Self.diagrams) && \(cv) -j 1 > a && \(cv) -j 2 > b && sed 's/"seconds":[^,}]*//' a > a2 && sed 's/"seconds":[^,}]*//' b > b2 && cmp a2 b2 && cat a
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let records = try jsonLines(r.stdout)
        #expect(records.map { $0["id"] as? String } == ["cv/fold1", "cv/fold2", "cv/fold3", "cv/fold4", "cv"])
        #expect(records.prefix(4).map { $0["test_size"] as? Int } == [15, 15, 15, 15])
        let summary = try #require(records.last)
        let accuracies = try #require(summary["accuracies"] as? [Double])
        let mean = try #require(summary["accuracy_mean"] as? Double)
        #expect(accuracies.count == 4 && abs(mean - accuracies.reduce(0, +) / 4) < 1e-12)
        #expect(summary["accuracy_sd"] is Double && summary["cv"] as? Int == 4)
    }

    @Test(arguments: [
        ("--arch perslay,flatten,dense:2 --dataset moons -o x.json", Int32(64), "layer 1 'perslay': needs persistence diagrams as input"),
        ("--arch perslay:phi=cubic,flatten,dense:2 --data d.jsonl -o x.json", 64, "expected phi=gaussian, tent, flat, line, got 'cubic'"),
        ("--arch perslay:phi=gaussian:op=top3,flatten,dense:2 --data d.jsonl -o x.json", 64, "top-k needs a 1-D φ"),
        ("--arch perslay,flatten,dense:2 --data d.jsonl --cv 3 -o x.json", 64, "--cv writes report records, not a model file: drop -o"),
        ("--arch perslay,flatten,dense:2 --data d.jsonl --cv 1", 64, "--cv 1 needs 2 ≤ K"),
        ("--arch perslay,flatten,dense:2 --data d.jsonl --diagram-channels h0,ext9 -o x.json", 64, "unknown diagram channel 'ext9'"),
        ("--arch perslay,flatten,dense:2 --data noy.jsonl -o x.json", 65, "has no class \"y\""),
        ("--arch perslay,flatten,dense:2 --data ordinary.jsonl --diagram-channels ext0 -o x.json", 65, "has no extended diagrams for channel ext0"),
    ])
    func badInputIsOneLineError(_ c: (String, Int32, String)) throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && ph-graph --generate cycles --count 6 -q > d.jsonl && ph-graph --generate cycles --count 6 -q --ordinary > ordinary.jsonl
        sed 's/,"y":[0-9]*//' d.jsonl > noy.jsonl
        nn-train fit \(c.0); status=$?; test -e x.json && echo "model written"; exit $status
        """)
        #expect(r.status == c.1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("nn-train: error: ") && r.stderr.contains(c.2), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!r.stdout.contains("model written"))
    }
}
