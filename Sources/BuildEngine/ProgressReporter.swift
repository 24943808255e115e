import Glibc
import SystemPackage

/// Shows build progress as steps finish: "[n/N] CC file.c" rewriting one
/// line on a terminal, one line per step otherwise, the full command with
/// `verbose`. The output of a step (compiler warnings) follows its line; a
/// failing step shows its command and its output verbatim, as errors.
public final class ProgressReporter {
    let write: (String) -> Void
    let writeError: (String) -> Void
    let rewritesLine: Bool
    let verbose: Bool
    private var lineOpen = false

    /// `write` receives text to print as is, `writeError` failures (by
    /// default `write` too); `isTerminal` says whether `write`'s text ends up
    /// on a terminal (only then is the line rewritten).
    public init(verbose: Bool, isTerminal: Bool, write: @escaping (String) -> Void,
                writeError: ((String) -> Void)? = nil) {
        self.write = write
        self.writeError = writeError ?? write
        self.verbose = verbose
        self.rewritesLine = isTerminal && !verbose
    }

    /// Reports progress to standard output, failures to standard error.
    public static func standardOutput(verbose: Bool) -> ProgressReporter {
        ProgressReporter(verbose: verbose, isTerminal: isatty(1) == 1,
                         write: { _ = try? FileDescriptor.standardOutput.writeAll($0.utf8) },
                         writeError: { _ = try? FileDescriptor.standardError.writeAll($0.utf8) })
    }

    func succeeded(_ step: BuildStep, output: [UInt8], number: Int, total: Int) {
        let line = "[\(number)/\(total)] " + (verbose ? step.command.joined(separator: " ") : step.label)
        write(rewritesLine ? "\r\(line)\u{1B}[K" : line + "\n")
        lineOpen = rewritesLine
        guard !output.isEmpty else { return }
        finished()
        write(String(decoding: output, as: UTF8.self))
    }

    /// Shows a failed step: "FAILED: label", its command, its output.
    func failed(_ step: BuildStep, _ result: CommandResult) {
        finished()
        let status = result.status > 128 ? "signal \(result.status - 128)" : "exit status \(result.status)"
        writeError("FAILED: \(step.label) (\(status))\n\(step.command.joined(separator: " "))\n")
        writeError(String(decoding: result.output, as: UTF8.self))
    }

    /// A problem that is not a command's own (a depfile it did not write).
    func failed(_ step: BuildStep, _ error: BuildError) {
        finished()
        writeError("FAILED: \(step.label)\n\(error)\n")
    }

    /// Ends a line left open for rewriting.
    func finished() {
        if lineOpen { write("\n") }
        lineOpen = false
    }
}
