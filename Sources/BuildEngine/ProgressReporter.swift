import Glibc
import SystemPackage

/// Shows build progress: "[n/N] CC file.c" rewriting one line on a
/// terminal, one line per step otherwise, the full command with `verbose`.
/// Compiler warnings of successful steps are shown too.
public final class ProgressReporter {
    let write: (String) -> Void
    let rewritesLine: Bool
    let verbose: Bool
    private var lineOpen = false

    /// `write` receives text to print as is; `isTerminal` says whether it
    /// ends up on a terminal (only then is the line rewritten).
    public init(verbose: Bool, isTerminal: Bool, write: @escaping (String) -> Void) {
        self.write = write
        self.verbose = verbose
        self.rewritesLine = isTerminal && !verbose
    }

    /// Reports to standard output.
    public static func standardOutput(verbose: Bool) -> ProgressReporter {
        ProgressReporter(verbose: verbose, isTerminal: isatty(1) == 1) { text in
            _ = try? FileDescriptor.standardOutput.writeAll(text.utf8)
        }
    }

    func started(_ step: BuildStep, number: Int, total: Int) {
        let line = "[\(number)/\(total)] " + (verbose ? step.command.joined(separator: " ") : step.label)
        write(rewritesLine ? "\r\(line)\u{1B}[K" : line + "\n")
        lineOpen = rewritesLine
    }

    func succeeded(_ step: BuildStep, output: [UInt8]) {
        guard !output.isEmpty else { return }
        finished()
        write(String(decoding: output, as: UTF8.self))
    }

    /// Ends a line left open for rewriting.
    func finished() {
        if lineOpen { write("\n") }
        lineOpen = false
    }
}
