import SystemSupport

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

/// Runs a command as a child process.
public struct ProcessRunner: CommandRunner {
    public init() {}

    /// Runs `arguments` with standard output and error captured into the result.
    public func run(_ arguments: [String]) throws -> CommandResult {
        var options = ChildProcess.Options()
        options.capturesOutput = true
        options.mergesStandardError = true
        let (status, output) = try Self.start(arguments, options).finish()
        return CommandResult(status: status, output: output)
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
