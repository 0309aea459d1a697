import Foundation
import Testing
import TDAKit

/// The completion scripts in `completions/` are generated from the option tables; these tests
/// check they are current and that each shell really completes what `--help` lists.
@Suite(.serialized) struct CompletionTests {
    static let tools = ToolCatalog.allSpecs.map(\.name)

    /// Long options as `--help` prints them (the parser's own table).
    static func helpOptions(_ tool: String) throws -> Set<String> {
        let help = try Shell.run("\(tool) --help").stdout
        let regex = try NSRegularExpression(pattern: "(?<![\\w-])--[a-z0-9][a-z0-9-]*")
        let range = NSRange(help.startIndex..., in: help)
        return Set(regex.matches(in: help, range: range).map { String(help[Range($0.range, in: help)!]) })
    }

    @Test(arguments: tools)
    func committedScriptsEqualGeneratedOnes(tool: String) throws {
        for (shell, file) in [("bash", "completions/bash/\(tool)"), ("zsh", "completions/zsh/_\(tool)"), ("fish", "completions/fish/\(tool).fish")] {
            let generated = try Shell.run("tda completions \(shell) \(tool)")
            #expect(generated.status == 0)
            let committed = try String(contentsOfFile: "\(Shell.packageRoot)/\(file)", encoding: .utf8)
            #expect(generated.stdout == committed, "\(file) is stale: run 'make completions'")
        }
    }

    /// The command lines whose completions, together, must offer every option: `tool --`, and
    /// `tool SUBCOMMAND --` for each subcommand with options of its own.
    static func optionPrefixes(_ tool: String) -> [[String]] {
        let subcommands = ToolCatalog.spec(named: tool)?.subcommands.filter { !$0.options.isEmpty }.map(\.name) ?? []
        return [[tool, "--"]] + subcommands.map { [tool, $0, "--"] }
    }

    @Test(arguments: tools)
    func bashCompletesEveryOption(tool: String) throws {
        let function = "_" + tool.replacingOccurrences(of: "-", with: "_")
        let script = "source completions/bash/\(tool)\n" + Self.optionPrefixes(tool).map { words in
            "COMP_WORDS=(\(words.joined(separator: " "))); COMP_CWORD=\(words.count - 1); \(function); printf '%s\\n' \"${COMPREPLY[@]}\""
        }.joined(separator: "\n")
        let result = try Shell.run(script)
        #expect(result.status == 0, "\(result.stderr)")
        let offered = Set(result.stdout.split(separator: "\n").map(String.init))
        let wanted = try Self.helpOptions(tool)
        #expect(wanted.isSubset(of: offered), "missing: \(wanted.subtracting(offered).sorted())")
    }

    @Test func bashCompletesChoiceValuesAndUmbrellaTools() throws {
        let script = """
        source completions/bash/tda
        COMP_WORDS=(tda ph); COMP_CWORD=1; _tda; printf '%s\\n' "${COMPREPLY[@]}"
        source completions/bash/tda-plot
        COMP_WORDS=(tda completions b); COMP_CWORD=2; _tda; printf '%s\\n' "${COMPREPLY[@]}"
        """
        let result = try Shell.run(script)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("ph-rips"))
        #expect(lines.contains("bash"))
    }

    @Test func umbrellaLoadsAToolsBashCompletionLazily() throws {
        // As installed: bash-completion finds each tool's script by name when first needed.
        try #require(FileManager.default.fileExists(atPath: "/usr/share/bash-completion/bash_completion"),
                     "bash-completion is required (make test-deps installs it)")
        let result = try Shell.run("""
        dir=$(mktemp -d); mkdir -p $dir/completions; cp completions/bash/* $dir/completions/
        BASH_COMPLETION_USER_DIR=$dir bash -c 'source /usr/share/bash-completion/bash_completion; source completions/bash/tda
        COMP_WORDS=(tda ph-rips --met); COMP_CWORD=2; _tda; printf "%s\\n" "${COMPREPLY[@]}"'
        """)
        #expect(result.stdout == "--metric\n", "\(result.stderr)")
    }

    @Test(arguments: tools)
    func fishCompletesEveryOption(tool: String) throws {
        try #require(Shell.available("fish"), "fish is required (make test-deps installs it)")
        let lines = Self.optionPrefixes(tool).map { "complete -C \"\($0.joined(separator: " "))\"" }.joined(separator: "; ")
        let result = try Shell.run("fish --no-config -c 'source completions/fish/\(tool).fish; \(lines)'")
        #expect(result.status == 0, "\(result.stderr)")
        let offered = Set(result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") })
        let wanted = try Self.helpOptions(tool)
        #expect(wanted.isSubset(of: offered), "missing: \(wanted.subtracting(offered).sorted())")
    }

    /// Descriptions are the first sentence of the help, not cut at the first period.
    @Test func descriptionsKeepPeriodsInsideASentence() throws {
        for file in ["completions/zsh/_nn-train", "completions/fish/nn-train.fish"] {
            let text = try String(contentsOfFile: "\(Shell.packageRoot)/\(file)", encoding: .utf8)
            #expect(text.contains("Architecture, e.g. dense"), "\(file) cuts the --arch description")
        }
        #expect(Completions.firstSentence("Seed (xoshiro256**). Results repeat.") == "Seed (xoshiro256**)")
        #expect(Completions.firstSentence("Overlap, e.g. 0.5.") == "Overlap, e.g. 0.5")
        #expect(Completions.firstSentence("Layers, e.g. dense:64. Items: dense.") == "Layers, e.g. dense:64")
    }

    @Test(arguments: tools)
    func zshParsesAndDeclaresEveryOption(tool: String) throws {
        try #require(Shell.available("zsh"), "zsh is required (make test-deps installs it)")
        #expect(try Shell.run("zsh -n completions/zsh/_\(tool)").status == 0)
        // A stub _arguments prints the specs the script declares and enters the per-subcommand
        // state; `words` is the line as zsh would see it there (already shifted past the tool).
        let declared = try Self.optionPrefixes(tool).map { prefix in
            let words = prefix.count > 2 ? prefix.dropFirst() : prefix[...]
            return try Shell.run("""
            zsh -f -c '_arguments() { print -l -- "$@"; state=args }; _describe() { : }; compadd() { : }; _files() { : }
            words=(\(words.joined(separator: " "))); CURRENT=2; source completions/zsh/_\(tool)'
            """).stdout
        }.joined(separator: "\n")
        let wanted = try Self.helpOptions(tool)
        if tool == "tda" {
            #expect(declared.contains("--list"))
        } else {
            let missing = wanted.filter { !declared.contains("'\($0)") && !declared.contains("\($0)=") && !declared.contains("\($0)[") }
            #expect(missing.isEmpty, "missing: \(missing.sorted())")
        }
    }

    @Test func fishUmbrellaCompletesPlugins() throws {
        try #require(Shell.available("fish"))
        let script = """
        dir=$(mktemp -d); printf '#!/bin/sh\\necho hi\\n' > $dir/tda-hello; chmod +x $dir/tda-hello
        PATH="$dir:$PATH" fish --no-config -c 'source completions/fish/tda.fish; complete -C "tda "'
        """
        let offered = try Shell.run(script).stdout
        #expect(offered.contains("hello"))
        #expect(offered.contains("ph-rips"))
    }

    /// A model whose layers are conv1 relu1 maxpool1 flatten1 dense1, made in `dir`.
    static let layerModel = """
    dir=$(mktemp -d); nn-train fit --dataset images --classes 2 --train-size 8 --test-size 4 --epochs 1 \\
        --arch conv:2x3,relu,maxpool:2,flatten,dense:2 -o $dir/m.json >/dev/null
    """

    @Test func layerNamesCompleteFromTheModelInEveryShell() throws {
        try #require(Shell.available("fish") && Shell.available("zsh"), "fish and zsh are required (make test-deps installs them)")
        let result = try Shell.run(Self.layerModel + """

        source completions/bash/nn-activations
        COMP_WORDS=(nn-activations --model $dir/m.json --layers conv1,ma); COMP_CWORD=4; _nn_activations; printf 'bash %s\\n' "${COMPREPLY[@]}"
        COMP_WORDS=(nn-activations --layers w); COMP_CWORD=2; _nn_activations; printf 'bash %s\\n' "${COMPREPLY[@]}"
        fish --no-config -c "source completions/fish/nn-activations.fish; complete -C 'nn-activations --model=$dir/m.json --layers d'" | sed 's/^/fish /'
        zsh -f -c 'compadd() { print -l -- "$@" }; _sequence() { shift 2; "$@" }; typeset -A opt_args; opt_args[--model]='$dir/m.json'
            eval "$(sed -n "/^__nn_activations_layers_values()/,/^}/p" completions/zsh/_nn-activations)"; __nn_activations_layers_values' | sed 's/^/zsh /'
        """)
        let lines = result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        #expect(lines.filter { $0.hasPrefix("bash") } == ["bash conv1,maxpool1", "bash weighted"], "\(result.stderr)")
        #expect(lines.filter { $0.hasPrefix("fish") } == ["fish dense1"])
        let zsh = lines.filter { $0.hasPrefix("zsh") }
        #expect(["zsh all", "zsh weighted", "zsh conv1", "zsh relu1", "zsh dense1"].allSatisfy(zsh.contains), "\(zsh)")
    }
}
