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

    @Test func emptyInputIsEmptyOutput() throws {
        let result = try Shell.run("tda cat < /dev/null")
        #expect(result.status == 0)
        #expect(result.stdout == "" && result.stderr == "", "stderr: \(result.stderr)")
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
