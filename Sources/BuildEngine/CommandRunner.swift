import Glibc
import SystemPackage
import SystemSupport

/// The result of a finished command.
public struct CommandResult: Sendable {
    /// The exit status, or 128 + the signal number if a signal ended it (as a shell reports it).
    public var status: Int32
    /// Standard output and standard error, interleaved as written.
    public var output: [UInt8]

    public init(status: Int32, output: [UInt8]) {
        self.status = status
        self.output = output
    }
}

/// Runs several commands at once (ninja's `SubprocessSet`). Behind a
/// protocol so that the builder can be tested with a fake as well as with
/// real compilers.
public protocol CommandRunner: AnyObject {
    /// Starts `command`; `id` names it when it finishes.
    func start(_ command: [String], id: Int) throws
    /// Waits until one started command finishes.
    func waitForAny() throws -> (id: Int, result: CommandResult)
}

/// Runs commands as child processes, collecting their output with poll(2)
/// on one thread.
public final class ProcessRunner: CommandRunner {
    private struct Running {
        var id: Int
        var process: ChildProcess
        var output: [UInt8] = []
    }

    /// By output descriptor.
    private var running: [Int32: Running] = [:]

    public init() {}

    public func start(_ command: [String], id: Int) throws {
        var options = ChildProcess.Options()
        options.capturesOutput = true
        options.mergesStandardError = true
        options.readsNothing = true
        let process = try Self.start(command, options)
        running[process.output!] = Running(id: id, process: process)
    }

    public func waitForAny() throws -> (id: Int, result: CommandResult) {
        precondition(!running.isEmpty, "waitForAny() with nothing running")
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var descriptors = running.keys.sorted().map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&descriptors, nfds_t(descriptors.count), -1) >= 0 else {
                if errno == EINTR { continue }
                throw BuildError("poll failed: \(Errno(rawValue: errno))")
            }
            for descriptor in descriptors where descriptor.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptor.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    running[descriptor.fd]!.output += buffer[..<count]
                } else if count == 0 || errno != EINTR {
                    // The end of the output: the child has exited or is about to.
                    let finished = running.removeValue(forKey: descriptor.fd)!
                    close(descriptor.fd)
                    return (finished.id, CommandResult(status: finished.process.wait(), output: finished.output))
                }
            }
        }
    }

    /// Runs `arguments` with the terminal's standard input and output, and
    /// returns its status: how linuxu images run.
    public static func runAttached(_ arguments: [String]) throws -> Int32 {
        try start(arguments, ChildProcess.Options()).finish().status
    }

    private static func start(_ arguments: [String], _ options: ChildProcess.Options) throws -> ChildProcess {
        do {
            return try ChildProcess(arguments, options: options)
        } catch {
            throw BuildError(file: arguments.first ?? "", "cannot start: \(error)")
        }
    }
}
