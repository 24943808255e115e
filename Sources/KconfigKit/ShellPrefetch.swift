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
    private var running: [String: [ChildProcess]] = [:]
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
    func take(_ command: String) -> ChildProcess? {
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
        guard let process = try? ChildProcess.shell(command, environment: environment) else { return }
        running[command, default: []].append(process)
        runningCount += 1
    }
}
