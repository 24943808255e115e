import Glibc
import SystemPackage

/// A child process started with `posix_spawnp`, its output optionally
/// read through a pipe. Used for compilers (BuildEngine), linuxu images
/// (`unikit run`) and `$(shell,…)` commands (KconfigKit).
package struct ChildProcess {
    /// How the child is set up; the defaults inherit everything.
    package struct Options {
        /// nil: the parent's environment.
        package var environment: [String: String]?
        /// Capture standard output (and standard error too, when
        /// `mergesStandardError`) for `finish()` to return.
        package var capturesOutput = false
        package var mergesStandardError = false
        /// Standard input from /dev/null instead of the parent's.
        package var readsNothing = false
        /// The child leads its own process group, so that `cancel()` also
        /// stops what it started.
        package var ownProcessGroup = false

        package init() {}
    }

    private let pid: pid_t
    /// The read end of the pipe holding the captured output, nil when not
    /// captured. A caller reading it itself (to watch several children with
    /// poll(2)) closes it at its end, then calls `wait()`.
    package let output: Int32?
    private let leadsGroup: Bool

    /// Starts `arguments[0]` (looked up in PATH when it has no `/`).
    package init(_ arguments: [String], options: Options = Options()) throws(Errno) {
        guard let program = arguments.first else { throw Errno.invalidArgument }
        var ends: [Int32] = [-1, -1]
        if options.capturesOutput {
            guard pipe(&ends) == 0 else { throw Errno(rawValue: errno) }
            // Only the child's copies made by dup2 may stay open across exec.
            ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if options.readsNothing { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        if options.capturesOutput {
            posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
            if options.mergesStandardError { posix_spawn_file_actions_adddup2(&actions, ends[1], 2) }
        }
        let started = Self.spawn(program, arguments, options, &actions)
        if options.capturesOutput { close(ends[1]) }
        guard case .success(let pid) = started else {
            if options.capturesOutput { close(ends[0]) }
            if case .failure(let error) = started { throw error }
            throw Errno.ioError
        }
        self.pid = pid
        output = options.capturesOutput ? ends[0] : nil
        leadsGroup = options.ownProcessGroup
    }

    /// Reads the captured output to its end (nothing when not captured),
    /// then waits; the status is the exit status, or 128 + the signal that
    /// ended the child, as a shell reports it.
    package func finish() -> (status: Int32, output: [UInt8]) {
        var bytes: [UInt8] = []
        if let output {
            var buffer = [UInt8](repeating: 0, count: 16384)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
                if count > 0 { bytes += buffer[..<count]; continue }
                if count < 0 && errno == EINTR { continue }
                break
            }
            close(output)
        }
        return (wait(), bytes)
    }

    /// Stops the child (its whole group if it leads one) without reading.
    package func cancel() {
        kill(leadsGroup ? -pid : pid, SIGKILL)
        if let output { close(output) }
        _ = wait()
    }

    /// Waits for the child to end: its exit status, or 128 + the signal.
    package func wait() -> Int32 {
        wait(givingUpWhen: { false })!
    }

    /// Waits like `wait()`, but when a signal interrupts the wait (e.g. an
    /// alarm) and `giveUp()` then says so, kills the child (its group if it
    /// leads one), reaps it and returns nil.
    package func wait(givingUpWhen giveUp: () -> Bool) -> Int32? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { break }
            if giveUp() {
                kill(leadsGroup ? -pid : pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return nil
            }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private static func spawn(_ program: String, _ arguments: [String], _ options: Options,
                              _ actions: inout posix_spawn_file_actions_t) -> Result<pid_t, Errno> {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if options.ownProcessGroup {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?]? = options.environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { (argv + (envp ?? [])).forEach { free($0) } }
        var pid = pid_t()
        let error = envp.map { posix_spawnp(&pid, program, &actions, &attributes, argv, $0) }
            ?? posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        return error == 0 ? .success(pid) : .failure(Errno(rawValue: error))
    }
}
