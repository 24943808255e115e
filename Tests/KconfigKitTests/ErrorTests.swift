import Testing
@testable import KconfigKit

/// Whole messages for malformed trees: file, line, source line and caret.
struct ErrorTests {
    @Test func unknownKeyword() {
        let message = loadError(["Kconfig": "config A\n\tbool \"A\"\n\nfrobnicate B\n"])
        #expect(message == """
            Kconfig:4: error: unknown statement "frobnicate"
            frobnicate B
            ^
            """)
    }

    @Test func unterminatedString() {
        let message = loadError(["Kconfig": "config A\n\tbool \"A prompt\n"])
        #expect(message == """
            Kconfig:2: error: unterminated string
            \tbool "A prompt
            \t     ^
            """)
    }

    @Test func missingEndmenu() {
        let message = loadError(["Kconfig": "mainmenu \"M\"\n\nmenu \"Open\"\nconfig A\n\tbool \"A\"\n"])
        #expect(message == """
            Kconfig:3: error: missing 'endmenu' for this 'menu'
            menu "Open"
            ^
            """)
    }

    @Test func endInAnotherFile() {
        let message = loadError(["Kconfig": "menu \"M\"\nsource \"other\"\n", "other": "endmenu\n"])
        #expect(message == """
            other:1: error: unexpected 'endmenu' without a matching block in this file
            endmenu
            ^
            """)
    }

    @Test func missingSourceFile() {
        let message = loadError(["Kconfig": "config A\n\tbool \"A\"\n\nsource \"lib/nothere/Kconfig\"\n"])
        #expect(message == """
            Kconfig:4: error: can't open file "lib/nothere/Kconfig"
            source "lib/nothere/Kconfig"
            ^
            """)
    }

    @Test func recursiveSource() {
        let message = loadError(["Kconfig": "source \"a\"\n", "a": "source \"Kconfig\"\n"])
        #expect(message == """
            a:1: error: recursive inclusion: "Kconfig" -> "a" -> "Kconfig"
            source "Kconfig"
            ^
            """)
    }

    @Test func badExpression() {
        let message = loadError(["Kconfig": "config A\n\tbool \"A\"\n\tdepends on (B && \n"])
        #expect(message == """
            Kconfig:3: error: expected a symbol or constant, found end of line
            \tdepends on (B && 
            \t                 ^
            """)
    }

    @Test func unterminatedMacro() {
        let message = loadError(["Kconfig": "source \"$(SRCARCH/Kconfig\"\n"])
        #expect(message == """
            Kconfig:1: error: unterminated reference to 'SRCARCH/Kconfig"': missing ')'
            source "$(SRCARCH/Kconfig"
                   ^
            """)
    }

    @Test func missingRootFile() {
        #expect(throws: KconfigError.self) {
            try Kconfig(rootFile: "/nonexistent/Kconfig", sourceTree: "/nonexistent", environment: [:])
        }
    }

    @Test func parseWarnings() throws {
        let kconfig = try load(["Kconfig": """
            config A
            \tbool "A"
            \tint
            config B
            \tprompt "no type"
            choice
            \tprompt "C"
            \tdefault OUTSIDE
            config C1
            \tbool "C1"
            endchoice
            config OUTSIDE
            \tbool
            """])
        #expect(kconfig.warnings.map(\.description) == [
            "Kconfig:3: warning: ignoring type redefinition of 'A' from 'bool' to 'integer'",
            "Kconfig:13: warning: no new line at end of file",
            "Kconfig:4: warning: config symbol defined without type",
            "Kconfig:8: warning: choice default symbol 'OUTSIDE' is not contained in the choice",
        ])
    }
}
