import Glibc
import SystemPackage

/// Where the `conf` modes print and where `oldconfig` reads its answers:
/// Linux's `conf` uses stdout, stderr and stdin.
public protocol ConfConsole: AnyObject {
    /// Standard output (may be buffered until `readLine` or the end).
    func print(_ text: String)
    /// Standard error.
    func printError(_ text: String)
    /// The next line of input with its `\n`, at most `limit` bytes (like C's
    /// `fgets`); nil at the end of input.
    func readLine(limit: Int) -> String?
    /// Whether input and output are both terminals: otherwise the dialog
    /// echoes each answer it reads, as `conf` does.
    var isTerminal: Bool { get }
}

/// The process's standard input, output and error.
public final class StandardConsole: ConfConsole {
    private var output: [UInt8] = []
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var inputEnded = false
    public let isTerminal: Bool

    public init() {
        isTerminal = isatty(0) == 1 && isatty(1) == 1
    }

    deinit { flush() }

    public func print(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    public func printError(_ text: String) {
        flush()
        _ = try? FileDescriptor.standardError.writeAll(text.utf8)
    }

    /// Writes what `print` buffered.
    public func flush() {
        guard !output.isEmpty else { return }
        _ = try? FileDescriptor.standardOutput.writeAll(output)
        output.removeAll()
    }

    public func readLine(limit: Int) -> String? {
        flush()
        var line: [UInt8] = []
        while line.count < limit, let byte = nextByte() {
            line.append(byte)
            if byte == UInt8(ascii: "\n") { break }
        }
        return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
    }

    private func nextByte() -> UInt8? {
        if inputOffset == input.count {
            guard !inputEnded else { return nil }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = (try? chunk.withUnsafeMutableBytes {
                try FileDescriptor.standardInput.read(into: $0, retryOnInterrupt: true)
            }) ?? 0
            if count == 0 {
                inputEnded = true
                return nil
            }
            input = Array(chunk[..<count])
            inputOffset = 0
        }
        inputOffset += 1
        return input[inputOffset - 1]
    }
}

/// A console in memory: answers given up front, output collected (for
/// tests, and for running modes quietly).
public final class BufferConsole: ConfConsole {
    private var answers: [String]
    public private(set) var output = ""
    public private(set) var errors = ""
    public let isTerminal = false

    /// - Parameter input: what stdin holds; lines are split after each `\n`.
    public init(input: String = "") {
        var lines: [String] = []
        var current: [UInt8] = []
        for byte in input.utf8 {
            current.append(byte)
            if byte == UInt8(ascii: "\n") {
                lines.append(String(decoding: current, as: UTF8.self))
                current = []
            }
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        answers = lines.reversed()
    }

    public func print(_ text: String) { output += text }
    public func printError(_ text: String) { errors += text }

    public func readLine(limit: Int) -> String? {
        guard var line = answers.popLast() else { return nil }
        if line.utf8.count > limit {
            answers.append(String(decoding: line.utf8.dropFirst(limit), as: UTF8.self))
            line = String(decoding: line.utf8.prefix(limit), as: UTF8.self)
        }
        return line
    }
}
