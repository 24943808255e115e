import Foundation
import Testing
@testable import KconfigKit

/// Recursive dependencies (parse errors, as in Linux) and unmet direct
/// dependencies (warnings). Expected texts are Linux 6.1 conf's output on
/// the same trees, except where noted.
struct DependencyTests {
    static let hint = """
        For a resolution refer to Documentation/kbuild/kconfig-language.rst
        subsection "Kconfig recursive dependency limitations"
        """

    @Test func selectCycle() {
        let message = loadError(["Kconfig": "config A\n\tbool \"A\"\n\nconfig B\n\tbool \"B\"\n\tdepends on A\n\tselect A\n"])
        #expect(message == """
            Kconfig:4: error: recursive dependency detected!
            Kconfig:4:\tsymbol B depends on A
            Kconfig:1:\tsymbol A is selected by B
            \(Self.hint)
            """)
    }

    /// Every cycle is reported, in Linux's order (unnamed choices first).
    /// Linux names the prompt's own line (18) where we name the entry's (17).
    @Test func choiceAndPropertyCycles() {
        let message = loadError(["Kconfig": """
            config D
            \tbool "D"
            \tdefault E

            config E
            \tbool "E" if D

            choice
            \tprompt "pick"
            config C1
            \tbool "c1"
            \tdepends on C2
            config C2
            \tbool "c2"
            endchoice

            """])
        #expect(message == """
            Kconfig:8: error: recursive dependency detected!
            Kconfig:8:\tchoice <choice> contains symbol C1
            Kconfig:10:\tsymbol C1 is part of choice C2
            Kconfig:13:\tsymbol C2 is part of choice <choice>
            \(Self.hint)

            Kconfig:5: error: recursive dependency detected!
            Kconfig:5:\tsymbol E prompt is visible depending on D
            Kconfig:3:\tsymbol D default value contains E
            \(Self.hint)
            """)
    }

    /// Unnamed choices share Linux's hash bucket 0, newest first.
    @Test func laterChoicesAreCheckedFirst() {
        let message = loadError(["Kconfig": """
            choice
            \tprompt "first"
            config A1
            \tbool "a1"
            \tdepends on A2
            config A2
            \tbool "a2"
            endchoice

            choice
            \tprompt "second"
            config B1
            \tbool "b1"
            \tdepends on B2
            config B2
            \tbool "b2"
            endchoice

            """])
        let headers = message?.split(separator: "\n").filter { $0.hasSuffix("recursive dependency detected!") }
        #expect(headers == ["Kconfig:10: error: recursive dependency detected!", "Kconfig:1: error: recursive dependency detected!"])
    }

    /// Range bounds and the implying side are no edges (Linux agrees: no error).
    @Test func rangesAndImpliesAreNotCycles() throws {
        _ = try load(["Kconfig": """
            config A
            \tbool "A"
            \timply B
            config B
            \tbool "B"
            \tdefault y if A
            config C
            \tint "C"
            \trange 0 D
            config D
            \tint "D"
            \tdefault C

            """])
    }

    @Test func unmetDependenciesOfSelectedSymbols() throws {
        let kconfig = try load(["Kconfig": """
            config MODULES
            \tbool "modules"
            \tmodules
            \tdefault y
            config BAR
            \tbool "bar"
            config QUX
            \tstring "qux"
            \tdefault "a"
            config FOO
            \tbool
            \tdepends on BAR && QUX = "b"
            config BAZ
            \tbool "baz"
            \tdefault y
            \tselect FOO
            \tselect FOO2 if !BAR
            config FOO2
            \tbool
            \tdepends on BAR
            config T
            \ttristate "t"
            \tdepends on BAR
            config TS
            \ttristate "ts"
            \tdefault m
            \tselect T

            """])
        #expect(kconfig.unmetDependencyWarnings.map(\.description) == [
            "Kconfig:10: warning: unmet direct dependencies detected for FOO\n  Depends on [n]: BAR [=n] && QUX [=a]=b\n  Selected by [y]:\n  - BAZ [=y]",
            "Kconfig:18: warning: unmet direct dependencies detected for FOO2\n  Depends on [n]: BAR [=n]\n  Selected by [y]:\n  - BAZ [=y] && !BAR [=n]",
            "Kconfig:21: warning: unmet direct dependencies detected for T\n  Depends on [n]: BAR [=n]\n  Selected by [m]:\n  - TS [=m]",
        ])
    }

    @Test func annotatedTextParenthesisesLikeLinux() throws {
        let kconfig = try load(["Kconfig": "config A\n\tbool \"A\"\n\tdefault y\nconfig N\n\tint \"N\"\n\tdefault 3\n"])
        let expression = try kconfig.parseExpression("!(A || UNDEFINED) && (N = 3 || !A) && \"x\" != N", file: "t", line: 1)
        #expect(expression.annotatedText == "!(A [=y] || UNDEFINED) && (N [=3]=3 || !A [=y]) && x!=N [=3]")
    }
}
