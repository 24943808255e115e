import Glibc
import SystemSupport

/// What a `$(shell,…)` result depends on besides the command's text and the
/// run's context, as far as can be told cheaply: the programs the command
/// runs and the files it names. A recorded result is reused only while this
/// is unchanged, so a compiler installed anew, or chosen through another
/// symbolic link or `PATH`, makes the command run again.
///
/// Counted, each resolved through symbolic links and entering as path,
/// size, modification time and inode:
/// - the program of each simple command: the first word at the start and
///   after `;` `|` `&` `(` `{` `!`, found through `PATH`, unless a shell
///   built-in; after `command`, `exec`, `type` or `which`, the word named;
/// - every word with a `/` that names an existing regular file.
final class ShellFingerprint {
    private let environment: [String: String]
    private var programs: [String: String] = [:]
    private var files: [String: String] = [:]

    init(environment: [String: String]) {
        self.environment = environment
    }

    /// The fingerprint of `command`, as a short hash.
    func of(_ command: String) -> String {
        var parts = Set<String>()
        for (word, isProgram) in Self.words(of: command) {
            if word.contains("/") {
                if let file = file(word) { parts.insert(file) }
            } else if isProgram && !Self.builtins.contains(word), let program = program(word) {
                parts.insert(program)
            }
        }
        return fnv1a64(parts.sorted().joined(separator: "\n"))
    }

    /// The run's context: the current folder and the whole environment, but
    /// for variables shells change on their own.
    static func context(environment: [String: String]) -> String {
        let volatile: Set = ["_", "OLDPWD", "PWD", "SHLVL"]
        let pairs = environment.filter { !volatile.contains($0.key) }.map { "\($0.key)=\($0.value)" }.sorted()
        return fnv1a64(([FileSystem.currentDirectory()] + pairs).joined(separator: "\0"))
    }

    /// Shell words (quotes and operators separate them), each marked when it
    /// stands where a program name does. Shell syntax is ASCII: bytes suffice.
    static func words(of command: String) -> [(word: String, isProgram: Bool)] {
        var words: [(String, Bool)] = []
        var start: String.UTF8View.Index?
        var programExpected = true, namesProgram = false
        let bytes = command.utf8
        func endWord(at end: String.UTF8View.Index) {
            guard let first = start else { return }
            start = nil
            let word = String(decoding: bytes[first..<end], as: UTF8.self)
            let isProgram = programExpected || (namesProgram && !word.hasPrefix("-"))
            words.append((word, isProgram))
            if isProgram && !programExpected { namesProgram = false }
            if programExpected { namesProgram = ["command", "exec", "type", "which"].contains(word) }
            programExpected = false
        }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "("),
                 UInt8(ascii: "{"), UInt8(ascii: "!"):
                endWord(at: index)
                programExpected = true
            case UInt8(ascii: ")"), UInt8(ascii: "}"):
                endWord(at: index)
                programExpected = false // only redirections or operators follow
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\""),
                 UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                endWord(at: index)
            default:
                if start == nil { start = index }
            }
        }
        endWord(at: bytes.endIndex)
        return words
    }

    /// POSIX shell built-ins: no program file behind them.
    static let builtins: Set = [
        "echo", "printf", "test", "[", "set", "trap", "cd", "exit", "true", "false", "command", "type",
        "shift", "read", "local", "export", "unset", "eval", "exec", "return", "break", "continue",
        "wait", "umask", ":", ".", "if", "then", "else", "elif", "fi", "for", "do", "done", "while", "case", "esac",
    ]

    private func program(_ name: String) -> String? {
        if let known = programs[name] { return known }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").lazy
            .map { Path.join(String($0), name) }
            .first { FileSystem.isRegularFile($0) && access($0, X_OK) == 0 }
        let fingerprint = path.flatMap(file)
        programs[name] = fingerprint ?? "missing \(name)"
        return programs[name]
    }

    private func file(_ path: String) -> String? {
        if let known = files[path] { return known }
        guard let real = FileSystem.realPath(path) else { return nil }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let fingerprint = "\(real) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
        files[path] = fingerprint
        return fingerprint
    }
}
