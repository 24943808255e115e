import Foundation
import Glibc
import Testing
@testable import KconfigKit

/// randconfig's generator and settings, and the configurations it makes.
struct RandomConfigTests {
    @Test(arguments: [UInt32(0), 1, 2, 42, 0x8000_0000, 0xFFFF_FFFF])
    func generatorMatchesGlibc(_ seed: UInt32) {
        // Tests may use the C library's global generator; KconfigKit may not.
        srand(seed)
        var generator = GlibcRandom(seed: seed)
        for _ in 0..<1000 {
            #expect(generator.next() == Int(rand()))
        }
    }

    @Test func probabilitiesReadAsConfDoes() throws {
        #expect(try RandomProbabilities(environmentValue: nil) == RandomProbabilities())
        let one = try RandomProbabilities(environmentValue: "41")
        #expect((one.boolYes, one.tristateYes, one.tristateModule) == (41, 21, 20))
        let two = try RandomProbabilities(environmentValue: "10:20")
        #expect((two.boolYes, two.tristateYes, two.tristateModule) == (30, 10, 20))
        let three = try RandomProbabilities(environmentValue: "1:2:3:4")
        #expect((three.boolYes, three.tristateYes, three.tristateModule) == (1, 2, 3))
        let text = try RandomProbabilities(environmentValue: "abc")
        #expect((text.boolYes, text.tristateYes, text.tristateModule) == (0, 0, 0))
        #expect(throws: RandomSettingsError.probabilityOutOfRange) { try RandomProbabilities(environmentValue: "101") }
        #expect(throws: RandomSettingsError.probabilityOutOfRange) { try RandomProbabilities(environmentValue: "0:60:50") }
    }

    @Test func seedsReadAsConfDoes() {
        #expect(randomSeed(environmentValue: "10") == 10)
        #expect(randomSeed(environmentValue: "0x10") == 16)
        #expect(randomSeed(environmentValue: "010") == 8)
        #expect(randomSeed(environmentValue: "-1") == 0xFFFF_FFFF)
        #expect(randomSeed(environmentValue: "12x") == nil)
        #expect(randomSeed(environmentValue: "") == nil)
        #expect(randomSeed(environmentValue: nil) == nil)
    }

    /// Over many seeds: the same seed gives the same bytes, and every
    /// configuration randconfig writes is one olddefconfig keeps as it is.
    @Test func sameSeedSameConfigurationAndAFixpointOfOlddefconfig() throws {
        let tree = fixturesFolder.appendingPathComponent("randconfig").path
        for seed in UInt32(0)..<60 {
            let first = try randomConfiguration(tree: tree, seed: seed)
            #expect(try randomConfiguration(tree: tree, seed: seed) == first, "seed \(seed)")
            let kconfig = try Kconfig(rootFile: "Kconfig", sourceTree: tree, environment: [:])
            kconfig.readConfig(text: first, fileName: ".config", options: .unikit).warnings.forEach {
                Issue.record("seed \(seed): \($0)")
            }
            #expect(kconfig.configText() == first, "seed \(seed): olddefconfig changes randconfig's output")
        }
    }

    private func randomConfiguration(tree: String, seed: UInt32) throws -> String {
        let kconfig = try Kconfig(rootFile: "Kconfig", sourceTree: tree, environment: [:])
        kconfig.randomizeNewSymbols(seed: seed, probabilities: RandomProbabilities())
        return kconfig.configText()
    }
}
