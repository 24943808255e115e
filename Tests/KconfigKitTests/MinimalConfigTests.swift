import Foundation
import Testing
@testable import KconfigKit

/// savedefconfig's output, read back by defconfig, gives the configuration again.
struct MinimalConfigTests {
    @Test(arguments: ["savedefconfig", "allconfig", "randconfig", "choices", "menus"])
    func defconfigOfSavedefconfigRoundTrips(_ scenario: String) throws {
        let tree = fixturesFolder.appendingPathComponent(scenario).path
        for seed in UInt32(0)..<20 {
            let kconfig = try Kconfig(rootFile: "Kconfig", sourceTree: tree, environment: [:])
            kconfig.randomizeNewSymbols(seed: seed, probabilities: RandomProbabilities())
            let full = kconfig.configText()
            let minimal = kconfig.minimalConfigText()
            let again = try Kconfig(rootFile: "Kconfig", sourceTree: tree, environment: [:])
            #expect(again.readConfig(text: minimal, fileName: "defconfig", options: .unikit).warnings.isEmpty)
            again.setNewSymbols(to: .defaults)
            #expect(again.configText() == full, "\(scenario), seed \(seed):\n\(lineDiff(expected: full, actual: again.configText()))")
        }
    }

    @Test func defaultsAreLeftOut() throws {
        let kconfig = try load(["Kconfig": "config A\n\tbool \"A\"\n\tdefault y\nconfig B\n\tint \"B\"\n\tdefault 3\n"])
        #expect(kconfig.minimalConfigText() == "")
        #expect(kconfig.symbol(named: "B")?.setUserValue("4") == true)
        #expect(kconfig.minimalConfigText() == "CONFIG_B=4\n")
    }
}
