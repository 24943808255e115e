import SystemSupport

/// What one tree's last run got from `$(shell,…)`: a small text file per
/// tree in a history folder (named after the tree's root file and source
/// tree). The next run reuses a result when the command, the run's context
/// and the command's fingerprint are all unchanged (`MacroShell`), and
/// starts the other recorded commands ahead of need (`ShellPrefetch`).
///
///     # unikit Kconfig shell history 2
///     env CC=gcc                   (environment variables the tree used)
///     context 3f2a…                (current folder and whole environment)
///     cmd gcc --version | head -n1
///     out gcc (Debian 12.2.0-14) 12.2.0
///     fp 9c41…                     (the files the command names, see ShellFingerprint)
struct ShellHistory {
    /// One command's result in the recorded run.
    struct Record: Equatable {
        var command: String
        var output: String
        var fingerprint: String
    }

    /// A recorded run.
    struct Run {
        var references: [(name: String, value: String)] = []
        var context = ""
        var records: [Record] = []
    }

    let path: String
    static let header = "# unikit Kconfig shell history 2"

    init(folder: String, tree: String) {
        path = folder + "/kconfig-shell-" + fnv1a64(tree) + ".history"
    }

    /// The recorded run, or nil when there is none or it is unreadable.
    func load() -> Run? {
        guard case .success(let bytes) = FileSystem.read(path) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Self.header[...] else { return nil }
        var run = Run()
        for line in lines.dropFirst() {
            let (tag, rest) = (line.prefix { $0 != " " }, String(line.drop { $0 != " " }.dropFirst()))
            switch tag {
            case "env":
                guard let equals = rest.firstIndex(of: "=") else { return nil }
                run.references.append((String(rest[..<equals]), String(rest[rest.index(after: equals)...])))
            case "context": run.context = rest
            case "cmd": run.records.append(Record(command: rest, output: "", fingerprint: ""))
            case "out" where !run.records.isEmpty: run.records[run.records.count - 1].output = rest
            case "fp" where !run.records.isEmpty: run.records[run.records.count - 1].fingerprint = rest
            case "": continue
            default: return nil
            }
        }
        return run
    }

    /// Records a run; silently does nothing when the folder is not writable.
    /// Values with newlines cannot be recorded: such a run is not kept.
    func save(_ run: Run) {
        let texts = run.references.map(\.value) + run.records.flatMap { [$0.command, $0.output] }
        guard !texts.contains(where: { $0.contains("\n") }) else { return }
        var lines = [Self.header] + run.references.map { "env \($0.name)=\($0.value)" } + ["context \(run.context)"]
        for record in run.records {
            lines += ["cmd \(record.command)", "out \(record.output)", "fp \(record.fingerprint)"]
        }
        _ = try? FileSystem.writeIfChanged(lines.joined(separator: "\n") + "\n", to: path)
    }
}

/// FNV-1a, 64 bits, in hex without leading zeros: a short stable name for a
/// longer text (the history files' names and fingerprints are spelled so).
func fnv1a64(_ text: String) -> String {
    String(StableHash.of(text), radix: 16)
}
