import Foundation
import FuzzEntries
import Testing

/// Replays the committed fuzz inputs (`Fuzz/seeds`, `Fuzz/regressions`)
/// through the fuzzers' own entry points, so that an ordinary `swift test`
/// catches a regression without libFuzzer. A failure here is a trap, a
/// hang or a stack overflow: the test process dies or times out.
@Suite(.timeLimit(.minutes(2)))
struct FuzzRegressionTests {
    @Test(arguments: [FuzzTarget.kconfig, .config])
    func replayCommittedInputs(_ target: FuzzTarget) throws {
        let inputs = try fuzzInputs(for: target)
        #expect(!inputs.isEmpty)
        for input in inputs {
            _ = target.run(Array(try Data(contentsOf: input)))
        }
    }

    @Test func configFixtureLoadsCleanly() {
        #expect(FuzzTarget.config.run([]) == [])
    }
}

/// The committed inputs of `target`: hand-written seeds and fuzzer finds.
func fuzzInputs(for target: FuzzTarget) throws -> [URL] {
    let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz")
    return try ["seeds", "regressions"].flatMap { kind in
        let folder = fuzz.appendingPathComponent("\(kind)/\(target.rawValue)")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.path < $1.path }
    }
}
