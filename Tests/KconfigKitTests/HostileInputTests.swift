import Foundation
import Testing
@testable import KconfigKit

/// Truncated and garbled Kconfig and `.config` text must give errors or
/// warnings, never a trap.
struct HostileInputTests {
    static let samples = ["menus", "choices", "strings", "ranges"]

    @Test(arguments: samples)
    func everyPrefixOfAFixture(_ scenario: String) throws {
        let text = try String(contentsOf: fixturesFolder.appendingPathComponent("\(scenario)/Kconfig"), encoding: .utf8)
        let bytes = Array(text.utf8)
        for length in stride(from: 0, through: bytes.count, by: 1) {
            loadAndUse(String(decoding: bytes[..<length], as: UTF8.self))
        }
    }

    @Test func garbledText() {
        var generator = SplitMix(seed: 42)
        let pieces = ["config ", "A", "B", " bool", " \"x", "\"", "\n", "\t", "if ", "endif", "menu", "endmenu",
                      "choice", "endchoice", "(", ")", "!", "&&", "||", "=", "<=", "$(", "$(X)", "\\\n", "help\n",
                      "  text\n", "default ", "select ", "range 1 2", "depends on ", "#", "'", "source \"*\"", "\u{0}", "é"]
        for _ in 0..<400 {
            let text = (0..<Int(generator.next() % 60)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            loadAndUse(text)
        }
    }

    @Test func deepNestingIsAnError() {
        let message = loadError(["Kconfig": "config A\n\tbool\n\tdepends on " + String(repeating: "(", count: 5000) + "\n"])
        #expect(message?.hasPrefix("Kconfig:3: error: expression nested too deeply") == true)
    }

    @Test func longDependencyChainsDoNotOverflow() throws {
        let chain = (0..<3000).map { "config S\($0)\n\tbool \"S\($0)\"\n\tdefault y\n\tdepends on S\($0 + 1)\n" }.joined()
        let kconfig = try load(["Kconfig": chain + "config S3000\n\tbool\n\tdefault y\n"])
        _ = kconfig.configText()
    }

    /// A loop is a recursive-dependency error, as in Linux (DependencyTests
    /// checks the messages); loading must end with it, not hang.
    @Test func dependencyLoopsAreRejected() {
        let message = loadError(["Kconfig": "config A\n\tbool \"A\"\n\tdepends on B\nconfig B\n\tbool \"B\"\n\tdepends on A\n\tselect A\n"])
        #expect(message?.hasPrefix("Kconfig:4: error: recursive dependency detected!\nKconfig:4:\tsymbol B depends on A\nKconfig:1:\tsymbol A depends on B") == true)
    }

    /// The cycle check walks with its own stack: chains far deeper than any
    /// call stack could follow load fine.
    @Test func veryDeepDependencyChainsLoad() throws {
        let chain = (0..<10000).map { "config S\($0)\n\tbool \"S\($0)\"\n\tdepends on S\($0 + 1)\n" }.joined()
        _ = try load(["Kconfig": chain + "config S10000\n\tbool \"last\"\n"])
    }

    private func loadAndUse(_ text: String) {
        guard let kconfig = try? load(["Kconfig": text]) else { return }
        _ = kconfig.configText()
        _ = kconfig.headerText()
        kconfig.loadConfig(text: text, fileName: "garbled.config")
        for symbol in kconfig.symbols { symbol.setUserValue("y") }
        _ = kconfig.configText()
    }
}

/// A tiny deterministic random generator, so failures reproduce.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension HostileInputTests {
    @Test func deepBlocksAreAnError() {
        let message = loadError(["Kconfig": String(repeating: "if A\n", count: 1000)])
        #expect(message?.contains("error: blocks nested too deeply") == true)
    }

    @Test func manySelectsAndNestedSubmenus() throws {
        // Each S<i> depends on the one before: automatic submenus nest 2000 deep.
        let chain = (1..<2000).map { "config S\($0)\n\tbool \"S\($0)\"\n\tdepends on S\($0 - 1)\n\tselect TARGET\n" }
        let kconfig = try load(["Kconfig": "config S0\n\tbool \"S0\"\n\tdefault y\n" + chain.joined()
                                    + "config TARGET\n\tbool\n"])
        #expect(kconfig.symbol(named: "S1")?.setUserValue("y") == true)
        #expect(kconfig.symbol(named: "TARGET")?.value == "y")
        _ = kconfig.configText()
    }
}
