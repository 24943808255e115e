import Testing
@testable import Menuconfig

/// The lines of menu screens, as mconf's `build_conf` makes them.
@Suite struct MenuItemsTests {
    @Test func mainMenuShowsMenusMenuconfigsAndChoices() throws {
        let fixture = try FixtureSession()
        #expect(fixture.menuLines == [
            "[*] Enable loadable module support (NEW)",
            "    Core  --->",
            "[ ] Debug information (NEW)  ----",
            "    Scheduler (Cooperative)  --->",
        ])
    }

    @Test func menuShowsDependentsIndentedAndMarkers() throws {
        let fixture = try FixtureSession(config: "CONFIG_MODULES=y\nCONFIG_CORE=y\nCONFIG_NET=m\nCONFIG_ALLOC=y\n")
        fixture.press(.down, .enter)
        #expect(fixture.menuLines == [
            "[*] Core library",
            "[ ]   Core debugging (NEW)",
            "(256) Buffer size (NEW)",
            "    *** Optional parts ***",
            "<M> Network stack",
            "-*- Allocator",
        ])
    }

    @Test func showAllRevealsHiddenEntries() throws {
        let fixture = try FixtureSession()
        fixture.press(.down, .enter, .function(2))
        #expect(fixture.menuLines.last == "- - Tools (needs DEBUG_INFO)")
        #expect(fixture.screen.hasPrefix(" .config - Fixture Configuration > Core"))
        #expect(fixture.screen.split(separator: "\n")[0].hasSuffix("[show all]"))
        fixture.press(.function(3))
        #expect(fixture.menuLines.first == "[*] Core library (CORE) (NEW)")
    }

    @Test func menuconfigOpensItsOwnScreen() throws {
        let fixture = try FixtureSession(config: "CONFIG_DEBUG_INFO=y\n")
        fixture.press(.down, .down)
        #expect(fixture.menuLines[2] == "[*] Debug information  --->")
        fixture.press(.enter)
        #expect(fixture.menuLines == ["--- Debug information", "(dbg) Debug name (NEW)"])
    }
}
