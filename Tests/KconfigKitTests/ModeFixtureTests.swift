import Foundation
import Testing
@testable import KconfigKit

/// Every `Fixtures/<scenario>/cases/<case>/` is one run of Linux 6.1's
/// `conf` recorded by Fixtures/regenerate.sh: the same run of `Conf.run`
/// must print the same stdout and stderr, return the same status and leave
/// the build folder byte for byte as `conf` left it (`after/`).
/// KCONFIGKIT_RECORD=1 records KconfigKit's own results instead.
struct ModeFixtureTests {
    static let cases: [String] = {
        let scenarios = (try? FileManager.default.contentsOfDirectory(atPath: fixturesFolder.path)) ?? []
        return scenarios.sorted().flatMap { scenario in
            let folder = fixturesFolder.appendingPathComponent(scenario).appendingPathComponent("cases")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { "\(scenario)/\($0)" }
        }
    }()

    @Test(arguments: cases)
    func matchesLinuxConf(_ name: String) throws {
        let fixtureCase = try FixtureCase(name)
        let result = try fixtureCase.run()
        try fixtureCase.expect(result)
    }
}

/// One recorded run of `conf`.
struct FixtureCase {
    let scenario: URL
    let folder: URL
    let mode: ConfigMode
    let isSilent: Bool
    let environment: [String: String]

    init(_ name: String) throws {
        let parts = name.split(separator: "/").map(String.init)
        scenario = fixturesFolder.appendingPathComponent(parts[0])
        folder = scenario.appendingPathComponent("cases").appendingPathComponent(parts[1])
        let arguments = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).map(String.init)
        isSilent = arguments.contains("-s")
        mode = try #require(Self.mode(in: arguments), "no mode in args of \(name)")
        var environment: [String: String] = [:]
        let lines = (try? String(contentsOf: folder.appendingPathComponent("env"), encoding: .utf8)) ?? ""
        for line in lines.split(separator: "\n") {
            let pair = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            environment[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
        }
        self.environment = environment
    }

    /// `--MODE` or `--MODE=FILE`, as conf takes it.
    private static func mode(in arguments: [String]) -> ConfigMode? {
        for argument in arguments where argument.hasPrefix("--") {
            let option = argument.dropFirst(2).split(separator: "=", maxSplits: 1).map(String.init)
            return ConfigMode(name: option[0], file: option.count > 1 ? option[1] : nil)
        }
        return nil
    }

    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
        var work: URL
    }

    /// Runs the case in a fresh copy of `before/`.
    func run() throws -> Result {
        let work = try makeTree([:])
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let before = folder.appendingPathComponent("before")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: before.path)) ?? [] {
            try FileManager.default.copyItem(at: before.appendingPathComponent(name), to: work.appendingPathComponent(name))
        }
        var settings = ConfSettings(environment: environment.merging(["srctree": scenario.path]) { $1 })
        settings.directory = work.path
        settings.isSilent = isSilent
        let input = (try? String(contentsOf: folder.appendingPathComponent("stdin"), encoding: .utf8)) ?? ""
        let console = BufferConsole(input: input)
        let status = Conf.run(mode, kconfigFile: "Kconfig", environment: environment, settings: settings, console: console)
        return Result(stdout: console.output, stderr: console.errors, status: status, work: work)
    }

    /// Compares with the recording (or records, with KCONFIGKIT_RECORD=1).
    func expect(_ result: Result) throws {
        let recording = ProcessInfo.processInfo.environment["KCONFIGKIT_RECORD"] == "1"
        let texts = [("stdout", result.stdout), ("stderr", result.stderr), ("status", "\(result.status)\n")]
        for (file, actual) in texts {
            let url = folder.appendingPathComponent(file)
            if recording { try actual.write(to: url, atomically: true, encoding: .utf8); continue }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(actual == expected, "\(file):\n\(lineDiff(expected: expected, actual: actual))")
        }
        let after = folder.appendingPathComponent("after")
        if recording { return try record(result.work, to: after) }
        let expectedFiles = try files(under: after), actualFiles = try files(under: result.work)
        #expect(actualFiles.keys.sorted() == expectedFiles.keys.sorted())
        for (path, expected) in expectedFiles {
            guard let actual = actualFiles[path] else { continue }
            #expect(actual == expected, "\(path):\n\(lineDiff(expected: expected, actual: actual))")
        }
    }

    /// Every file under `root` by relative path, with its text.
    private func files(under root: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return result }
        for case let path as String in walker {
            let url = root.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            result[path] = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        }
        return result
    }

    private func record(_ work: URL, to after: URL) throws {
        try? FileManager.default.removeItem(at: after)
        guard !(try files(under: work)).isEmpty else { return }
        try FileManager.default.copyItem(at: work, to: after)
    }
}
