import Glibc
import SystemSupport

/// Runs, ahead of need and several at a time, the `$(shell,…)` commands a
/// previous run of the same tree executed (from `ShellHistory`).
///
/// Results stay fresh: each prefetched command runs in this process's run,
/// in the current environment, and is used only when the parse asks for
/// exactly that command; whatever the parse does not ask for is killed
/// unread. Commands start in the recorded order, at most `limit` at once.
final class ShellPrefetch {
    private var queue: ArraySlice<String>
    /// Started commands by text, oldest first (a command may recur).
    private var running: [String: [ShellProcess]] = [:]
    private var runningCount = 0
    private let environment: [String: String]
    private let limit: Int

    init(commands: [String], environment: [String: String]) {
        queue = commands[...]
        self.environment = environment
        // Commands mostly wait on a compiler: keep every core busy.
        limit = max(2, 2 * Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        topUp()
    }

    /// The process already running `command` ahead of need, if any.
    func take(_ command: String) -> ShellProcess? {
        if running[command]?.isEmpty ?? true, let queued = queue.firstIndex(of: command) {
            queue.remove(at: queued)
            start(command)
        }
        guard var processes = running[command], !processes.isEmpty else { return nil }
        let process = processes.removeFirst()
        running[command] = processes
        runningCount -= 1
        topUp()
        return process
    }

    /// Kills every prefetched command nobody asked for.
    func cancelRemaining() {
        running.values.joined().forEach { $0.cancel() }
        running = [:]
        runningCount = 0
        queue = []
    }

    private func topUp() {
        while runningCount < limit, let next = queue.popFirst() { start(next) }
    }

    private func start(_ command: String) {
        guard let process = ShellProcess(command: command, environment: environment) else { return }
        running[command, default: []].append(process)
        runningCount += 1
    }
}

/// The `$(shell,…)` commands one tree's last run executed, with the
/// environment variables the tree used then: a small text file per tree in
/// a history folder (named after the tree's root file and source tree).
///
///     # unikit Kconfig shell history 1
///     env CC=gcc
///     cmd gcc --version
struct ShellHistory {
    let path: String

    init(folder: String, tree: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a, 64 bits
        for byte in tree.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        path = folder + "/kconfig-shell-" + String(hash, radix: 16) + ".history"
    }

    static let header = "# unikit Kconfig shell history 1"

    /// The commands to prefetch: the recorded ones, provided that every
    /// environment variable the tree used then still has the same value
    /// (otherwise the tree likely runs other commands now).
    func commands(matching environment: [String: String]) -> [String] {
        guard case .success(let bytes) = FileSystem.read(path) else { return [] }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.first == Self.header else { return [] }
        var commands: [String] = []
        for line in lines.dropFirst() {
            if line.hasPrefix("env "), let equals = line.firstIndex(of: "=") {
                let name = String(line[line.index(line.startIndex, offsetBy: 4)..<equals])
                guard environment[name] == String(line[line.index(after: equals)...]) else { return [] }
            } else if line.hasPrefix("cmd ") {
                commands.append(String(line.dropFirst(4)))
            }
        }
        return commands
    }

    /// Records this run; silently does nothing when the folder is not writable.
    func save(environment: [(name: String, value: String)], commands: [String]) {
        let lines = [Self.header]
            + environment.filter { !$0.value.contains("\n") }.map { "env \($0.name)=\($0.value)" }
            + commands.map { "cmd \($0)" }
        _ = try? FileSystem.writeIfChanged(lines.joined(separator: "\n") + "\n", to: path)
    }
}
