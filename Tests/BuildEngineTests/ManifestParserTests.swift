import BuildEngine
import KconfigKit
import Testing

@Suite struct ManifestParserTests {
    /// Parses `text` with conditions resolved against the fixture tree's Kconfig.
    func parse(_ text: String) throws -> Manifest {
        try withFixtureTree { tree in
            let kconfig = try tree.kconfig("")
            return try ManifestParser(file: "Libraries/x/Manifest") { text, line in
                try kconfig.parseExpression(text, file: "Libraries/x/Manifest", line: line)
            }.parse(text)
        }
    }

    func errorMessage(_ text: String) -> String? {
        buildErrorMessage { _ = try parse(text) }
    }

    @Test func entriesConditionsAndContinuations() throws {
        let manifest = try parse("""
            # comment
            sources: a.c b.S
            sources if PLAT_ALPHA && !PLAT_BETA: c.swift

            cflags: -O2
            \t-g "-DTEXT=\\"two words\\""
            """)
        #expect(manifest.entries.map(\.key) == [.sources, .sources, .cflags])
        #expect(manifest.entries[0].values == ["a.c", "b.S"])
        #expect(manifest.entries[0].condition == nil)
        #expect(manifest.entries[1].condition != nil)
        #expect(manifest.entries[1].line == 3)
        #expect(manifest.entries[2].values == ["-O2", "-g", "-DTEXT=\"two words\""])
    }

    @Test func unknownKeyNamesFileLineAndKnownKeys() {
        let message = errorMessage("sources: a.c\nsorces: b.c\n")
        #expect(message?.hasPrefix("Libraries/x/Manifest:2: unknown key 'sorces' (known keys: sources, includes, cflags,") == true)
    }

    @Test func malformedLines() {
        #expect(errorMessage("sources a.c") == "Libraries/x/Manifest:1: expected 'key: values' or 'key if condition: values'")
        #expect(errorMessage("sources when X: a.c") == "Libraries/x/Manifest:1: expected 'if' or ':' after 'sources'")
        #expect(errorMessage("  a.c") == "Libraries/x/Manifest:1: continuation line without an entry above it")
        #expect(errorMessage("cflags: \"-DX") == "Libraries/x/Manifest:1: unterminated quoted value")
        #expect(errorMessage("runner: kvm process") == "Libraries/x/Manifest:1: 'runner' takes exactly one value, not 2")
    }

    @Test func badConditionIsAKconfigError() {
        #expect(throws: (any Error).self) { _ = try parse("sources if PLAT_ALPHA &&: a.c") }
    }
}
