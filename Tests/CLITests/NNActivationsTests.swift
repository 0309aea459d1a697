import Foundation
import Testing
import TDAKit

@Suite struct NNActivationsTests {
    /// A script prefix: a fresh directory with a small trained model `m.json`.
    static let model = """
    cd "$(mktemp -d)" && nn-train fit --arch dense:12,relu,dense:10,tanh,dense:2 --epochs 2 --train-size 300 --test-size 50 --data-seed 4 -o m.json >/dev/null &&
    """

    @Test func weightedLayersOfFixedInputsCarryTheModelMeta() throws {
        let r = try Shell.run(Self.model + """
         nn-activations --model m.json --inputs 40 --input-seed 2 > a.jsonl && nn-activations --model m.json --inputs 40 --input-seed 2 | cmp - a.jsonl && cat a.jsonl
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let clouds = try jsonLines(r.stdout)
        #expect(clouds.map { $0["id"] as? String } == ["m/dense1", "m/dense2", "m/dense3"])
        let points = clouds.map { ($0["points"] as? [[Double]]) ?? [] }
        #expect(points.map(\.count) == [40, 40, 40] && points.map { $0.first?.count } == [12, 10, 2])
        // Post-activation: ReLU outputs are never negative, tanh outputs lie in (−1, 1).
        #expect(points[0].joined().allSatisfy { $0 >= 0 } && points[1].joined().allSatisfy { abs($0) < 1 })
        let meta = try #require(clouds.first?["meta"] as? [String: Any])
        #expect(meta["layer"] as? String == "dense1" && meta["gap"] is Double && meta["at"] as? String == "post")
        #expect((clouds.first?["labels"] as? [Double])?.count == 40)
    }

    @Test func float32DigitsReadBackToTheSameFloats() throws {
        let r = try Shell.run(Self.model + """
         nn-activations --model m.json --inputs 30 > f32.jsonl && nn-activations --model m.json --inputs 30 --precision float64 > f64.jsonl
         wc -c < f32.jsonl; wc -c < f64.jsonl; cat f32.jsonl f64.jsonl
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(Int(lines[0]) ?? 0 < (Int(lines[1]) ?? 0) * 3 / 4, "float32 digits are much shorter")
        // Our parser, which is bit-exact (JSONSerialization may miss the last bit on Linux).
        let values = try lines.dropFirst(2).map { line -> [Double] in
            guard case .object(let record) = try JSONParser.parse(line), let rows = record["points"]?.arrayElements else { return [] }
            return rows.flatMap { row -> [Double] in if case .numbers(let xs) = row { return xs }; return [] }
        }
        let (f32, f64) = (values.prefix(3), values.suffix(3))
        #expect(f32.map(\.count) == f64.map(\.count) && f32.allSatisfy { !$0.isEmpty })
        for (a, b) in zip(f32, f64) {
            // float64 output is the exact Float widened; float32's digits round to that Float.
            #expect(zip(a, b).allSatisfy { Float($0) == Float($1) && Double(Float($1)) == $1 })
        }
    }

    @Test func oneCloudAsCSVAndTheDiagramOfItAsCSV() throws {
        let r = try Shell.run(Self.model + """
         nn-activations --model m.json --layers dense2 --points neurons --inputs 20 --output-format csv -o n.csv && head -2 n.csv | cut -c1-12
         nn-activations --model m.json --layers dense2 --points neurons --inputs 20 | ph-rips | tda cat --output-format csv | head -2
         nn-activations --model m.json --points neurons --inputs 20 | ph-rips | perslay-vec --output-format csv | cut -d, -f1-2
         nn-activations --model m.json --inputs 20 --output-format csv -o x.csv; echo "status $?"; test -e x.csv && echo "partial file written"
        """)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 9, "\(r.stdout) \(r.stderr)")
        #expect(lines[0] == "name,x0,x1,x" && lines[1].hasPrefix("dense2:0,"), "neuron names first, then the 20 inputs")
        #expect(lines[2] == "dim,birth,death" && lines[3].hasPrefix("0,0,"))
        #expect(lines[4] == "id,stats.H0.count" && lines[5...7].map { $0.split(separator: ",")[0] } == ["m/dense1", "m/dense2", "m/dense3"],
                "one row per layer's vector")
        #expect(lines[5...7].allSatisfy { Int($0.split(separator: ",")[1]) != nil }, "bar counts")
        #expect(lines[8] == "status 65" && r.stderr.contains("CSV output holds one cloud table"))
    }

    /// Also: the draws are formatted in parallel, with the bytes of one thread.
    @Test func modelRecordsOnStdinAndImportanceDrawsOfNeurons() throws {
        let r = try Shell.run(Self.model + """
         echo '{"type":"model","id":"z1","path":"m.json","meta":{"gap":0.25}}' > z.jsonl &&
         nn-activations --layers dense1,2 --at pre --points neurons --neurons 5 --draws 3 --inputs 100 --seed 9 --threads 3 < z.jsonl > t3.jsonl &&
         nn-activations --layers dense1,2 --at pre --points neurons --neurons 5 --draws 3 --inputs 100 --seed 9 --threads 1 < z.jsonl | cmp - t3.jsonl &&
         cat t3.jsonl
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let clouds = try jsonLines(r.stdout)
        #expect(clouds.map { $0["id"] as? String } == ["z1/dense1/s0", "z1/dense1/s1", "z1/dense1/s2", "z1/relu1/s0", "z1/relu1/s1", "z1/relu1/s2"])
        for cloud in clouds {
            let points = try #require(cloud["points"] as? [[Double]])
            #expect(points.count == 5 && points.allSatisfy { $0.count == 100 })
            #expect(Set(try #require(cloud["names"] as? [String])).count == 5)
            let meta = try #require(cloud["meta"] as? [String: Any])
            #expect(meta["gap"] as? Double == 0.25 && meta["draw"] is Double && meta["at"] as? String == "pre")
        }
    }

    /// Layers larger than `--chunk-values` are computed in chunks of inputs (importance counts
    /// first, then the kept neurons): the bytes are those of one pass.
    @Test(arguments: ["--points neurons --neurons 5 --draws 3 --layers dense1,dense2", "--layers all", "--concat --points neurons"])
    func chunkedLayersGiveTheBytesOfOnePass(_ options: String) throws {
        let r = try Shell.run(Self.model + """
         nn-activations --model m.json --inputs 100 \(options) > whole.jsonl &&
         nn-activations --model m.json --inputs 100 \(options) --chunk-values 50 | cmp - whole.jsonl &&
         nn-activations --model m.json --inputs 100 \(options) --chunk-values 1 | cmp - whole.jsonl && wc -l < whole.jsonl
        """)
        #expect(r.status == 0 && (Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0, "\(r.stdout) \(r.stderr)")
    }

    @Test(arguments: [
        ("--chunk-values 0", Int32(64), "--chunk-values must be positive"),
        ("--layers conv1", 64, "no layer 'conv1' (layers: dense1, relu1, dense2, tanh1, dense3)"),
        ("--neurons 11 --layers dense2", 64, "layer dense2 has 10 neurons, fewer than the 11 requested"),
        ("--inputs 100000", 64, "--inputs 100000: the probe data has 300 samples (the train split)"),
        ("--points neurons --neurons 3 --draws 99999999999", 64, "--draws 99999999999 of --neurons 3 would need "),
        ("--dataset xor --dimensions 3", 65, "the model expects 2 input values per sample but the data has 3"),
    ])
    func badRequestsSayWhatIsValid(_ c: (String, Int32, String)) throws {
        let r = try Shell.run(Self.model + " nn-activations --model m.json \(c.0)")
        // Messages are exact but for a memory refusal's machine-dependent end.
        #expect(r.status == c.1 && r.stderr.hasPrefix("nn-activations: error: \(c.2)") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }

    /// A probe file is used whole and in file order: row i of the samples cloud is the network's
    /// activation on row i of the file (checked against the same rows given as sample records),
    /// and an unlabelled CSV gives a cloud without labels.
    @Test func probeFileIsUsedWholeInFileOrder() throws {
        let r = try Shell.run(Self.model + """
         awk 'BEGIN { for (i = 0; i < 1200; i++) printf "%.3f,%.3f\\n", sin(i), cos(3 * i) }' > probe.csv &&
         awk -F, '{ printf "{\\"type\\":\\"sample\\",\\"x\\":[%s,%s]}\\n", $1, $2 }' probe.csv > probe.jsonl &&
         nn-activations --model m.json --layers dense1 --data probe.csv > a.jsonl &&
         nn-activations --model m.json --layers dense1 --data probe.jsonl | cmp - a.jsonl &&
         nn-activations --model m.json --layers dense1 --data probe.csv --inputs 5 --input-seed 3 > b.jsonl &&
         jq -c '.points | length' a.jsonl b.jsonl && jq -c 'has("labels")' a.jsonl &&
         sed -n 700p probe.csv > one.csv && nn-activations --model m.json --layers dense1 --data one.csv | jq -c '.points[0]' &&
         jq -c '.points[699]' a.jsonl
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(3)) == ["1200", "5", "false"], "\(r.stdout)")
        #expect(lines.count == 5 && lines[3] == lines[4], "row 700 of the file is not point 700 of the cloud")
    }

    /// Sample records that carry a split (as `nn-train data` writes them) are filtered by
    /// `--split`, never re-drawn; labels come from their `y`.
    @Test func sampleRecordsKeepTheirSplit() throws {
        let r = try Shell.run(Self.model + """
         nn-train data --train-size 30 --test-size 20 > probe.jsonl &&
         nn-activations --model m.json --layers dense1 --data probe.jsonl | jq -c '[(.points | length), (.labels | length)]' &&
         nn-activations --model m.json --layers dense1 --data probe.jsonl --split test | jq -c '.labels' &&
         jq -c 'select(.meta.split == "test") | .y' probe.jsonl | jq -sc .
        """)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(r.status == 0 && lines.count == 3, "\(r.stderr)")
        #expect(lines.first == "[30,30]")
        #expect(lines.count == 3 && lines[1] == lines[2])
    }

    @Test func modelIdTravelsInMeta() throws {
        let r = try Shell.run(Self.model + " nn-activations --model m.json --inputs 5 | jq -r '.meta.model' | sort -u")
        #expect(r.stdout == "m\n", "\(r.stderr)")
    }

    @Test func allowFewerTakesTheWholeLayerWithAWarning() throws {
        let r = try Shell.run(Self.model + " nn-activations --model m.json --layers dense3 --neurons 5 --allow-fewer --inputs 7")
        #expect(r.status == 0 && r.stderr.contains("warning: layer dense3 has 2 neurons"))
        #expect(try jsonLines(r.stdout).map { $0["id"] as? String } == ["m/dense3"])
    }
}
