/// Kconfig's macro language, run while lexing: `$(…)` references inside
/// quoted strings and words are replaced by their expansion before the parser
/// sees the token (Documentation/kbuild/kconfig-macro-language.rst).
///
/// This first cut knows environment variables only: `$(NAME)` expands to the
/// value given at load, and — as in Linux — a name that is not known (which
/// includes a call of an unsupported function such as `$(shell,…)`, and
/// every macro variable) expands to the empty string. `$` not followed by `(`
/// is a plain `$`. Names and arguments are themselves expanded first, so
/// `$(ARCH_$(BITS))` works.
///
/// The lexer only calls `expandReference`; functions and `:=`/`=` variables
/// belong in `lookUp`, without changing the lexer or the parser.
struct Preprocessor {
    struct Failure: Error {
        var message: String
    }

    let environment: [String: String]
    /// Deepest nesting of `$(` accepted, so hostile input cannot exhaust the stack.
    private let maximumDepth = 64

    /// Expands the reference whose `$` is just before `index` in `bytes`,
    /// and moves `index` past it. References end at the end of the line.
    func expandReference(in bytes: [UInt8], at index: inout Int) throws(Failure) -> [UInt8] {
        try expandReference(in: bytes, at: &index, depth: 0)
    }

    private func expandReference(in bytes: [UInt8], at index: inout Int, depth: Int) throws(Failure) -> [UInt8] {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else { return [UInt8(ascii: "$")] }
        guard depth < maximumDepth else { throw Failure(message: "macro references nested too deeply") }
        let start = index + 1
        guard let end = closingParenthesis(in: bytes, from: start) else {
            let rest = bytes[start...].prefix { $0 != UInt8(ascii: "\n") }
            throw Failure(message: "unterminated reference to '\(String(decoding: rest, as: UTF8.self))': missing ')'")
        }
        index = end + 1
        return try evaluate(Array(bytes[start..<end]), depth: depth + 1)
    }

    /// The index of the `)` that closes a reference whose text starts at `start`.
    private func closingParenthesis(in bytes: [UInt8], from start: Int) -> Int? {
        var nesting = 0
        for index in start..<bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"): return nil
            case UInt8(ascii: "("): nesting += 1
            case UInt8(ascii: ")"):
                if nesting == 0 { return index }
                nesting -= 1
            default: break
            }
        }
        return nil
    }

    /// Evaluates the text between `$(` and `)`: name and arguments split at
    /// top-level commas, each expanded, then looked up.
    private func evaluate(_ clause: [UInt8], depth: Int) throws(Failure) -> [UInt8] {
        var parts: [[UInt8]] = []
        for part in splitArguments(clause) {
            parts.append(try expandAll(part, depth: depth))
        }
        let name = String(decoding: parts.first ?? [], as: UTF8.self)
        return Array(lookUp(name, arguments: parts.dropFirst().map { String(decoding: $0, as: UTF8.self) }).utf8)
    }

    private func splitArguments(_ clause: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = [[]]
        var nesting = 0
        for byte in clause {
            if byte == UInt8(ascii: ","), nesting == 0 {
                parts.append([])
                continue
            }
            if byte == UInt8(ascii: "(") { nesting += 1 }
            if byte == UInt8(ascii: ")") { nesting -= 1 }
            parts[parts.count - 1].append(byte)
        }
        return parts
    }

    /// Expands every reference in `text`.
    private func expandAll(_ text: [UInt8], depth: Int) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            if byte == UInt8(ascii: "$") {
                output += try expandReference(in: text, at: &index, depth: depth)
            } else {
                output.append(byte)
            }
        }
        return output
    }

    /// The value of a name: environment variables only in this first cut.
    private func lookUp(_ name: String, arguments: [String]) -> String {
        guard arguments.isEmpty else { return "" }
        return environment[name] ?? ""
    }
}
