import SystemSupport
/// Writing `.config`, byte for byte as Linux 6.1's `conf_write` (confdata.c).
///
/// - Header: `#`, `# Automatically generated file; DO NOT EDIT.`, `# <mainmenu>`, `#`.
/// - The menu tree is walked in order. A visible menu or comment prints
///   `\n#\n# <prompt>\n#\n`; after a visible menu's entries comes
///   `# end of <prompt>`, and a blank line before the next symbol.
/// - A symbol is written once, at its first definition, when Linux's
///   SYMBOL_WRITE rule holds: it has a visible prompt, or a default or
///   `select`/`imply` gave it a value (for bool/tristate: a non-`n` one; see
///   `SymbolValue`). Choices themselves are never written, their members are.
/// - `n` is written `# CONFIG_X is not set`; strings are quoted with `"` and
///   `\` escaped by a backslash; other values as they are.
extension Kconfig {
    /// The bytes of `.config` for the current values.
    public func configText() -> String {
        var writer = ConfigWriter(symbolCount: symbolCount)
        writer.text = "#\n# Automatically generated file; DO NOT EDIT.\n# \(mainMenuTitle)\n#\n"
        rootMenu.children.forEach { writer.write($0) }
        return writer.text
    }

    /// Writes `.config` atomically; keeps the previous file as `path.old`, and
    /// leaves the file alone when its bytes would not change (as Linux does).
    public func writeConfig(path: String) throws {
        do {
            try FileSystem.writeIfChanged(configText(), to: path, keepOld: true)
        } catch {
            throw KconfigError(file: path, line: 0, "can't write configuration: \(error)")
        }
    }
}

private struct ConfigWriter {
    var text = ""

    init(symbolCount: Int) {
        written = Array(repeating: false, count: symbolCount)
    }

    /// By `creationIndex`: a symbol defined in several places is written once.
    private var written: [Bool]
    private var needsBlankLine = false

    mutating func write(_ node: MenuNode) {
        writeEntry(node)
        node.children.forEach { write($0) }
        if case .menu = node.kind, node.isVisible, let prompt = node.prompt {
            text += "# end of \(prompt.text)\n"
            needsBlankLine = true
        }
    }

    private mutating func writeEntry(_ node: MenuNode) {
        guard let symbol = node.symbol else {
            guard node.isVisible, let prompt = node.prompt else { return }
            text += "\n#\n# \(prompt.text)\n#\n"
            needsBlankLine = false
            return
        }
        guard !symbol.isChoice, symbol.isWritten, !written[symbol.creationIndex] else { return }
        written[symbol.creationIndex] = true
        if needsBlankLine {
            text += "\n"
            needsBlankLine = false
        }
        symbol.appendConfigLine(to: &text)
    }
}

extension Symbol {
    /// The `.config` line of the symbol (Linux's `print_symbol_for_dotconfig`).
    var configLine: String {
        var line = ""
        appendConfigLine(to: &line)
        return line
    }

    /// Appends the `.config` line; pieces are appended one by one, which is
    /// much cheaper than interpolating a new string per line.
    func appendConfigLine(to text: inout String) {
        let value = self.value
        switch type {
        case .unknown: return
        case .bool where value == "n", .tristate where value == "n":
            text += "# CONFIG_"; text += name; text += " is not set\n"
        case .string:
            text += "CONFIG_"; text += name; text += "="; Self.appendQuoted(value, to: &text); text += "\n"
        default:
            text += "CONFIG_"; text += name; text += "="; text += value; text += "\n"
        }
    }

    /// `"text"` with `"` and `\` escaped, as Linux's `escape_string_value`.
    static func quoted(_ text: String) -> String {
        var result = ""
        appendQuoted(text, to: &result)
        return result
    }

    static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        if value.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            for character in value {
                if character == "\"" || character == "\\" { text.append("\\") }
                text.append(character)
            }
        } else {
            text += value
        }
        text += "\""
    }
}
