import Foundation
import Testing

/// `nn-train` on graph records (`ph-graph --emit-graphs`) with gcn, togl and readout layers:
/// learning TOGL's CYCLES set, model files read back, the same bytes at any thread count, and
/// the errors of bad graph input.
@Suite struct NNTrainGraphTests {
    static let cycles = "ph-graph --generate cycles --count 200 --seed 3 --emit-graphs > g.jsonl"

    @Test func toglLearnsCyclesAndEvalReadsTheModelBack() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(Self.cycles) && nn-train fit --data g.jsonl --arch togl:4:hidden=16,readout:sum,dense:16,relu,dense:2 \
          --epochs 8 --lr 0.005 --test-size 50 --seed 1 -o m.json && nn-train eval --model m.json --data g.jsonl
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let records = try jsonLines(r.stdout)
        let meta = try #require(records.first?["meta"] as? [String: Any])
        #expect((meta["test_acc"] as? Double ?? 0) >= 0.9, "\(meta)")
        // eval rebuilds the same split from the model file, so it scores the same test accuracy.
        let test = try #require(records.last)
        #expect(test["id"] as? String == "m/test" && abs((test["accuracy"] as? Double ?? -1) - (meta["test_acc"] as? Double ?? -2)) < 1e-12)
    }

    @Test func graphTrainingIsByteIdenticalAtAnyThreadCount() throws {
        let fit = "nn-train fit --data g.jsonl --arch gcn:8,relu,togl:3:hidden=8:dim1=extended,gcn:8,relu,readout:mean,dense:2 --epochs 2 --seed 4"
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(Self.cycles) && \(fit) -j 1 -o a.json > /dev/null && \(fit) -j 2 -o b.json > /dev/null && cmp a.json b.json && echo same
        """)
        #expect(r.status == 0 && r.stdout.contains("same"), "\(r.stderr)")
    }

    @Test func filtrationsAddLearnedValuesThatPhGraphAndTdaPlotRead() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(Self.cycles) && nn-train fit --data g.jsonl --arch togl:3:hidden=8,readout:mean,dense:2 --epochs 1 -o m.json > /dev/null \
          && head -n 5 g.jsonl | sed 's/,"y":[0-9]*//' > in.jsonl && nn-train filtrations --model m.json in.jsonl > f.jsonl \
          && nn-train filtrations --model m.json -j 2 < in.jsonl | cmp - f.jsonl \
          && ph-graph --filtration values:togl1.f3 --ordinary f.jsonl > d.jsonl && tda-plot --color-by togl1.f2 -o p.svg f.jsonl \
          && wc -l < d.jsonl && grep -o 'class="panel"' p.svg | wc -l && cat in.jsonl f.jsonl
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.prefix(2) == ["5", "5"])
        let inputs = try jsonLines(lines[2..<7].joined(separator: "\n")), outputs = try jsonLines(lines[7...].joined(separator: "\n"))
        #expect(outputs.count == 5)
        for (a, b) in zip(inputs, outputs) {
            // The same record, in the same order, with the three filtrations added to values.
            var stripped = b
            stripped["values"] = nil
            #expect(NSDictionary(dictionary: stripped).isEqual(to: a))
            let values = try #require(b["values"] as? [String: [Double]])
            #expect(values.keys.sorted() == ["togl1.f1", "togl1.f2", "togl1.f3"])
            #expect(values.values.allSatisfy { $0.count == a["nodes"] as? Int })
        }
    }

    @Test func activationsProbeGraphsAndMeasuresRefusesGraphNetworks() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(Self.cycles) && nn-train fit --data g.jsonl --arch togl:2,readout:mean,dense:4,relu,dense:2 --epochs 1 \
          --input-noise 0.5 -o m.json > /dev/null && nn-activations --model m.json --data g.jsonl --layers dense1 --inputs 7
        nn-train measures --model m.json --data g.jsonl; echo "status $?"
        """)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let cloud = try #require(try jsonLines(lines[0]).first)
        #expect((cloud["points"] as? [[Double]])?.count == 7 && (cloud["labels"] as? [Any])?.count == 7, "\(r.stderr)")
        #expect(lines.last == "status 64" && r.stderr.contains("measures needs a network on vectors or images"))
    }

    @Test func toglStudyQuickRunsEveryRowAndDrawsTheFiltrations() throws {
        let r = try Shell.run("""
        out=$(mktemp -d)/o && examples/togl/run.sh --quick --seeds 1 --jobs 2 --out "$out" > /dev/null \
          && cd "$out" && grep -c '^| [cn]' summary.md && tail -n +2 runs.tsv | wc -l && ls figures && wc -l < filtrations.jsonl \
          && grep -c '"togl1.f8"' filtrations.jsonl
        """, bin: Shell.releaseBinDirectory)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n") == ["18", "18", "filtrations-f1.svg", "filtrations-f2.svg", "4", "4"], "\(r.stdout)")
    }

    @Test func filtrationsNeedATOGLModelAndGraphRecords() throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && \(Self.cycles) && nn-train fit --data g.jsonl --arch gcn:4,readout:sum,dense:2 --epochs 1 -o gcn.json > /dev/null
        nn-train filtrations --model gcn.json g.jsonl; echo "status $?"
        nn-train fit --data g.jsonl --arch togl:2,readout:sum,dense:2 --epochs 1 -o t.json > /dev/null
        echo '{"type":"cloud","id":"c","points":[[1]]}' | nn-train filtrations --model t.json; echo "status $?"
        """)
        let errors = r.stderr.split(separator: "\n")
        #expect(r.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("status") } == ["status 64", "status 65"])
        #expect(errors.count == 2 && errors[0].contains("gcn.json has no togl layer") && errors[1].contains("record \"c\" is a cloud record among graph records"), "\(r.stderr)")
    }

    @Test(arguments: [
        ("--arch gcn:4,readout:sum,dense:2 --dataset moons -o x.json", Int32(64), "layer 1 'gcn:4': needs graphs as input"),
        ("--arch togl:2:dim1=none,flatten,dense:2 --data g.jsonl -o x.json", 64, "layer 2 'flatten': gets the node features of graphs; add readout"),
        ("--arch togl:2,gcn:3 --data g.jsonl -o x.json", 64, "pools cycle features that need a readout after it"),
        ("--arch togl:0,readout:sum,dense:2 --data g.jsonl -o x.json", 64, "togl:K with 1 ≤ K ≤ 256"),
        ("--arch togl:2:dim1=loops,readout:sum,dense:2 --data g.jsonl -o x.json", 64, "dim1=cycles, extended or none, got 'loops'"),
        ("--arch readout:median,dense:2 --data g.jsonl -o x.json", 64, "readout:sum, readout:mean or readout:max"),
        ("--arch gcn:4,readout:sum,dense:2 --data wide.jsonl -o x.json", 65, "record \"b\" has 2 node features, earlier graphs have 1"),
        ("--arch gcn:4,readout:sum,dense:2 --data mixed.jsonl -o x.json", 65, "has no node features \"x\", earlier graphs have them"),
        ("--arch gcn:4,readout:sum,dense:2 --data empty.jsonl -o x.json", 65, "is an empty graph (no nodes)"),
        ("--arch gcn:4,readout:sum,dense:2 --data zero.jsonl -o x.json", 65, "record \"a\" has node features \"x\" with no values"),
        ("--arch gcn:4,readout:sum,dense:2 --data nan.jsonl -o x.json", 65, "nan.jsonl:1: column 62: malformed JSON: NaN is not a number"),
        ("--arch gcn:4,readout:sum,dense:2 --data noy.jsonl -o x.json", 65, "has no class \"y\""),
    ])
    func badInputIsOneLineError(_ c: (String, Int32, String)) throws {
        let r = try Shell.run("""
        cd "$(mktemp -d)" && ph-graph --generate cycles --count 6 --emit-graphs > g.jsonl
        printf '%s\\n' '{"type":"graph","id":"a","nodes":2,"links":[[0,1]],"x":[[1],[2]],"y":0}' '{"type":"graph","id":"b","nodes":1,"x":[[1,2]],"y":1}' > wide.jsonl
        printf '%s\\n' '{"type":"graph","id":"a","nodes":2,"links":[[0,1]],"x":[[1],[2]],"y":0}' '{"type":"graph","id":"b","nodes":1,"y":1}' > mixed.jsonl
        printf '%s\\n' '{"type":"graph","id":"a","nodes":2,"links":[[0,1]],"y":0}' '{"type":"graph","id":"b","nodes":0,"y":1}' > empty.jsonl
        printf '%s\\n' '{"type":"graph","id":"a","nodes":2,"links":[[0,1]],"x":[[1],[NaN]],"y":0}' > nan.jsonl
        printf '%s\\n' '{"type":"graph","id":"a","nodes":2,"links":[[0,1]]}' > noy.jsonl
        printf '%s\\n' '{"type":"graph","id":"a","nodes":2,"links":[[0,1]],"x":[[],[]],"y":0}' > zero.jsonl
        nn-train fit \(c.0); status=$?; test -e x.json && echo "model written"; exit $status
        """)
        #expect(r.status == c.1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("nn-train: error: ") && r.stderr.contains(c.2), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!r.stdout.contains("model written"))
    }
}
