import Foundation
import Testing
import TDAKit

/// Inputs travel with the activations: `nn-activations` writes each point's probe row, and
/// `mapper --format html --inputs` puts those inputs on the page.
@Suite struct MapperPageCLITests {
    /// A fresh directory with a small model `m.json` and its data as sample records `data.jsonl`.
    static let setup = """
    cd "$(mktemp -d)" && data='--train-size 300 --test-size 60 --data-seed 4' &&
    nn-train fit --arch dense:12,relu,dense:2 --epochs 2 $data -q -o m.json >/dev/null && nn-train data $data > data.jsonl &&
    """

    /// Points drawn from the model's own test split sit at their `rows` in the test samples
    /// `nn-train data` writes (read back whole through `--data`), labels included.
    @Test func rowsIndexTheProbeData() throws {
        let r = try Shell.run(Self.setup + """
         nn-activations --model m.json --split test --inputs 25 --input-seed 3 --layers dense1 -q > drawn.jsonl &&
         nn-activations --model m.json --data data.jsonl --split test --layers dense1 -q > whole.jsonl &&
         nn-activations --model m.json --data data.jsonl --split test --inputs 10 --layers dense1 -q > subset.jsonl &&
         cat drawn.jsonl whole.jsonl subset.jsonl
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let clouds = try jsonLines(r.stdout)
        try #require(clouds.count == 3)
        let (drawn, whole, subset) = (clouds[0], clouds[1], clouds[2])
        let wholeRows = try #require(whole["rows"] as? [Int]), wholePoints = try #require(whole["points"] as? [[Double]])
        #expect(wholeRows == Array(0..<60))
        for cloud in [drawn, subset] {
            let rows = try #require(cloud["rows"] as? [Int]), points = try #require(cloud["points"] as? [[Double]])
            let labels = try #require(cloud["labels"] as? [Int]), wholeLabels = try #require(whole["labels"] as? [Int])
            #expect(rows.count == points.count && Set(rows).count == rows.count)
            #expect(rows.indices.allSatisfy { points[$0] == wholePoints[rows[$0]] && labels[$0] == wholeLabels[rows[$0]] })
        }
        // From a file the chosen inputs stay in file order; from the model's data in drawn order.
        #expect((subset["rows"] as? [Int]) == (subset["rows"] as? [Int])?.sorted())
        #expect((drawn["rows"] as? [Int]) != (drawn["rows"] as? [Int])?.sorted())
    }

    /// Neuron clouds have no probe rows; an `.npz` of clouds keeps them beside each array, and
    /// the page made from it has the member rows and exemplars of the page made from the records
    /// (not every byte: record digits are float32's shortest, the archive holds the float32s).
    @Test func rowsSurviveAnArchiveAndThePageShowsTheInputs() throws {
        let r = try Shell.run(Self.setup + """
         nn-activations --model m.json --split test --inputs 40 --input-seed 1 -q > c.jsonl &&
         nn-activations --model m.json --split test --inputs 40 --input-seed 1 --output-format npz -q -o c.npz &&
         mapper --format html --inputs data.jsonl --split test --eps auto -q c.jsonl -o a.html &&
         mapper --format html --inputs data.jsonl --split test --eps auto -q c.npz -o b.html &&
         for f in a b; do grep -oE '"(rows|ex)":.[0-9,]*.' $f.html > $f.rows; done && test -s a.rows && cmp a.rows b.rows &&
         nn-activations --model m.json --inputs 40 --points neurons -q | jq -c 'has("rows")' && grep -o '"inputs":{"shape":\\[[0-9]*\\]' a.html
        """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "false\nfalse\n\"inputs\":{\"shape\":[2]\n")
    }

    @Test(arguments: [
        ("mapper --inputs data.jsonl c.jsonl", Int32(64), "--inputs is for --format html"),
        ("mapper --format html --input-shape 1,1,2 c.jsonl", 64, "--input-shape needs --inputs FILE"),
        ("mapper --format html --inputs data.jsonl --input-shape 1,2,2 c.jsonl", 65, "has 2 values per sample, --input-shape 1×2×2 needs 4"),
        ("mapper --format html --exemplars -1 c.jsonl", 64, "--exemplars must be 0 or more"),
        ("head -c 2000 data.jsonl | head -n 3 > few.jsonl; mapper --format html --inputs few.jsonl --eps auto c.jsonl", 65,
         "points come from probe row"),
        (#"jq -c '.rows[0] = -1' c.jsonl | mapper --format html --eps auto"#, 65, "not an integer from 0"),
        (#"jq -c '.rows |= .[1:]' c.jsonl | mapper --eps auto"#, 65, "has 39 rows for 40 points"),
    ])
    func badInputsAreOneLineErrors(command: String, status: Int32, message: String) throws {
        let r = try Shell.run(Self.setup + " nn-activations --model m.json --inputs 40 --layers dense1 -q > c.jsonl && " + command)
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("mapper: error: ") && r.stderr.contains(message) && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
}
