import Testing
import KconfigKit
@testable import Menuconfig

/// Keys in, screens and `.config` out: the behaviour of menuconfig without a terminal.
@Suite struct SessionTests {
    @Test func valueKeysChangeAndReportConsequences() throws {
        let fixture = try FixtureSession()
        fixture.press(.down, .enter)
        fixture.press(.character("n"))
        #expect(fixture.menuLines.first == "[ ] Core library")
        // Core's dependents disappear, and the message says so.
        #expect(!fixture.screen.contains("Core debugging"))
        #expect(fixture.screen.contains("CORE=n"))
        fixture.press(.character(" "))
        #expect(fixture.menuLines.first == "[*] Core library")
    }

    @Test func selectedSymbolRefusesToGoBelowItsSelector() throws {
        let fixture = try FixtureSession(config: "CONFIG_MODULES=y\nCONFIG_CORE=y\nCONFIG_NET=y\nCONFIG_ALLOC=y\n")
        fixture.press(.down, .enter, .end)
        #expect(fixture.menuLines.last == "-*- Allocator")
        fixture.press(.character("n"))
        #expect(fixture.screen.contains("ALLOC cannot be n: it is selected by NET [=y] && CORE [=y]."), "\(fixture.screen)")
        #expect(fixture.menuLines.last == "-*- Allocator")
    }

    @Test func intEditRefusesValuesOutsideTheRange() throws {
        let fixture = try FixtureSession()
        fixture.press(.down, .enter, .down, .down, .enter)
        #expect(fixture.screen.contains("Enter a decimal number. Range: 16…4096."))
        fixture.press(.backspace, .backspace, .backspace)
        fixture.type("9999")
        fixture.press(.enter)
        #expect(fixture.screen.contains("9999 is outside the range 16…4096."))
        fixture.press(.home, .delete)
        fixture.type("x")
        fixture.press(.enter)
        #expect(fixture.screen.contains("'x999' is not a decimal integer."))
        fixture.press(.escape)
        #expect(fixture.menuLines[2] == "(256) Buffer size (NEW)")
        fixture.press(.enter, .backspace, .backspace, .backspace)
        fixture.type("512")
        fixture.press(.enter)
        #expect(fixture.menuLines[2] == "(512) Buffer size")
    }

    @Test func searchJumpsToHiddenSymbolsWithShowAll() throws {
        let fixture = try FixtureSession()
        fixture.press(.character("/"))
        fixture.type("^tools$")
        fixture.press(.enter)
        #expect(fixture.screen.contains("TOOLS [=n]  Tools (needs DEBUG_INFO)"))
        #expect(fixture.screen.contains("Location: Core"))
        fixture.press(.enter)
        #expect(fixture.session.showsAll)
        #expect(fixture.screen.hasPrefix(" .config - Fixture Configuration > Core"))
        let rows = fixture.session.render(width: 80, height: 24)
        #expect(rows.lines.contains { $0.contains("- - Tools (needs DEBUG_INFO)") })
        #expect(fixture.session.current?.node.symbol?.name == "TOOLS")
    }

    @Test func searchMatchesPromptsAndRejectsBadPatterns() throws {
        let fixture = try FixtureSession()
        fixture.press(.character("/"))
        fixture.type("preempt")
        fixture.press(.enter)
        #expect(fixture.screen.contains("SCHED_PREEMPT [=n]  Preemptive"))
        fixture.press(.escape, .character("/"))
        fixture.type("(")
        fixture.press(.enter)
        #expect(fixture.screen.contains("bad regular expression '('"))
    }

    @Test func helpShowsDependenciesAndWhy() throws {
        let fixture = try FixtureSession()
        fixture.press(.down, .enter, .function(2), .end, .character("?"))
        let screen = fixture.screen
        #expect(screen.contains("Symbol: TOOLS [=n]"))
        #expect(screen.contains("Depends on: DEBUG_INFO [=n]"))
        #expect(screen.contains("TOOLS cannot be changed: its prompt is hidden."))
        #expect(screen.contains("Needs DEBUG_INFO [=n] (enable it at Debug information)"))
    }

    @Test func choiceListPicksAMember() throws {
        let fixture = try FixtureSession()
        fixture.press(.end, .enter)
        #expect(fixture.screen.contains("(X) Cooperative"))
        fixture.press(.down, .enter)
        #expect(fixture.menuLines.last == "    Scheduler (Preemptive)  --->")
    }

    @Test func exitAsksToSaveAndTheSavedFileIsAFixpoint() throws {
        let fixture = try FixtureSession()
        fixture.press(.down, .down, .character("y"), .escape)
        #expect(fixture.screen.contains("Do you wish to save your new configuration?"))
        fixture.press(.enter)
        #expect(fixture.session.outcome == .saved)
        let saved = try #require(fixture.savedConfig)
        #expect(saved.contains("CONFIG_DEBUG_INFO=y\nCONFIG_DEBUG_NAME=\"dbg\"\n"))
        // olddefconfig on what menuconfig saved changes nothing.
        let again = try FixtureSession(config: saved)
        #expect(again.session.config.kconfig.configText() == saved)
        #expect(!again.session.config.hasUnsavedChanges)
        again.press(.escape)
        #expect(again.session.outcome == .unchanged)
    }

    @Test func exitWithoutSavingLeavesTheFileAlone() throws {
        let fixture = try FixtureSession(config: "CONFIG_CORE=y\n")
        fixture.press(.down, .enter, .character("n"), .left, .function(9))
        fixture.press(.character("n"))
        #expect(fixture.session.outcome == .discarded)
        #expect(fixture.savedConfig == "CONFIG_CORE=y\n")
    }

    @Test func saveAsAndLoadUseOtherFiles() throws {
        let fixture = try FixtureSession()
        fixture.press(.down, .down, .character("y"), .function(6))
        for _ in 0..<7 { fixture.press(.backspace) }
        fixture.type("other.config")
        fixture.press(.enter)
        #expect(fixture.screen.contains("configuration written to other.config"))
        #expect(fixture.session.config.configName == "other.config")
        fixture.press(.function(7))
        for _ in 0..<12 { fixture.press(.backspace) }
        fixture.type("missing.config")
        fixture.press(.enter)
        #expect(fixture.screen.contains("missing.config: no such file"))
        fixture.press(.escape)
        #expect(fixture.session.config.configName == "other.config")
    }
}
