import Foundation
import Testing
@testable import KconfigKit

/// The dialog on input Linux's conf cannot finish (see the oldconfig
/// fixtures for the byte-for-byte cases).
struct OldConfigDialogTests {
    static let tree = ["Kconfig": """
        config NUMBER
        \tint "A number without default"
        config FLAG
        \tbool "A flag"

        """]

    /// Linux asks forever when input ends at an int without default; unikit stops.
    @Test func endOfInputAtARefusedAnswerStops() throws {
        let kconfig = try load(Self.tree)
        let console = BufferConsole(input: "")
        #expect(Conf.run(.oldconfig, on: kconfig, settings: try settings(), console: console) == 0)
        #expect(console.output.hasPrefix("*\n* Restart config...\n*\n*\n* Main menu\n*\nA number without default (NUMBER) [] (NEW) \n"))
        #expect(console.errors.hasPrefix("\nError in reading or end of file.\n"))
    }

    @Test func answersSetValuesAndRefusedOnesAreAskedAgain() throws {
        let kconfig = try load(Self.tree)
        let console = BufferConsole(input: "x\n12\nyes\n")
        #expect(Conf.run(.oldconfig, on: kconfig, settings: try settings(), console: console) == 0)
        #expect(kconfig.symbol(named: "NUMBER")?.value == "12")
        #expect(kconfig.symbol(named: "FLAG")?.value == "y")
        #expect(console.output.contains("(NEW) x\nA number without default (NUMBER) [] (NEW) 12\n"))
    }

    @Test func longLinesAreReadInPiecesAsFgetsDoes() {
        let console = BufferConsole(input: String(repeating: "a", count: 5000) + "\nb")
        #expect(console.readLine(limit: 4095)?.count == 4095)
        #expect(console.readLine(limit: 4095) == String(repeating: "a", count: 905) + "\n")
        #expect(console.readLine(limit: 4095) == "b")
        #expect(console.readLine(limit: 4095) == nil)
    }

    private func settings() throws -> ConfSettings {
        var settings = ConfSettings()
        settings.directory = try makeTree([:]).path
        return settings
    }
}
