import Glibc

/// Whether `$(shell,…)` runs commands.
public enum MacroShellPolicy: Sendable {
    /// Run them with `/bin/sh -c`, as Linux does.
    case execute
    /// Refuse: any `$(shell,…)` is an error. For untrusted trees (fuzzing).
    case refuse
}

/// Runs the commands of `$(shell,…)` like Linux's popen-based do_shell:
/// `/bin/sh -c command` with the tree's environment, standard output
/// captured (at most 4095 bytes), trailing newlines dropped and inner
/// newlines turned into spaces. Standard error is left to the terminal; the
/// exit status is ignored, as in Linux.
struct MacroShell {
    let policy: MacroShellPolicy
    let environment: [String: String]

    /// Linux reads into a 4096-byte buffer and keeps one byte for the NUL.
    static let maximumOutput = 4095

    func run(_ command: String) throws(Preprocessor.Failure) -> String {
        guard policy == .execute else {
            throw Preprocessor.Failure(message: "$(shell,…) is disabled here: '\(command)' was not run")
        }
        var output = try capture(command)
        if output.count > Self.maximumOutput { output.removeLast(output.count - Self.maximumOutput) }
        while output.last == UInt8(ascii: "\n") { output.removeLast() }
        return String(decoding: output.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    /// Runs the command and returns everything it wrote to standard output.
    private func capture(_ command: String) throws(Preprocessor.Failure) -> [UInt8] {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw failure(command, errno) }
        ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        defer { close(ends[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        let pid = spawn(["/bin/sh", "-c", command], actions: &actions)
        close(ends[1])
        guard let pid else { throw failure(command, errno) }
        let output = readAll(ends[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return output
    }

    private func spawn(_ arguments: [String], actions: inout posix_spawn_file_actions_t) -> pid_t? {
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let error = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        if error != 0 { errno = error }
        return error == 0 ? pid : nil
    }

    private func readAll(_ fd: Int32) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 { output += buffer[..<count]; continue }
            if count < 0 && errno == EINTR { continue }
            return output
        }
    }

    private func failure(_ command: String, _ error: Int32) -> Preprocessor.Failure {
        Preprocessor.Failure(message: "\(command): \(String(cString: strerror(error)))")
    }
}
