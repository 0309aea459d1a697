import Foundation
import Testing

/// Pipes, exit statuses and atomic output, through the real executables (`tda cat` is the
/// plain record filter every tool's reader and writer are built on).
@Suite struct UnixMannersTests {
    @Test func closedPipeEndsAnEndlessProducerQuietly() throws {
        // An endless input: if the writer ignored EPIPE, `timeout` would kill it (status 124).
        let result = try Shell.run("""
        yes '{"type":"vector","id":"v","values":[1.5,2.5]}' | timeout 20 tda cat | head -1
        echo "status ${PIPESTATUS[1]}"
        """)
        #expect(result.stdout == "{\"type\":\"vector\",\"id\":\"v\",\"values\":[1.5,2.5]}\nstatus 0\n")
        #expect(result.stderr == "")
    }

    @Test func failedRunLeavesNoOutputFile() throws {
        let result = try Shell.run("""
        dir=$(mktemp -d)
        printf '{"type":"vector","values":[1]}\\n{"type":"vector","values":[1,"x"]}\\n' > $dir/in.jsonl
        tda cat -o $dir/out.jsonl $dir/in.jsonl; echo "status $?"; ls -A $dir
        """)
        #expect(result.stdout == "status 65\nin.jsonl\n")
        #expect(result.stderr.hasPrefix("tda: error: "))
        #expect(result.stderr.contains("in.jsonl:2: vector record field \"values\" must be an array of numbers"))
    }

    @Test func successfulRunWritesTheFile() throws {
        let result = try Shell.run("""
        dir=$(mktemp -d)
        printf '{"type":"vector","values":[1e0, 2.5]}\\n' | tda cat -o $dir/out.jsonl; echo "status $?"; cat $dir/out.jsonl; ls -A $dir
        """)
        #expect(result.stdout == "status 0\n{\"type\":\"vector\",\"values\":[1,2.5]}\nout.jsonl\n")
    }

    @Test(arguments: [
        ("tda cat /nonexistent/file.jsonl", Int32(66), "tda: error: /nonexistent/file.jsonl: cannot open: No such file or directory\n"),
        ("echo '{}' | tda cat -o /nonexistent/dir/x.jsonl", 73, "tda: error: /nonexistent/dir/x.jsonl: cannot create: No such file or directory\n"),
        ("printf '{\"type\":\"cloud\",\"id\":\"x\",\\n' | tda cat", 65, "tda: error: stdin:1: column 26: malformed JSON: unexpected end of line in an object, expected a key string\n"),
        ("printf '{\"type\":\"cloud\",\"id\":\"m07/L2\",\"points\":[[1,2],[3]]}\\n' | tda cat", 65, "tda: error: stdin:1: record \"m07/L2\" has points of unequal length (2 and 1)\n"),
        ("printf '\\n\\n{\"type\":\"diagram\",\"diagrams\":[[[1,0]]]}\\n' | tda cat", 65, "tda: error: stdin:3: diagram record dimension 0 bar 0 dies before it is born (1.0, 0.0)\n"),
        ("tda cat --chek", 64, "tda: error: unknown option '--chek'; did you mean '--check'? (try 'tda --help')\n"),
    ])
    func errorsAreOneLineWithTheRightStatus(command: String, status: Int32, message: String) throws {
        let result = try Shell.run(command)
        #expect(result.status == status)
        #expect(result.stderr == message)
        #expect(result.stdout == "")
    }

    @Test func catSetsMetaKeys() throws {
        let result = try Shell.run(#"printf '{"type":"vector","values":[1],"meta":{"a":1}}\n' | tda cat --set depth=3 --set a=x"#)
        #expect(result.stdout == #"{"type":"vector","values":[1],"meta":{"a":"x","depth":3}}"# + "\n")
        let bad = try Shell.run("tda cat --set nokey < /dev/null")
        #expect(bad.status == 64 && bad.stderr == "tda: error: --set wants KEY=VALUE, not 'nokey'\n")
    }

    @Test func progressOnlyWhenAskedOrOnATerminal() throws {
        // TDA_PROGRESS_DELAY=0 shows progress at once (normally after 1 s); stderr is a file here.
        let train = "TDA_PROGRESS_DELAY=0 nn-train fit --dataset moons --arch dense:8,relu,dense:2 --epochs 3 --train-size 100 -o /dev/null"
        let quiet = try Shell.run("\(train) > /dev/null")
        #expect(quiet.status == 0 && quiet.stderr == "")
        let logged = try Shell.run("\(train) --progress > /dev/null")
        #expect(logged.status == 0)
        #expect(logged.stderr.hasPrefix("epochs: "), "\(logged.stderr)")
        // Each line (the last epoch's at least) ends with the epoch's training loss.
        let lines = logged.stderr.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains(", loss ") && Double($0.split(separator: " ").last ?? "") != nil },
                "\(logged.stderr)")
        #expect(!logged.stderr.contains("\r"))
    }

    /// Nothing in, nothing out, and a word on stderr that nothing came in.
    @Test func emptyInputIsEmptyOutput() throws {
        let result = try Shell.run("tda cat < /dev/null")
        #expect(result.status == 0)
        #expect(result.stdout == "" && result.stderr == "tda: warning: the input has no records\n", "stderr: \(result.stderr)")
    }
}

/// `TOOL SUBCOMMAND --help` is about that subcommand; unknown names suggest the nearest.
@Suite struct SubcommandHelpTests {
    @Test func subcommandHelpShowsItsOptionsAndTheCommonOnes() throws {
        let r = try Shell.run("nn-train export --help")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("nn-train export — "))
        #expect(r.stdout.contains("Options of 'export':") && r.stdout.contains("Common options:") && r.stdout.contains("--seed"))
        #expect(!r.stdout.contains("Options of 'fit':") && !r.stdout.contains("--arch"))
        let whole = try Shell.run("gap-regress --help")
        #expect(whole.stdout.contains("Options of 'predict':"), "the tool's own --help lists every subcommand")
    }

    @Test(arguments: [
        ("perslay-vec stats:augmnt=square", "did you mean 'augment'?"),
        ("mapper --lens l2nrm", "did you mean 'l2norm'?"),
        ("nn-train fti", "did you mean 'fit'?"),
    ])
    func unknownNamesSuggestTheNearest(_ c: (String, String)) throws {
        let r = try Shell.run("\(c.0) </dev/null")
        #expect(r.status == 64 && r.stderr.contains(c.1), "\(r.stderr)")
    }
}

/// Bad input ends in one clear line and the right status, never a trap; nothing is lost silently.
@Suite struct BadInputTests {
    /// Sizes are checked before anything is allocated.
    @Test(arguments: [
        ("perslay-vec image:resolution=100000,100000", "perslay-vec: error: image:resolution=100000,100000 would need "),
        ("perslay-vec landscape:num_landscapes=100000000000", "perslay-vec: error: landscape:num_landscapes=100000000000 would need "),
        ("nn-train fit --arch dense:2 --train-size 99999999999 -o x.json", "nn-train: error: --train-size 99999999999 and --test-size 1000 of 2 inputs each would need "),
        ("mapper --intervals 10000000000 --lens coord:0,coord:1", "mapper: error: --intervals 10000000000 with a 2-dimensional lens gives"),
    ])
    func hugeSizesFailAtOnce(_ c: (String, String)) throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && printf '{"type":"cloud","id":"c","points":[[0,0],[1,1],[2,0],[3,1]]}\\n' > c.jsonl &&
            printf '{"type":"diagram","id":"d","diagrams":[[[0,1]],[[0.5,1]]]}\\n' > d.jsonl &&
            case "\(c.0)" in mapper*) \(c.0) c.jsonl ;; nn-train*) \(c.0) ;; *) \(c.0) d.jsonl ;; esac; status=$?; ls; exit $status
            """)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.hasPrefix(c.1) && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!r.stdout.contains("x.json"))
    }

    /// A cloud whose distance matrix alone passes the memory limit is refused before it is computed.
    @Test func aCloudTooLargeForItsDistancesIsRefused() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)" && python3 -c "import numpy; numpy.save('big.npy', numpy.zeros((100000, 2)))" && ph-rips --maxdim 0 --max-memory 1G big.npy
            """)
        #expect(r.status == 65 && r.stdout.isEmpty)
        #expect(r.stderr.contains("the run needs about 37.3 GiB, over the limit of 1.0 GiB"), "\(r.stderr)")
    }

    /// A huge cover is computed without allocating every interval: the graph comes at once.
    @Test func aCoverOfAHundredMillionIntervalsIsNotAllocated() throws {
        let r = try Shell.run(#"printf '{"type":"cloud","id":"c","points":[[0,0],[0.5,0],[1,0],[1.5,0]]}\n' | mapper --intervals 100000000 --min-samples 1 --eps 0.1"#)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""type":"graph""#))
    }

    /// One-document outputs refuse an empty input and write no file; filters say they read nothing.
    @Test func emptyInputIsReported() throws {
        let r = try Shell.run("""
            cd "$(mktemp -d)"
            mapper --format html -o page.html </dev/null; echo "html $?"
            perslay-vec distance </dev/null; echo "distance $?"
            ph-rips </dev/null; echo "ph-rips $?"
            perslay-vec </dev/null; echo "perslay-vec $?"
            ls
            """)
        #expect(r.stdout == "html 65\ndistance 65\nph-rips 0\nperslay-vec 0\n", "\(r.stdout)")
        #expect(r.stderr == """
            mapper: error: stdin: no records
            perslay-vec: error: stdin: no records
            ph-rips: warning: the input has no records
            perslay-vec: warning: the input has no records

            """)
    }

    /// A filter started at a terminal with no operands says how to give it input, at once.
    @Test func terminalStandardInputGetsAHint() throws {
        try #require(Shell.available("script"), "script (bsdutils) runs a tool on a pseudo-terminal")
        let r = try Shell.run("timeout 10 script -qec 'ph-rips' /dev/null </dev/null; echo \"status $?\"")
        #expect(r.stdout.contains("ph-rips: error: no input: standard input is a terminal"), "\(r.stdout)")
        #expect(r.stdout.contains("status 64"), "\(r.stdout)")
    }

    /// Coordinates whose distances overflow are an error naming the record, not infinite bars.
    @Test func overflowingDistancesAreAnError() throws {
        let r = try Shell.run(#"printf '{"type":"cloud","id":"big","points":[[1e308,0],[-1e308,0],[0,1]]}\n' | ph-rips"#)
        #expect(r.status == 65 && r.stdout.isEmpty)
        #expect(r.stderr == "ph-rips: error: stdin:1: record \"big\" coordinates up to 1e+308 make distances overflow to infinity in float32; rescale the cloud\n")
    }

    /// OLS on constant or collinear features warns and names them.
    @Test func rankDeficientDesignIsNamed() throws {
        var lines = ""
        for i in 0..<12 {
            let a = Double(i), b = Double(i * i % 7)
            lines += #"{"type":"vector","id":"v\#(i)","values":[\#(a),\#(b),1,\#(2 * a + b)],"names":["a","b","c","d"],"meta":{"gap":\#(0.1 * a + 0.01 * b)}}"# + "\n"
        }
        let r = try Shell.run("gap-regress fit --cv kfold:3x1 >/dev/null", stdin: lines)
        #expect(r.status == 0)
        #expect(r.stderr.hasPrefix("gap-regress: warning: the design matrix is rank-deficient (rank 2 of 4 features): "), "\(r.stderr)")
        #expect(r.stderr.contains("c,") || r.stderr.contains(", c "), "the constant feature is named: \(r.stderr)")
    }
}
