import Glibc

/// Splits one Kconfig file into tokens, after Linux 6.1's lexer.l.
///
/// - `#` starts a comment to the end of the line; `\` before a newline
///   joins lines; blanks separate tokens; other stray characters are ignored
///   with a warning.
/// - Strings use `"` or `'`; `\x` stands for `x`; `$(…)` is expanded.
///   Unlike Linux, which warns and ends the string at the newline, an
///   unterminated string is an error.
/// - Words are runs of `A-Z a-z 0-9 _ -`, with `$(…)` expanded in place; a
///   word that expands to nothing is dropped. Whatever a word expands to,
///   blanks included, stays one word.
/// - `NAME =`, `NAME :=` or `NAME +=` opening a statement makes the rest of
///   the line, from its first non-blank, one raw `assignmentValue` token
///   (Linux's ASSIGN_VAL state): no comments, no expansion there.
/// - Help text is read on request (`readHelp`), with Linux's indentation rules.
struct Lexer {
    let file: String
    private let bytes: [UInt8]
    private let preprocessor: Preprocessor
    private var index = 0
    private var line = 1
    private let lineOffset: Int
    private var lineStart = 0
    private var atLineStart = true
    /// What the last two tokens were, to spot `NAME =` opening a statement
    /// as Linux's second-stage lexer does (a file starts after a newline).
    private var previous = Recent.endOfLine, beforePrevious = Recent.endOfLine
    private var readsAssignmentValue = false
    private(set) var warnings: [Diagnostic] = []

    private enum Recent {
        case endOfLine, word, other
    }

    /// - Parameters:
    ///   - firstLine: the line number of the first byte (for text taken from
    ///     the middle of another file).
    ///   - expressionOnly: the bytes are one expression, not statements, so
    ///     `NAME = value` is a comparison, never an assignment.
    init(file: String, bytes: [UInt8], preprocessor: Preprocessor, firstLine: Int = 1, expressionOnly: Bool = false) {
        self.file = file
        self.bytes = bytes
        self.preprocessor = preprocessor
        line = firstLine
        lineOffset = firstLine - 1
        if expressionOnly { previous = .other }
    }

    /// The next token. At the end of a file not ending in a newline, an end
    /// of line comes first (with Linux's warning).
    mutating func next() throws(KconfigError) -> Token {
        if readsAssignmentValue, let token = scanAssignmentValue() {
            return token
        }
        while index < bytes.count {
            if let token = try scanOne() {
                atLineStart = token.kind == .endOfLine
                noteReturned(token.kind)
                return token
            }
        }
        if !atLineStart {
            atLineStart = true
            warn("no new line at end of file")
            return Token(kind: .endOfLine, line: line, column: column(of: index))
        }
        return Token(kind: .endOfFile, line: line, column: column(of: index))
    }

    private mutating func noteReturned(_ kind: TokenKind) {
        let opensAssignment = beforePrevious == .endOfLine && previous == .word
        switch kind {
        case .symbol(.equal), .symbol(.colonEqual), .symbol(.plusEqual):
            readsAssignmentValue = opensAssignment
        default: break
        }
        beforePrevious = previous
        switch kind {
        case .endOfLine: previous = .endOfLine
        case .word: previous = .word
        default: previous = .other
        }
    }

    /// The value after `NAME =`: the rest of the line from its first
    /// non-blank, or nil when the line ends first (an empty value).
    private mutating func scanAssignmentValue() -> Token? {
        readsAssignmentValue = false
        while index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) { index += 1 }
        guard index < bytes.count && bytes[index] != UInt8(ascii: "\n") else { return nil }
        let start = index
        let end = endOfLine(from: index)
        index = end
        beforePrevious = previous
        previous = .other
        return Token(kind: .assignmentValue(String(decoding: bytes[start..<end], as: UTF8.self)),
                     line: line, column: column(of: start))
    }

    /// Scans from the current position; nil when it only skipped something.
    private mutating func scanOne() throws(KconfigError) -> Token? {
        let start = index
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "#"):
            index = endOfLine(from: index)
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            index += 1
        case UInt8(ascii: "\\") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"):
            index += 2
            startLine()
        case UInt8(ascii: "\n"):
            let token = Token(kind: .endOfLine, line: line, column: column(of: start))
            index += 1
            startLine()
            return token
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try scanString()
        case _ where byte.isWordCharacter || byte == UInt8(ascii: "$"):
            return try scanWord()
        default:
            if let op = scanOperator() { return Token(kind: .symbol(op), line: line, column: column(of: start)) }
            warn("ignoring unsupported character '\(Character(Unicode.Scalar(byte)))'", column: column(of: start))
            index += 1
        }
        return nil
    }

    private mutating func startLine() {
        line += 1
        lineStart = index
    }

    private func column(of position: Int) -> Int { position - lineStart + 1 }

    /// The index of the next newline at or after `position`, or the end.
    private func endOfLine(from position: Int) -> Int {
        guard position < bytes.count else { return bytes.count }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let found = memchr(buffer.baseAddress! + position, Int32(UInt8(ascii: "\n")), buffer.count - position) else {
                return buffer.count
            }
            return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private mutating func scanOperator() -> Operator? {
        let two = index + 1 < bytes.count ? String(decoding: bytes[index...index + 1], as: UTF8.self) : ""
        if let op = Operator(rawValue: two) {
            index += 2
            return op
        }
        let one = String(decoding: bytes[index...index], as: UTF8.self)
        guard let op = Operator(rawValue: one), op != .colonEqual, op != .plusEqual else { return nil }
        index += 1
        return op
    }

    private mutating func scanString() throws(KconfigError) -> Token {
        let quote = bytes[index]
        let start = index
        index += 1
        // The common case: no escape and no macro before the closing quote.
        var end = index
        while end < bytes.count && bytes[end] != quote && !bytes[end].isSpecialInString { end += 1 }
        if end < bytes.count && bytes[end] == quote {
            let text = String(decoding: bytes[index..<end], as: UTF8.self)
            index = end + 1
            return Token(kind: .quoted(text), line: line, column: column(of: start))
        }
        var text = Array(bytes[index..<end])
        index = end
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") {
            let byte = bytes[index]
            index += 1
            if byte == quote {
                return Token(kind: .quoted(String(decoding: text, as: UTF8.self)), line: line, column: column(of: start))
            } else if byte == UInt8(ascii: "\\") {
                if index < bytes.count && bytes[index] != UInt8(ascii: "\n") {
                    text.append(bytes[index])
                    index += 1
                }
            } else if byte == UInt8(ascii: "$") {
                text += try expand(at: start)
            } else {
                text.append(byte)
            }
        }
        throw error("unterminated string", column: column(of: start))
    }

    private mutating func scanWord() throws(KconfigError) -> Token? {
        let start = index
        while index < bytes.count && bytes[index].isWordCharacter { index += 1 }
        guard index < bytes.count && bytes[index] == UInt8(ascii: "$") else {
            // The common case: a plain word, taken straight from the file.
            let word = bytes[start..<index]
            let kind: TokenKind = Keyword(word).map { .keyword($0) } ?? .word(String(decoding: word, as: UTF8.self))
            return Token(kind: kind, line: line, column: column(of: start))
        }
        var text = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte.isWordCharacter {
                text.append(byte)
                index += 1
            } else if byte == UInt8(ascii: "$") {
                index += 1
                text += try expand(at: start)
            } else {
                break
            }
        }
        // An expanded word is never a keyword, and one that expands to nothing is dropped.
        guard !text.isEmpty else { return nil }
        return Token(kind: .word(String(decoding: text, as: UTF8.self)), line: line, column: column(of: start))
    }

    private mutating func expand(at start: Int) throws(KconfigError) -> [UInt8] {
        do {
            return try preprocessor.expandReference(in: bytes, at: &index,
                                                     location: Preprocessor.Location(file: file, line: line))
        } catch {
            throw self.error(error.message, column: column(of: start))
        }
    }

    // MARK: Diagnostics

    /// The text of line `number` of this file, without its newline.
    func sourceLine(_ number: Int) -> String {
        let number = number - lineOffset
        var current = 1
        var start = 0
        for (position, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if current == number { break }
            current += 1
            start = position + 1
        }
        guard current == number, start <= bytes.count else { return "" }
        let end = endOfLine(from: start)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func error(_ message: String, line: Int? = nil, column: Int? = nil) -> KconfigError {
        let line = line ?? self.line
        return KconfigError(file: file, line: line, message, sourceLine: sourceLine(line), column: column)
    }

    mutating func warn(_ message: String, line: Int? = nil, column: Int? = nil) {
        let line = line ?? self.line
        warnings.append(Diagnostic(severity: .warning, file: file, line: line, message: message,
                                   sourceLine: column == nil ? nil : sourceLine(line), column: column))
    }
}

extension Lexer {
    /// Reads a help text that starts on the next line (Linux's HELP state).
    ///
    /// The first non-blank line sets the indentation (tabs count to the next
    /// multiple of 8); the text ends at the first non-blank line indented
    /// less, or at a line starting in column 1 after a newline. Deeper
    /// indentation is kept as spaces; trailing blanks are dropped.
    mutating func readHelp() -> String {
        var text: [UInt8] = []
        var indentation = HelpIndentation()
        while index < bytes.count {
            var afterBlanks = index
            while afterBlanks < bytes.count && bytes[afterBlanks].isBlank { afterBlanks += 1 }
            if afterBlanks < bytes.count && bytes[afterBlanks] == UInt8(ascii: "\n") {
                index = afterBlanks
                if endsHelpAfterNewline() { break }
                text.append(UInt8(ascii: "\n"))
            } else if afterBlanks > index {
                guard let extra = indentation.extraSpaces(forBlanks: bytes[index..<afterBlanks]) else {
                    index = afterBlanks
                    break
                }
                index = afterBlanks
                text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: extra))
            } else {
                appendRestOfLine(to: &text)
                indentation.noteText()
            }
        }
        atLineStart = true
        previous = .other // help text is not a newline: `NAME =` right after it is no assignment (as Linux)
        return String(decoding: text, as: UTF8.self)
    }

    /// At a newline inside help text: consumes it; true when the next line
    /// starts with a non-blank character, which ends the help text.
    private mutating func endsHelpAfterNewline() -> Bool {
        index += 1
        startLine()
        guard index < bytes.count else { return false }
        let next = bytes[index]
        return next != UInt8(ascii: " ") && next != UInt8(ascii: "\t") && next != UInt8(ascii: "\n")
    }

    /// Appends the rest of the line without its trailing blanks.
    private mutating func appendRestOfLine(to text: inout [UInt8]) {
        let end = endOfLine(from: index)
        var trimmed = end
        while trimmed > index && bytes[trimmed - 1].isBlank { trimmed -= 1 }
        text.append(contentsOf: bytes[index..<trimmed])
        index = end
    }
}

/// Linux's `first_ts`/`last_ts` bookkeeping for help text.
private struct HelpIndentation {
    private var first = 0
    private var last = 0

    /// Spaces to keep for leading blanks, or nil when they end the help text.
    mutating func extraSpaces(forBlanks blanks: ArraySlice<UInt8>) -> Int? {
        var width = 0
        for blank in blanks {
            width = blank == UInt8(ascii: "\t") ? (width & ~7) + 8 : width + 1
        }
        last = width
        guard first != 0 else { return 0 }
        return width < first ? nil : width - first
    }

    mutating func noteText() {
        if first == 0 { first = last }
    }
}

extension UInt8 {
    var isBlank: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }

    /// What ends the plain run of a quoted string: an escape, a macro, a newline.
    var isSpecialInString: Bool {
        self == UInt8(ascii: "\\") || self == UInt8(ascii: "$") || self == UInt8(ascii: "\n")
    }

    /// Characters of an unquoted word: `A-Z a-z 0-9 _ -`.
    var isWordCharacter: Bool {
        isDigit || ((self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z"))
            || self == UInt8(ascii: "_") || self == UInt8(ascii: "-")
    }
}
