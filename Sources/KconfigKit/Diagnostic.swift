/// A message about a place in a Kconfig or `.config` file.
///
/// Printed as `file:line: warning: message`; when the source line is known it
/// follows on the next line, with a caret under the offending column.
public struct Diagnostic: CustomStringConvertible, Sendable, Equatable {
    public enum Severity: Sendable, Equatable {
        case warning, error
    }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var message: String
    /// The text of the line, shown under the message when set.
    public var sourceLine: String?
    /// 1-based column of the caret under `sourceLine`; no caret when nil.
    public var column: Int?

    public init(severity: Severity, file: String, line: Int, message: String,
                sourceLine: String? = nil, column: Int? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.sourceLine = sourceLine
        self.column = column
    }

    public var description: String {
        let kind = severity == .warning ? "warning" : "error"
        var text = "\(file):\(line): \(kind): \(message)"
        if let sourceLine {
            text += "\n" + sourceLine
            if let column, column > 0 {
                text += "\n" + caretPadding(upTo: column, in: sourceLine) + "^"
            }
        }
        return text
    }

    /// Spaces (or the line's own tabs) so that the caret lands under `column`.
    private func caretPadding(upTo column: Int, in line: String) -> String {
        String(line.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
    }
}

/// The error thrown for a Kconfig tree or a file that cannot be used.
public struct KconfigError: Error, CustomStringConvertible, Sendable {
    public var diagnostic: Diagnostic

    public init(diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    init(file: String, line: Int, _ message: String, sourceLine: String? = nil, column: Int? = nil) {
        diagnostic = Diagnostic(severity: .error, file: file, line: line, message: message,
                                sourceLine: sourceLine, column: column)
    }

    public var description: String { diagnostic.description }
}
