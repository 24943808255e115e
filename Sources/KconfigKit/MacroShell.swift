import Glibc

/// Whether and how `$(shell,…)` runs commands.
public enum MacroShellPolicy: Sendable {
    /// Run each command when the parse reaches it, as Linux does.
    case execute
    /// Also keep a per-tree history of commands in `historyFolder`, and start
    /// the commands the last run executed ahead of need, several at a time
    /// (`ShellPrefetch`). Same results as `execute`, much less waiting: C
    /// `conf` spends most of its time on the Linux tree running ~90 shell
    /// commands one after another.
    case executeAhead(historyFolder: String)
    /// Refuse: any `$(shell,…)` is an error. For untrusted trees (fuzzing).
    case refuse
}

/// Runs the commands of `$(shell,…)` like Linux's popen-based do_shell:
/// `/bin/sh -c command` with the tree's environment, standard output
/// captured (at most 4095 bytes kept), trailing newlines dropped and inner
/// newlines turned into spaces. The exit status is ignored, as in Linux.
final class MacroShell {
    private let policy: MacroShellPolicy
    private let environment: [String: String]
    private let history: ShellHistory?
    private let prefetch: ShellPrefetch?
    /// Every command run, in order: the next run's prefetch list.
    private var executed: [String] = []

    /// Linux reads into a 4096-byte buffer and keeps one byte for the NUL.
    static let maximumOutput = 4095

    /// - Parameter tree: names the tree (root file and source tree) for
    ///   `executeAhead`'s history.
    init(policy: MacroShellPolicy, environment: [String: String], tree: String) {
        self.policy = policy
        self.environment = environment
        if case .executeAhead(let folder) = policy {
            let history = ShellHistory(folder: folder, tree: tree)
            self.history = history
            prefetch = ShellPrefetch(commands: history.commands(matching: environment), environment: environment)
        } else {
            history = nil
            prefetch = nil
        }
    }

    func run(_ command: String) throws(Preprocessor.Failure) -> String {
        if case .refuse = policy {
            throw Preprocessor.Failure(message: "$(shell,…) is disabled here: '\(command)' was not run")
        }
        executed.append(command)
        guard let process = prefetch?.take(command) ?? ShellProcess(command: command, environment: environment) else {
            throw Preprocessor.Failure(message: "\(command): \(String(cString: strerror(errno)))")
        }
        var output = process.finish()
        if output.count > Self.maximumOutput { output.removeLast(output.count - Self.maximumOutput) }
        while output.last == UInt8(ascii: "\n") { output.removeLast() }
        return String(decoding: output.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    /// Ends the parse's use of the shell: stops commands started ahead of
    /// need that it did not ask for, and records this run for the next one
    /// (only after a successful parse: `succeeded`).
    func finish(succeeded: Bool, environmentReferences: [(name: String, value: String)]) {
        prefetch?.cancelRemaining()
        if succeeded { history?.save(environment: environmentReferences, commands: executed) }
    }
}
