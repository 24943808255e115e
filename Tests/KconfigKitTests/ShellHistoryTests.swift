import Foundation
import Testing
@testable import KconfigKit

/// `MacroShellPolicy.useHistory`: a run records its shell commands and
/// results; the next run of the same tree reuses a result only while the
/// command, its context and its fingerprint are unchanged, and runs the
/// other recorded commands ahead of need.
struct ShellHistoryTests {
    /// A tree whose shell commands read a data file, run a program from a
    /// private PATH folder, and print a time stamp (changes every run).
    struct Setup {
        let folder: URL, history: URL, bin: URL
        var data: URL { folder.appendingPathComponent("data") }
        var environment: [String: String] { ["DATA": data.path, "PATH": bin.path + ":/usr/bin:/bin"] }

        init() throws {
            folder = try makeTree(["Kconfig": """
                from-file := $(shell,cat "$(DATA)")
                from-tool := $(shell,tool)
                stamp := $(shell,date +%s%N)
                config VALUES
                \tstring "values"
                \tdefault "$(from-file) $(from-tool) $(stamp)"

                """])
            history = try makeTree([:])
            bin = try makeTree([:])
            for made in [history, bin] { try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true) }
            try write("first", to: data)
            // Both versions are written now: a script executed right after it
            // was written can fail with "Text file busy" while parallel tests
            // spawn processes (a child may briefly hold the writing descriptor).
            for version in ["v1", "v2-longer"] {
                let script = bin.appendingPathComponent("tool-\(version)")
                try write("#!/bin/sh\necho \(version)\n", to: script)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
            }
            try setTool("v1")
        }

        /// Points `tool` at one version (the fingerprint follows the link).
        func setTool(_ version: String) throws {
            let tool = bin.appendingPathComponent("tool")
            try? FileManager.default.removeItem(at: tool)
            try FileManager.default.createSymbolicLink(atPath: tool.path, withDestinationPath: "tool-\(version)")
        }

        func write(_ text: String, to url: URL) throws {
            try text.write(to: url, atomically: false, encoding: .utf8)
        }

        /// The three values of one run.
        func values(environment extra: [String: String] = [:]) throws -> [String] {
            let kconfig = try Kconfig(rootFile: "Kconfig", sourceTree: folder.path,
                                      environment: environment.merging(extra) { $1 },
                                      shell: .useHistory(folder: history.path))
            return (kconfig.symbol(named: "VALUES")?.value ?? "").split(separator: " ").map(String.init)
        }
    }

    @Test func unchangedCommandsReuseTheirResults() throws {
        let setup = try Setup()
        let first = try setup.values()
        #expect(first.prefix(2) == ["first", "v1"])
        #expect(try setup.values() == first, "the time stamp was not run again")
    }

    @Test func aChangedFileOrProgramRunsTheCommandAgain() throws {
        let setup = try Setup()
        let first = try setup.values()
        try setup.write("second", to: setup.data)
        try setup.setTool("v2-longer")
        let second = try setup.values()
        #expect(second[0] == "second")
        #expect(second[1] == "v2-longer")
        #expect(second[2] == first[2], "the time stamp's command names nothing that changed")
    }

    @Test func aChangedEnvironmentRunsEverythingAgain() throws {
        let setup = try Setup()
        let first = try setup.values()
        let second = try setup.values(environment: ["UNRELATED": "1"])
        #expect(second[2] != first[2])
    }

    @Test func historyFileRecordsReferencesContextAndResults() throws {
        let setup = try Setup()
        let values = try setup.values()
        let files = try FileManager.default.contentsOfDirectory(atPath: setup.history.path)
        #expect(files.count == 1)
        let lines = try String(contentsOf: setup.history.appendingPathComponent(files[0]), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(lines[0] == ShellHistory.header)
        #expect(lines[1] == "env DATA=\(setup.data.path)")
        #expect(lines[2].hasPrefix("context "))
        #expect(Array(lines[3...5].map { $0.prefix(3) }) == ["cmd", "out", "fp "])
        #expect(lines[3...4] == ["cmd cat \"\(setup.data.path)\"", "out first"])
        #expect(lines.contains("out \(values[2])"))
    }

    /// A recorded command the parse does not ask for any more is killed, unused.
    @Test func commandsNoLongerNeededAreDropped() throws {
        let folder = try makeTree(["Kconfig": "x := $(shell,echo a)\n"]), history = folder
        let tree = folder.appendingPathComponent("Kconfig").path
        ShellHistory(folder: history.path, tree: tree).save(ShellHistory.Run(records: [
            .init(command: "sleep 30", output: "", fingerprint: "stale"),
            .init(command: "echo a", output: "", fingerprint: "stale"),
        ]))
        let started = Date()
        _ = try Kconfig(rootFile: "Kconfig", sourceTree: folder.path, environment: [:],
                        shell: .useHistory(folder: history.path))
        #expect(Date().timeIntervalSince(started) < 20, "the stale 'sleep 30' was waited for")
    }

    @Test func fingerprintWordsMarkWhereProgramsStand() {
        let words = ShellFingerprint.words(of: "{ gcc -c x.c; } >/dev/null 2>&1 && command -v ld || echo \"n\"")
        let programs = words.filter(\.isProgram).map(\.word)
        #expect(programs == ["gcc", "1", "command", "ld", "echo"])
        #expect(words.map(\.word).contains("/dev/null"))
    }
}
