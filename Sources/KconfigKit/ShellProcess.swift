import Glibc

/// One `/bin/sh -c command` child whose standard output comes through a
/// pipe. Standard input is /dev/null (a command read early must not take
/// the terminal's input away from `oldconfig`); standard error is inherited.
/// The child leads its own process group, so that `cancel` also stops what
/// the shell started.
struct ShellProcess {
    let command: String
    private let pid: pid_t
    private let output: Int32

    /// Starts `command`; nil (with `errno` set) if it cannot be started.
    init?(command: String, environment: [String: String]) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        let started = Self.spawn(["/bin/sh", "-c", command], environment: environment, actions: &actions)
        let spawnError = errno
        close(ends[1])
        guard let started else {
            close(ends[0])
            errno = spawnError
            return nil
        }
        self.command = command
        pid = started
        output = ends[0]
    }

    /// Reads everything the command writes, then waits for it to end.
    func finish() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count > 0 { bytes += buffer[..<count]; continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        close(output)
        reap()
        return bytes
    }

    /// Stops the command and everything it started, unread.
    func cancel() {
        kill(-pid, SIGKILL)
        close(output)
        reap()
    }

    private func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    private static func spawn(_ arguments: [String], environment: [String: String],
                              actions: inout posix_spawn_file_actions_t) -> pid_t? {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let error = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard error == 0 else {
            errno = error
            return nil
        }
        return pid
    }
}
