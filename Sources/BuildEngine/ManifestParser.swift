import KconfigKit

/// Parses a manifest's text.
///
/// ```
/// # a comment
/// sources: src/a.c src/b.c
/// sources if FOO && !BAR: src/foo.c
/// global-cflags: -O2
///     -g
/// cflags: "-DGREETING=\"hi there\""
/// ```
/// A line starting with a blank continues the entry above it; `#` starts a
/// comment only at the beginning of a line; double quotes group a value with
/// blanks in it. Conditions are Kconfig expressions, parsed by KconfigKit so
/// that they mean exactly what they would mean in a Kconfig file.
public struct ManifestParser {
    let file: String
    let parseCondition: (String, Int) throws -> Expression

    /// `parseCondition(text, line)` turns a condition into an expression,
    /// normally `Kconfig.parseExpression`.
    public init(file: String, parseCondition: @escaping (String, Int) throws -> Expression) {
        self.file = file
        self.parseCondition = parseCondition
    }

    public func parse(_ text: String) throws -> Manifest {
        var entries: [Manifest.Entry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let content = rawLine.trimmingBlanks()
            if content.isEmpty || content.hasPrefix("#") { continue }
            if rawLine.first == " " || rawLine.first == "\t" {
                guard !entries.isEmpty else { throw error(line, "continuation line without an entry above it") }
                entries[entries.count - 1].values += try words(content, line: line)
            } else {
                entries.append(try entry(content, line: line))
            }
        }
        try checkSingleValues(entries)
        return Manifest(file: file, entries: entries)
    }

    private func entry(_ content: Substring, line: Int) throws -> Manifest.Entry {
        guard let colon = firstColonOutsideQuotes(content) else {
            throw error(line, "expected 'key: values' or 'key if condition: values'")
        }
        let head = content[..<colon].trimmingBlanks()
        let keyText = head.prefix { $0 != " " && $0 != "\t" }
        guard let key = ManifestKey(rawValue: String(keyText)) else {
            let known = ManifestKey.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(line, "unknown key '\(keyText)' (known keys: \(known))")
        }
        let rest = head.dropFirst(keyText.count).trimmingBlanks()
        var condition: Expression?
        if !rest.isEmpty {
            guard rest.hasPrefix("if"), rest.dropFirst(2).first.map({ $0 == " " || $0 == "\t" }) == true else {
                throw error(line, "expected 'if' or ':' after '\(key.rawValue)'")
            }
            condition = try parseCondition(String(rest.dropFirst(2).trimmingBlanks()), line)
        }
        let values = try words(content[content.index(after: colon)...], line: line)
        return Manifest.Entry(key: key, condition: condition, values: values, line: line)
    }

    /// Splits at blanks; double quotes group, backslash escapes inside them.
    private func words(_ text: Substring, line: Int) throws -> [String] {
        var result: [String] = []
        var word = ""
        var inWord = false, quoted = false, escaped = false
        for character in text {
            if escaped {
                word.append(character); escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle(); inWord = true
            } else if !quoted && (character == " " || character == "\t") {
                if inWord { result.append(word); word = ""; inWord = false }
            } else {
                word.append(character); inWord = true
            }
        }
        if quoted { throw error(line, "unterminated quoted value") }
        if inWord { result.append(word) }
        return result
    }

    private func firstColonOutsideQuotes(_ text: Substring) -> Substring.Index? {
        var quoted = false
        for index in text.indices {
            if text[index] == "\"" { quoted.toggle() }
            if text[index] == ":" && !quoted { return index }
        }
        return nil
    }

    private func checkSingleValues(_ entries: [Manifest.Entry]) throws {
        for entry in entries where entry.key.isSingleValued && entry.values.count != 1 {
            throw error(entry.line, "'\(entry.key.rawValue)' takes exactly one value, not \(entry.values.count)")
        }
    }

    private func error(_ line: Int, _ message: String) -> BuildError {
        BuildError(file: file, line: line, message)
    }
}

extension Substring {
    func trimmingBlanks() -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isBlank($0) }) else { return self[endIndex...] }
        let end = lastIndex(where: { !isBlank($0) }) ?? start
        return self[start...end]
    }
}
