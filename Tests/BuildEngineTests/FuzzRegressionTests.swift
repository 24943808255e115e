import Foundation
import FuzzEntries
import Testing

/// Replays the committed manifest fuzz inputs (`Fuzz/seeds/manifest`,
/// `Fuzz/regressions/manifest`) through the fuzzer's entry point; see
/// `KconfigKitTests/FuzzRegressionTests.swift` for the Kconfig targets.
@Suite(.timeLimit(.minutes(2)))
struct ManifestFuzzRegressionTests {
    @Test func replayCommittedInputs() throws {
        let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz")
        var count = 0
        for kind in ["seeds", "regressions"] {
            let folder = fuzz.appendingPathComponent("\(kind)/manifest")
            for input in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            where !input.lastPathComponent.hasPrefix(".") {
                _ = FuzzTarget.manifest.run(Array(try Data(contentsOf: input)))
                count += 1
            }
        }
        #expect(count > 0)
    }

    @Test func manifestFixtureLoadsCleanly() {
        #expect(FuzzTarget.manifest.run(Array("sources if PLAT_BETA && LIBCOND = y: b.c\n".utf8)) == [])
    }
}
