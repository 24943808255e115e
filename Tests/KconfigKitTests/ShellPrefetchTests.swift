import Foundation
import Testing
@testable import KconfigKit

/// `executeAhead`: a run records its shell commands; the next run of the
/// same tree starts them early. Results must be exactly those of `execute`.
struct ShellPrefetchTests {
    static let tree = [
        "Kconfig": """
            value := $(shell,cat "$(DATA)")
            unused := $(shell,echo twice)$(shell,echo twice)
            config FROM_FILE
            \tstring "from a file"
            \tdefault "$(value)"

            """,
    ]

    func load(_ folder: URL, history: URL, data: URL) throws -> Kconfig {
        try Kconfig(rootFile: "Kconfig", sourceTree: folder.path, environment: ["DATA": data.path],
                    shell: .executeAhead(historyFolder: history.path))
    }

    @Test func historyRecordsCommandsAndTheEnvironmentUsed() throws {
        let folder = try makeTree(Self.tree), history = try makeTree([:]), data = folder.appendingPathComponent("data")
        try "first".write(to: data, atomically: true, encoding: .utf8)
        _ = try load(folder, history: history, data: data)
        let files = try FileManager.default.contentsOfDirectory(atPath: history.path)
        #expect(files.count == 1)
        let text = try String(contentsOf: history.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(text == """
            \(ShellHistory.header)
            env DATA=\(data.path)
            cmd cat "\(data.path)"
            cmd echo twice
            cmd echo twice

            """)
    }

    /// Prefetched commands run in the current run: a changed input shows.
    @Test func prefetchedResultsAreFresh() throws {
        let folder = try makeTree(Self.tree), history = try makeTree([:]), data = folder.appendingPathComponent("data")
        try "first".write(to: data, atomically: true, encoding: .utf8)
        let first = try load(folder, history: history, data: data)
        #expect(first.symbol(named: "FROM_FILE")?.value == "first")
        try "second".write(to: data, atomically: true, encoding: .utf8)
        let second = try load(folder, history: history, data: data)
        #expect(second.symbol(named: "FROM_FILE")?.value == "second")
    }

    @Test func aChangedEnvironmentMeansNoPrefetch() throws {
        let folder = try makeTree([:])
        let history = ShellHistory(folder: folder.path, tree: "/some/Kconfig")
        history.save(environment: [("CC", "gcc")], commands: ["gcc --version"])
        #expect(history.commands(matching: ["CC": "gcc", "OTHER": "x"]) == ["gcc --version"])
        #expect(history.commands(matching: ["CC": "clang"]) == [])
        #expect(history.commands(matching: [:]) == [])
        #expect(ShellHistory(folder: folder.path, tree: "/other/Kconfig").commands(matching: ["CC": "gcc"]) == [])
    }

    /// A prefetched command the parse does not ask for is killed, unused.
    @Test func commandsNoLongerNeededAreDropped() throws {
        let folder = try makeTree(["Kconfig": "x := $(shell,echo a)\n"]), history = try makeTree([:])
        let tree = folder.appendingPathComponent("Kconfig").path
        ShellHistory(folder: history.path, tree: tree).save(environment: [], commands: ["sleep 30", "echo a"])
        let started = Date()
        _ = try Kconfig(rootFile: "Kconfig", sourceTree: folder.path, environment: [:],
                        shell: .executeAhead(historyFolder: history.path))
        #expect(Date().timeIntervalSince(started) < 20, "the stale 'sleep 30' was waited for")
    }
}
