import Foundation
import Testing
import TDAKit

/// Man pages exist for every tool, lint clean, and name every option `--help` shows.
@Suite struct DocumentationTests {
    @Test(arguments: ToolCatalog.allSpecs.map(\.name))
    func manPageMentionsEveryOption(tool: String) throws {
        let page = try String(contentsOfFile: "\(Shell.packageRoot)/man/\(tool).1", encoding: .utf8)
        let missing = try CompletionTests.helpOptions(tool).filter { option in
            // mdoc writes --name as "Fl -name" or "Fl Fl name".
            !page.contains("Fl \(option.dropFirst())") && !page.contains("Fl Fl \(option.dropFirst(2))")
        }
        #expect(missing.isEmpty, "man/\(tool).1 does not document \(missing.sorted())")
    }

    /// man-db renders with groff: every page must pass its warnings too (unknown escapes such as
    /// `\(sqrt` or stray macros render as garbage without a mandoc lint message).
    @Test func groffRendersEveryPageWithoutWarnings() throws {
        try #require(Shell.available("groff"), "groff is required (make test-deps installs it)")
        let result = try Shell.run("for page in man/*.1 man/*.5; do groff -k -mandoc -ww -z \"$page\" 2>&1 | sed \"s|^|$page: |\"; done")
        #expect(result.stdout == "", "\(result.stdout)")
        #expect(result.status == 0)
    }

    @Test func mandocLintIsClean() throws {
        try #require(Shell.available("mandoc"), "mandoc is required (make test-deps installs it)")
        let result = try Shell.run("mandoc -T lint -W warning man/*.1 man/*.5")
        #expect(result.stdout + result.stderr == "")
        #expect(result.status == 0)
    }
}

/// The umbrella: listing, dispatch to tools and plugins, errors.
@Suite struct UmbrellaTests {
    @Test func dispatchesToToolsAndPlugins() throws {
        let result = try Shell.run("""
        dir=$(mktemp -d); printf '#!/bin/sh\\necho "hello $*"\\n' > $dir/tda-hello; chmod +x $dir/tda-hello
        export PATH="$dir:$PATH"
        tda hello a b; tda --list | grep -c hello; tda ph-rips --version
        """)
        #expect(result.stdout.contains("hello a b\n"))
        #expect(result.stdout.contains("ph-rips (tda-tools"))
        #expect(result.status == 0)
    }

    @Test func unknownToolSuggests() throws {
        let result = try Shell.run("tda ph-rip")
        #expect(result.status == 64)
        #expect(result.stderr == "tda: error: unknown tool 'ph-rip'; did you mean 'ph-rips'?\n")
    }

    @Test(arguments: ToolCatalog.allSpecs.map(\.name))
    func unknownFlagIsUsageErrorWithSuggestion(tool: String) throws {
        let result = try Shell.run("\(tool) --hepl </dev/null")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("\(tool): error: unknown option '--hepl'; did you mean '--help'?"))
        #expect(result.stdout.isEmpty)
    }
}
