import Foundation
import Testing

/// Files a user already has go in, and every file a tool writes comes back in with the same numbers.
@Suite struct FilesInOutTests {
    /// An iris-like CSV as pandas writes it: a header and class names in a named column.
    static let iris = """
        cd "$(mktemp -d)" && awk 'BEGIN { srand(3); print "sepal_length,sepal_width,petal_length,petal_width,species";
          split("virginica setosa versicolor", names, " ");
          for (i = 0; i < 150; i++) { k = i % 3; printf "%.2f,%.2f,%.2f,%.2f,%s\\n", k + rand(), rand(), 2 * k + rand(), rand(), names[k + 1] } }' > iris.csv &&
        """

    @Test func namedClassesTrainWithNoExtraFlagsAndTravelInMeta() throws {
        let r = try Shell.run(Self.iris + """
         nn-train fit --data iris.csv --arch dense:8,relu,dense:3 --epochs 5 -o iris.json | jq -c '.meta | [.classes, .train_size, .test_size]' &&
         nn-train fit --data iris.csv --label-column species --arch dense:3 --epochs 1 -o b.json | jq -c '.meta.classes' &&
         nn-train fit --data iris.csv --label-column 4 --arch dense:3 --epochs 1 -o c.json | jq -c '.meta.classes'
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let names = #"["setosa","versicolor","virginica"]"#
        #expect(r.stdout == "[\(names),120,30]\n\(names)\n\(names)\n")
    }

    @Test(arguments: [
        ("--label-column specis", "has no column named 'specis'; did you mean 'species'?"),
        ("--data one-to-k.csv", "class 0 of 0…3 has no samples: labels must be class indices 0…K−1 (or class names)"),
    ])
    func labelMistakesAreNamed(_ c: (String, String)) throws {
        let r = try Shell.run(Self.iris + """
         printf '1,2,1\\n3,4,2\\n5,6,3\\n7,8,1\\n9,1,2\\n' > one-to-k.csv && nn-train fit --data iris.csv --arch dense:3 \(c.0) -o x.json
        """)
        #expect(r.status == 65 && r.stderr.contains(c.1), "\(r.stderr)")
    }

    /// `nn-train data --format csv` and its sample records carry a split, which training honours.
    @Test func writtenSplitsAreHonoured() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && nn-train data --train-size 90 --test-size 35 --format csv > d.csv && nn-train data --train-size 90 --test-size 35 > d.jsonl &&
            nn-train fit --data d.csv --arch dense:2 --epochs 1 -o a.json | jq -c '[.meta.train_size, .meta.test_size]' &&
            nn-train fit --data d.jsonl --arch dense:2 --epochs 1 -o b.json | jq -c '[.meta.train_size, .meta.test_size]'
            """)
        #expect(r.stdout == "[90,35]\n[90,35]\n", "\(r.stderr)")
    }

    /// CSV out of one tool, CSV into the next: the numbers of the JSON Lines path.
    @Test func csvRoundTripsGiveTheNumbersOfJSONLines() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && nn-train fit --arch dense:12,relu,dense:2 --epochs 2 --train-size 200 -o m.json >/dev/null &&
            nn-activations --model m.json --layers dense1 --inputs 60 | ph-rips > a.jsonl &&
            nn-activations --model m.json --layers dense1 --inputs 60 --output-format csv | ph-rips --input-format csv > b.jsonl &&
            jq -c .diagrams a.jsonl > da && jq -c .diagrams b.jsonl > db && cmp da db &&
            nn-activations --model m.json --inputs 60 --points neurons --layers dense1 | ph-rips --metric abs-correlation | jq -c .diagrams > na &&
            nn-activations --model m.json --inputs 60 --points neurons --layers dense1 --output-format csv | ph-rips --metric abs-correlation --input-format csv | jq -c .diagrams > nb &&
            cmp na nb &&
            perslay-vec stats a.jsonl | jq -c .values > va &&
            ph-rips --output-format csv < <(nn-activations --model m.json --layers dense1 --inputs 60) > d.csv &&
            perslay-vec --input-format csv stats d.csv | jq -c .values > vb && cmp va vb &&
            tda-plot --input-format csv -o d.svg d.csv && grep -c "<svg" d.svg
            """)
        #expect(r.status == 0 && r.stdout == "1\n", "\(r.stdout) \(r.stderr)")
    }

    /// Vectors as CSV keep their numeric meta fields, so pandas and scikit-learn get the target.
    @Test func vectorCSVKeepsNumericMeta() throws {
        let r = try Shell.run(#"printf '{"type":"vector","id":"a","values":[1,2],"names":["x","y"],"meta":{"gap":0.25,"layers":"dense:2"}}\n' | perslay-vec reduce --output-format csv"#)
        #expect(r.stdout == "id,x,y,meta.gap,meta.group_size\na,1,2,0.25,1\n", "\(r.stdout) \(r.stderr)")
    }

    /// A group's meta keeps only what its members share.
    @Test func reduceKeepsSharedMetaOnly() throws {
        let r = try Shell.run(#"""
            printf '{"type":"vector","id":"m/s0","values":[1],"meta":{"model":"m","gap":0.1,"draw":0}}\n{"type":"vector","id":"m/s1","values":[3],"meta":{"model":"m","gap":0.1,"draw":1}}\n' |
              perslay-vec reduce --by meta.model | jq -c .meta
            """#)
        #expect(r.stdout == #"{"model":"m","gap":0.1,"group_size":2}"# + "\n", "\(r.stderr)")
    }

    /// Python's json.dumps writes an infinite death as Infinity: it reads as null; -Infinity and NaN are refused.
    @Test func pythonInfinityReadsAsAnInfiniteDeath() throws {
        let r = try Shell.run(#"printf '{"type":"diagram","id":"d","diagrams":[[[0,1],[0,Infinity]]]}\n' | tda cat"#)
        #expect(r.stdout == #"{"type":"diagram","id":"d","diagrams":[[[0,1],[0,null]]]}"# + "\n", "\(r.stderr)")
        let fast = try Shell.run(#"printf '{"type":"diagram","id":"d","diagrams":[[[0,1],[0,Infinity]]]}\n' | perslay-vec --inf-value 2 | jq -c '.values[0:1]'"#)
        #expect(fast.stdout == "[2]\n", "\(fast.stderr)")
        let nan = try Shell.run(#"printf '{"type":"diagram","id":"d","diagrams":[[[0,NaN]]]}\n' | tda cat"#)
        #expect(nan.status == 65 && nan.stderr.contains("NaN is not a number a record can hold"))
    }
}

/// The format of an input comes from its name or, on a pipe, its first bytes.
@Suite struct InputFormatDetectionTests {
    @Test func formatFromNameAndFirstBytes() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && python3 -c "
            import numpy as np
            x = np.random.default_rng(1).normal(size=(30, 2))
            np.save('x.npy', x); np.savetxt('x.csv', x, delimiter=','); np.savez('x.npz', a=x)" &&
            for input in x.npy x.csv x.npz '< x.npy' '< x.npz'; do eval "ph-rips $input" | jq -c .diagrams | md5sum; done | sort -u | wc -l &&
            ph-rips < x.csv; echo "status $?"
            """)
        #expect(r.stdout.hasPrefix("1\n"), "all five ways give the same diagram: \(r.stdout) \(r.stderr)")
        #expect(r.stdout.hasSuffix("status 65\n"))
        #expect(r.stderr.contains("(not JSON Lines? give --input-format csv, npy or npz)"), "\(r.stderr)")
    }

    @Test func aDistanceMatrixReadAsPointsIsNamed() throws {
        let r = try Shell.run("cd \"$(mktemp -d)\" && printf '0,1,2\\n1,0,1\\n2,1,0\\n' > d.csv && ph-rips d.csv > /dev/null && ph-rips --distance-matrix d.csv > /dev/null")
        #expect(r.status == 0)
        #expect(r.stderr == "ph-rips: warning: d.csv: record \"d.csv\" is square, symmetric and zero on the diagonal, but is read as points; give --distance-matrix if it holds distances\n", "\(r.stderr)")
    }
}

/// Files written by ripser.py, json.dumps and pandas (scripts/references/files_fixtures.py) go in as they are.
@Suite struct FilesFromPythonTests {
    static let dir = "\(Shell.packageRoot)/Tests/TDAKitTests/Fixtures/files"

    /// ripser.py's diagrams dumped by json.dumps (Infinity) are ph-rips' diagrams of the same cloud.
    @Test func ripserDiagramsFromJSONDumps() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && ph-rips \(Self.dir)/cloud.jsonl | jq -c .diagrams > ours &&
            tda cat \(Self.dir)/ripser-dgms.jsonl | jq -c .diagrams > theirs && cmp ours theirs && echo same
            """)
        #expect(r.stdout == "same\n", "\(r.stderr)")
    }

    /// The same diagrams as a pandas CSV (inf deaths) vectorise as the records do.
    @Test func ripserDiagramsAsAPandasCSV() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && perslay-vec --inf-value 3 stats \(Self.dir)/ripser-dgms.jsonl | jq -c .values > a &&
            perslay-vec --inf-value 3 stats \(Self.dir)/ripser-dgms.csv | jq -c .values > b && cmp a b && echo same
            """)
        #expect(r.stdout == "same\n", "\(r.stderr)")
    }

    /// A pandas frame with a header and class names trains with no extra flags.
    @Test func pandasFrameWithClassNames() throws {
        let r = try Shell.run("cd \"$(mktemp -d)\" && nn-train fit --data \(Self.dir)/pandas-iris.csv --arch dense:3 --epochs 2 -o m.json | jq -c '[.meta.classes, .meta.train_size, .meta.test_size]'")
        #expect(r.stdout == #"[["setosa","versicolor","virginica"],72,18]"# + "\n", "\(r.stderr)")
    }

    /// pandas' default index column is a row name, not a coordinate.
    @Test func pandasIndexColumnIsNotACoordinate() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && ph-rips \(Self.dir)/cloud.jsonl | jq -c .diagrams > a && ph-rips \(Self.dir)/pandas-index.csv | jq -c .diagrams > b && cmp a b && echo same
            """)
        #expect(r.stdout == "same\n", "\(r.stderr)")
    }
}

/// ripser.py's `dgms` saved by `np.savez_compressed`: one diagram per array, its dimension from
/// the key, infinite deaths kept.
@Suite struct DiagramArraysTests {
    @Test func savezCompressedDiagramsWithInfiniteDeaths() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && python3 -c "
            import json, numpy as np
            d = json.load(open('\(FilesFromPythonTests.dir)/ripser-dgms.jsonl'))['diagrams']
            np.savez_compressed('dgms.npz', *[np.array(x, dtype=float).reshape(-1, 2) for x in d])" &&
            perslay-vec --inf-value 3 stats dgms.npz | jq -c '.values' > arrays &&
            perslay-vec --inf-value 3 --dims 0 stats \(FilesFromPythonTests.dir)/ripser-dgms.jsonl | jq -c '.values' > h0 &&
            perslay-vec --inf-value 3 --dims 1 stats \(FilesFromPythonTests.dir)/ripser-dgms.jsonl | jq -c '.values' > h1 &&
            head -1 arrays | jq -c '.[0:10]' | cmp - h0 && tail -1 arrays | jq -c '.[10:20]' | cmp - h1 && echo same
            """)
        #expect(r.stdout == "same\n", "\(r.stdout) \(r.stderr)")
    }
}

/// A vector table written as CSV fits to the same held-out scores as its records.
@Suite struct VectorTableTests {
    @Test func vectorCSVFitsLikeItsRecords() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && for i in $(seq 0 19); do
              printf '{"type":"vector","id":"m%d","values":[%d,%d.5],"names":["a","b"],"meta":{"gap":0.%d,"layers":"x"}}\\n' $i $i $((i % 7)) $((i * 7 % 10))
            done > v.jsonl &&
            perslay-vec reduce --output-format csv v.jsonl > v.csv && head -1 v.csv &&
            gap-regress fit --cv kfold:4x2 --seed 3 v.jsonl | jq -c '[.r2, .coef]' > a &&
            gap-regress fit --cv kfold:4x2 --seed 3 v.csv | jq -c '[.r2, .coef]' > b && cmp a b && echo same
            """)
        #expect(r.stdout == "id,a,b,meta.gap,meta.group_size\nsame\n", "\(r.stdout) \(r.stderr)")
    }
}

/// Smaller things a user's files need: tab-separated tables, class names in plots, rows left unused said out loud.
@Suite struct FilesDetailTests {
    @Test func tabSeparatedTablesReadAsTheirCSV() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && printf 'x\\ty\\tlabel\\n0\\t0\\t1\\n1\\t0\\t0\\n0\\t1\\t1\\n' > c.tsv && tr '\\t' , < c.tsv > c.csv &&
            ph-rips c.tsv | jq -c .diagrams > a && ph-rips c.csv | jq -c .diagrams > b && cmp a b && cat a
            """)
        #expect(r.stdout == "[[[0,1],[0,1],[0,null]],[]]\n", "\(r.stderr)")
    }

    /// A model trained on named classes passes the names on; a cloud's legend shows them.
    @Test func classNamesReachThePlotLegend() throws {
        let r = try Shell.run(FilesInOutTests.iris + """
         nn-train fit --data iris.csv --arch dense:4,relu,dense:3 --epochs 2 -o iris.json >/dev/null &&
         nn-activations --model iris.json --data iris.csv --label-column species --layers dense1 --inputs 30 | tda-plot -o c.svg &&
         grep -o '>versicolor<' c.svg | head -1
        """)
        #expect(r.stdout == ">versicolor<\n", "\(r.stderr)")
    }

    @Test func unusedTrainingRowsAreReported() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && nn-train data --train-size 100 --test-size 20 --format csv > d.csv &&
            nn-train fit --data d.csv --train-size 50 --arch dense:2 --epochs 1 -o m.json > /dev/null
            """)
        #expect(r.status == 0 && r.stderr == "nn-train: warning: d.csv: training on 50 of its 100 training rows (--train-size)\n", "\(r.stderr)")
    }
}
