import Glibc

/// The result of a finished command.
public struct CommandResult: Sendable {
    /// The exit status, or 128 + the signal number if a signal ended it (as a shell reports it).
    public var status: Int32
    /// Standard output and standard error, interleaved as written.
    public var output: [UInt8]
}

/// Runs commands. Behind a protocol so the builder can be tested with a
/// fake as well as with real compilers.
public protocol CommandRunner {
    func run(_ arguments: [String]) throws -> CommandResult
}

/// Runs a command as a child process through `posix_spawn`.
public struct ProcessRunner: CommandRunner {
    public init() {}

    /// Runs `arguments` with output captured into the result.
    public func run(_ arguments: [String]) throws -> CommandResult {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw BuildError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        // Only the child's stdout/stderr (made by dup2) may stay open across exec.
        pipeEnds.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        let pid: pid_t
        do {
            pid = try Self.spawn(arguments, actions: &actions)
        } catch {
            close(pipeEnds[0]); close(pipeEnds[1])
            throw error
        }
        close(pipeEnds[1])
        let output = Self.readAll(pipeEnds[0])
        close(pipeEnds[0])
        return CommandResult(status: Self.wait(pid), output: output)
    }

    /// Runs `arguments` with the terminal's standard input and output, and
    /// returns its status: how linuxu images run.
    public static func runAttached(_ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        return wait(try spawn(arguments, actions: &actions))
    }

    static func spawn(_ arguments: [String], actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        guard let program = arguments.first else { throw BuildError("empty command") }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let error = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        guard error == 0 else { throw BuildError(file: program, "cannot start: \(String(cString: strerror(error)))") }
        return pid
    }

    static func readAll(_ fd: Int32) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 { output += buffer[..<count]; continue }
            if count < 0 && errno == EINTR { continue }
            return output
        }
    }

    /// waitpid, decoded: the exit status, or 128 + signal.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
