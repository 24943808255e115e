import Testing
@testable import Menuconfig

/// The screen model drawn to text: layout, clipping, wide characters.
@Suite struct RendererTests {
    @Test func fullScreenAt80x24() throws {
        let fixture = try FixtureSession()
        let expected = """
             .config - Fixture Configuration
            ────────────────────────────────────────────────────────────────────────────────
            ┌─────────────────────────── Fixture Configuration ────────────────────────────┐
            │ Arrows/PgUp/PgDn move, <Enter> selects, <Esc> back, <Y>/<N>/<M>/<Space> set. │
            │ <?> help, </> search, letters jump; F2 show all, F3 names, F6 save, F7 load. │
            │ ┌──────────────────────────────────────────────────────────────────────────┐ │
            │ │[*] Enable loadable module support (NEW)                                  │ │
            │ │    Core  --->                                                            │ │
            │ │[ ] Debug information (NEW)  ----                                         │ │
            │ │    Scheduler (Cooperative)  --->                                         │ │
            │ │                                                                          │ │
            │ │                                                                          │ │
            │ │                                                                          │ │
            │ │                                                                          │ │
            │ │                                                                          │ │
            │ │                                                                          │ │
            │ │                                                                          │ │
            │ │                                                                          │ │
            │ │                                                                          │ │
            │ └──────────────────────────────────────────────────────────────────────────┘ │
            │                                                                              │
            │                                                                              │
            │          <Select>  < Exit >  < Help >  <Search>  < Save >  < Load >          │
            └──────────────────────────────────────────────────────────────────────────────┘
            """
        #expect(fixture.screen == expected)
        let buffer = fixture.session.render(width: 80, height: 24)
        #expect(buffer.cell(row: 6, column: 3).style == .selected, "the cursor's line is highlighted")
        #expect(buffer.cell(row: 7, column: 3).style == .plain)
    }

    @Test func longMenusScrollWithIndicators() throws {
        let fixture = try FixtureSession()
        let small = fixture.session.render(width: 60, height: 13)
        #expect(small.lines[8].contains("└─↓(+)─"), "\(small.text)")
        fixture.press(.end)
        let scrolled = fixture.session.render(width: 60, height: 13)
        #expect(scrolled.lines[5].contains("┌─↑(-)─"), "\(scrolled.text)")
        #expect(scrolled.lines[7].contains("Scheduler"))
    }

    @Test func tooSmallTerminalsGetARequest() throws {
        let fixture = try FixtureSession()
        #expect(fixture.session.render(width: 30, height: 10).lines[0] == "Terminal too small (min 40x12)")
    }

    @Test func wideCharactersTakeTwoColumnsAndClip() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        let end = buffer.put("a日本語", row: 0, column: 0)
        #expect(end == 5)
        #expect(buffer.lines == ["a日本"])
        #expect(buffer.cell(row: 0, column: 2).character == "")
        var clipped = ScreenBuffer(width: 4, height: 1)
        clipped.put("ab\u{7}c", row: 0, column: 0)
        #expect(clipped.lines == ["ab c"])
    }

    @Test func wrapKeepsIndentation() throws {
        let fixture = try FixtureSession()
        #expect(fixture.session.wrap("  one two three", width: 9) == ["  one two", "  three"])
    }
}
