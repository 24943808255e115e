import Glibc
import SystemPackage
import SystemSupport

/// Whether and how `$(shell,…)` runs commands.
public enum MacroShellPolicy: Sendable {
    /// Run each command when the parse reaches it, as Linux does.
    case execute
    /// Keep a per-tree history of the commands and their results in
    /// `historyFolder` (`ShellHistory`). A result is reused while the command,
    /// the run's context (current folder, environment) and the files the
    /// command names (`ShellFingerprint`) are unchanged; the other recorded
    /// commands start at once, several at a time, instead of when the parse
    /// reaches them (`ShellPrefetch`). C `conf` spends most of its time on the
    /// Linux tree running ~90 such commands one after another.
    case useHistory(folder: String)
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
    private let fingerprint: ShellFingerprint
    private let context: String
    /// Results of the last run that stand for this one's, by command, in order.
    private var reusable: [String: ArraySlice<ShellHistory.Record>] = [:]
    /// This run's results, in order: what the next run finds.
    private var recorded: [ShellHistory.Record] = []

    /// Linux reads into a 4096-byte buffer and keeps one byte for the NUL.
    static let maximumOutput = 4095

    /// - Parameter tree: names the tree (root file and source tree) for the
    ///   history of `useHistory`.
    init(policy: MacroShellPolicy, environment: [String: String], tree: String) {
        self.policy = policy
        self.environment = environment
        fingerprint = ShellFingerprint(environment: environment)
        guard case .useHistory(let folder) = policy else {
            (history, prefetch, context) = (nil, nil, "")
            return
        }
        let history = ShellHistory(folder: folder, tree: tree)
        self.history = history
        context = ShellFingerprint.context(environment: environment)
        var toRun: [String] = []
        let last = Self.usable(history.load(), environment: environment)
        for record in last.records {
            if last.context == context && record.fingerprint == fingerprint.of(record.command) {
                reusable[record.command, default: []].append(record)
            } else {
                toRun.append(record.command)
            }
        }
        prefetch = ShellPrefetch(commands: toRun, environment: environment)
    }

    /// The recorded results worth looking at: none if an environment
    /// variable the tree used then has changed (it likely runs other
    /// commands now).
    private static func usable(_ run: ShellHistory.Run?, environment: [String: String])
        -> (context: String, records: [ShellHistory.Record]) {
        guard let run, run.references.allSatisfy({ environment[$0.name] == $0.value }) else { return ("", []) }
        return (run.context, run.records)
    }

    func run(_ command: String) throws(Preprocessor.Failure) -> String {
        if case .refuse = policy {
            throw Preprocessor.Failure(message: "$(shell,…) is disabled here: '\(command)' was not run")
        }
        if let record = reusable[command]?.popFirst() {
            recorded.append(record)
            return record.output
        }
        let process: ChildProcess
        do {
            process = try prefetch?.take(command) ?? ChildProcess.shell(command, environment: environment)
        } catch {
            throw Preprocessor.Failure(message: "\(command): \(error)")
        }
        var output = process.finish().output
        if output.count > Self.maximumOutput { output.removeLast(output.count - Self.maximumOutput) }
        while output.last == UInt8(ascii: "\n") { output.removeLast() }
        let text = String(decoding: output.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        if history != nil {
            recorded.append(ShellHistory.Record(command: command, output: text, fingerprint: fingerprint.of(command)))
        }
        return text
    }

    /// Ends the parse's use of the shell: stops commands started ahead of
    /// need that it did not ask for, and records this run for the next one
    /// (only after a successful parse: `succeeded`).
    func finish(succeeded: Bool, environmentReferences: [(name: String, value: String)]) {
        prefetch?.cancelRemaining()
        guard succeeded, let history else { return }
        history.save(ShellHistory.Run(references: environmentReferences, context: context, records: recorded))
    }
}

extension ChildProcess {
    /// `/bin/sh -c command` as `$(shell,…)` runs it: standard output captured,
    /// standard error left to the terminal, standard input /dev/null (a
    /// command run early must not take the terminal's input away from
    /// `oldconfig`), and its own process group so that an unneeded one can
    /// be stopped with what it started.
    static func shell(_ command: String, environment: [String: String]) throws(Errno) -> ChildProcess {
        var options = Options()
        options.environment = environment
        options.capturesOutput = true
        options.readsNothing = true
        options.ownProcessGroup = true
        return try ChildProcess(["/bin/sh", "-c", command], options: options)
    }
}
