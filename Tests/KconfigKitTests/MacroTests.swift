import Foundation
import Testing
@testable import KconfigKit

/// The macro language beyond what the `macros` fixture (recorded with Linux's
/// conf) shows in .config bytes: messages, errors, and the record of what
/// the tree used from its environment.
struct MacroTests {
    @Test func infoAndWarningIfAreCollectedInOrder() throws {
        let kconfig = try load(["Kconfig": """
            $(info,first)
            $(warning-if,y,watch out)
            $(warning-if,n,not shown)
            $(info,second $(filename):$(lineno))
            config A
            \tbool "A"

            """])
        #expect(kconfig.infoMessages == ["first", "second Kconfig:4"])
        #expect(kconfig.warnings.map(\.description) == ["Kconfig:2: warning: watch out"])
    }

    @Test func errorIfStopsTheParse() {
        let message = loadError(["Kconfig": "ok := y\ncomma := ,\n$(error-if,$(ok),Sorry$(comma) no)\n"])
        #expect(message == "Kconfig:3: error: Sorry, no\n$(error-if,$(ok),Sorry$(comma) no)\n^")
    }

    @Test func selfReferenceAndArgumentCounts() {
        #expect(loadError(["Kconfig": "a = $(a)\nconfig $(a)\n"])?.hasPrefix(
            "Kconfig:2: error: Recursive variable 'a' references itself (eventually)") == true)
        #expect(loadError(["Kconfig": "$(shell)\n"])?.hasPrefix(
            "Kconfig:1: error: too few function arguments passed to 'shell'") == true)
        #expect(loadError(["Kconfig": "$(info,a,b)\n"])?.hasPrefix(
            "Kconfig:1: error: too many function arguments passed to 'info'") == true)
        let seventeen = (1...17).map(String.init).joined(separator: ",")
        #expect(loadError(["Kconfig": "$(f,\(seventeen))\n"])?.hasPrefix(
            "Kconfig:1: error: too many function arguments") == true)
    }

    /// A function may call itself with arguments, but not without end.
    @Test func deepRecursionIsAnErrorNotACrash() {
        let message = loadError(["Kconfig": "f = $(f,x$(1))\n$(f,a)\n"])
        #expect(message?.hasPrefix("Kconfig:2: error: macro expansion nested more than 256 levels deep") == true)
    }

    @Test func assignmentsAreStatementsOnlyWhereLinuxSeesThem() throws {
        // After help text Linux does not see `NAME =` as an assignment.
        let afterHelp = loadError(["Kconfig": "config A\n\tbool \"A\"\n\thelp\n\t  text\nX := 1\n"])
        #expect(afterHelp?.hasPrefix("Kconfig:5: error: unknown statement \"X\"") == true)
        // Inside a choice neither.
        let inChoice = loadError(["Kconfig": "choice\n\tprompt \"C\"\nX := 1\nendchoice\n"])
        #expect(inChoice != nil)
        // An empty value is fine; a comment sign is part of the raw value.
        let kconfig = try load(["Kconfig": "e :=\nh := a # b\nconfig A\n\tstring \"A\"\n\tdefault \"[$(e)][$(h)]\"\n"])
        try kconfig.run(.olddefconfig, configPath: try makeTree([:]).appendingPathComponent(".config").path)
        #expect(kconfig.symbol(named: "A")?.value == "[][a # b]")
    }

    @Test func environmentReferencesAreRecordedOnce() throws {
        let kconfig = try load(["Kconfig": "mainmenu \"$(ARCH) $(ARCH) $(UNSET)\"\nx := $(CC)\n"],
                               environment: ["ARCH": "x86", "CC": "gcc", "OTHER": "1"])
        #expect(kconfig.environmentReferences.map { "\($0.name)=\($0.value)" } == ["ARCH=x86", "CC=gcc"])
        #expect(kconfig.mainMenuTitle == "x86 x86 ")
    }

    @Test func sourceFilesAreListedInOrder() throws {
        let kconfig = try load(["Kconfig": "source \"a/Kconfig\"\nsource \"b/Kconfig\"\n",
                                "a/Kconfig": "source \"a/inner\"\n", "a/inner": "", "b/Kconfig": ""])
        #expect(kconfig.sourceFiles == ["Kconfig", "a/Kconfig", "a/inner", "b/Kconfig"])
    }

    /// A variable defined in a sourced file is visible on the very next line.
    @Test func definitionsTakeEffectBeforeTheNextLineIsRead() throws {
        let kconfig = try load(["Kconfig": "source \"defs\"\n$(info,[$(v)])\nw := 2\n$(info,[$(w)])\n",
                                "defs": "v := 1\n"])
        #expect(kconfig.infoMessages == ["[1]", "[2]"])
    }

    @Test func shellCanBeRefused() {
        let folder = try? makeTree(["Kconfig": "x := $(shell,echo hi)\n"])
        #expect {
            _ = try Kconfig(rootFile: "Kconfig", sourceTree: folder!.path, environment: [:], shell: .refuse)
        } throws: { error in
            "\(error)".hasPrefix("Kconfig:1: error: $(shell,…) is disabled here: 'echo hi' was not run")
        }
    }
}
