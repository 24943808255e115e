import Foundation
import Testing
@testable import KconfigKit

/// Each folder of Fixtures/ is a scenario whose expected outputs were made
/// by Linux 6.1's `conf` (see Fixtures/regenerate.sh), or by hand for
/// extensions (folders with a `hand-checked` note). Set
/// KCONFIGKIT_RECORD=1 to overwrite the expectations with KconfigKit's own
/// output instead (then compare with `git diff` before committing).
struct FixtureTests {
    static let scenarios = ["menus", "select", "choices", "ranges", "strings", "source", "defconfig", "globs", "macros"]

    @Test(arguments: scenarios)
    func matchesLinuxConf(_ scenario: String) throws {
        let folder = fixturesFolder.appendingPathComponent(scenario)
        let kconfig = try Kconfig(rootFile: "Kconfig", sourceTree: folder.path, environment: environment(in: folder))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kconfigkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let configPath = output.appendingPathComponent(".config").path
        let warnings = try kconfig.run(mode(in: folder, configPath: configPath), configPath: configPath,
                                       headerPath: output.appendingPathComponent("autoconf.h").path)
        #expect(warnings.isEmpty, "\(warnings)")
        try compare(output.appendingPathComponent(".config"), with: folder.appendingPathComponent("expected.config"))
        try compare(output.appendingPathComponent("autoconf.h"), with: folder.appendingPathComponent("expected.h"))
    }

    /// `defconfig` in the folder selects that mode; otherwise olddefconfig
    /// from `input.config` (copied to the output's `.config`) when present.
    private func mode(in folder: URL, configPath: String) throws -> ConfigMode {
        let defconfig = folder.appendingPathComponent("defconfig")
        if FileManager.default.fileExists(atPath: defconfig.path) { return .defconfig(file: defconfig.path) }
        let input = folder.appendingPathComponent("input.config")
        if FileManager.default.fileExists(atPath: input.path) {
            try FileManager.default.copyItem(atPath: input.path, toPath: configPath)
        }
        return .olddefconfig
    }

    private func environment(in folder: URL) throws -> [String: String] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("environment"), encoding: .utf8) else {
            return [:]
        }
        var environment: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { environment[String(parts[0])] = String(parts[1]) }
        }
        return environment
    }

    private func compare(_ actual: URL, with expected: URL) throws {
        let actualText = try String(contentsOf: actual, encoding: .utf8)
        if ProcessInfo.processInfo.environment["KCONFIGKIT_RECORD"] == "1" {
            try actualText.write(to: expected, atomically: true, encoding: .utf8)
            return
        }
        guard let expectedText = try? String(contentsOf: expected, encoding: .utf8) else { return }
        #expect(actualText == expectedText, "\(expected.lastPathComponent):\n\(lineDiff(expected: expectedText, actual: actualText))")
    }
}
