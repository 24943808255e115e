import SystemSupport
/// Reading `.config`, after Linux 6.1's `conf_read` (confdata.c).
///
/// | line                         | effect                                            |
/// |------------------------------|---------------------------------------------------|
/// | `CONFIG_X=y` / `m` / `n`     | user value of bool/tristate X (first letter counts) |
/// | `CONFIG_X="text"`            | user value of string X (`\"` and `\\` unescaped)    |
/// | `CONFIG_X=123`, `CONFIG_X=0x1f` | user value of int/hex X, if valid for its type  |
/// | `# CONFIG_X is not set`      | X = `n`                                           |
/// | `CONFIG_X` without `=`, other `#` lines | ignored                                |
/// | anything else non-empty      | warning `unexpected data`                         |
///
/// Unknown symbols and invalid values give a warning naming the file and
/// line, and only that line is ignored. Unlike Linux, which reports unknown
/// symbols only with `KCONFIG_WARN_UNKNOWN_SYMBOLS` set and skips a string
/// value without quotes silently, both always warn here. After reading,
/// out-of-range int/hex values are dropped, and user values of invisible
/// symbols are forgotten when the file matched the tree exactly, as in Linux.
extension Kconfig {
    /// Replaces all user values by those in the file.
    /// - Throws: `KconfigError` when the file cannot be read.
    /// - Returns: warnings about lines that were ignored.
    @discardableResult
    public func loadConfig(path: String) throws -> [Diagnostic] {
        switch FileSystem.read(path) {
        case .success(let bytes): return loadConfig(text: String(decoding: bytes, as: UTF8.self), fileName: path)
        case .failure(let errno): throw KconfigError(file: path, line: 0, "can't read configuration: \(errno)")
        }
    }

    /// Replaces all user values by those in `text`, a `.config` called `fileName` in warnings.
    @discardableResult
    public func loadConfig(text: String, fileName: String) -> [Diagnostic] {
        for symbol in allChoicesAndSymbols {
            symbol.clearUserValue()
            // Linux marks every choice as answered; members then say how.
            if symbol.isChoice { symbol.user.isSet = true }
        }
        var reader = ConfigReader(kconfig: self, fileName: fileName)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            reader.read(Substring(line), lineNumber: index + 1)
        }
        invalidateValues()
        forgetStaleUserValues()
        invalidateValues()
        return reader.warnings
    }

    /// The end of Linux's `conf_read`: drops out-of-range values, and user
    /// values of invisible symbols when nothing in the file was stale.
    private func forgetStaleUserValues() {
        let ordered = symbolsInLinuxOrder + choices
        var unsaved = ordered.filter(\.isUnsaved).count
        for symbol in ordered where symbol.user.isSet && symbol.choice == nil {
            if symbol.cache.visibility == .no && unsaved == 0 { symbol.user.isSet = false }
            guard [.int, .hex, .string].contains(symbol.type) else { continue }
            if !symbol.stringWithinRange(symbol.user.string ?? "") {
                symbol.user.isSet = false
                unsaved += 1
            }
        }
    }
}

extension Symbol {
    /// Whether the file's value differs from what will be written (Linux's `conf_unsaved`).
    fileprivate var isUnsaved: Bool {
        calculate()
        guard !isChoice else { return false }
        if user.isSet && cache.write {
            return type.isBoolOrTristate ? user.tristate != cache.tristate : user.string != cache.string
        }
        return user.isSet || cache.write
    }
}

/// Applies `.config` lines one at a time (Linux's `conf_read_simple`).
private struct ConfigReader {
    let kconfig: Kconfig
    let fileName: String
    var warnings: [Diagnostic] = []
    private var lineNumber = 0

    init(kconfig: Kconfig, fileName: String) {
        self.kconfig = kconfig
        self.fileName = fileName
    }

    mutating func read(_ line: Substring, lineNumber: Int) {
        self.lineNumber = lineNumber
        guard let (name, value) = assignment(in: line) else { return }
        guard let symbol = kconfig.findAny(name), symbol.isDefined else {
            return warn("unknown symbol: \(name)")
        }
        if symbol.user.isSet { warn("override: reassigning to symbol \(name)") }
        guard setValue(value, of: symbol) else { return }
        if let choice = symbol.choice { updateChoice(choice, for: symbol) }
    }

    /// The name and value a line assigns, or nil for a line without assignment.
    private mutating func assignment(in line: Substring) -> (String, Substring)? {
        if line.hasPrefix("# CONFIG_") {
            let rest = line.dropFirst("# CONFIG_".count)
            guard let space = rest.firstIndex(of: " "), rest[space...].dropFirst().hasPrefix("is not set") else {
                return nil
            }
            return (String(rest[..<space]), "n")
        }
        if line.hasPrefix("#") { return nil }
        if line.hasPrefix("CONFIG_") {
            let rest = line.dropFirst("CONFIG_".count)
            guard let equal = rest.firstIndex(of: "=") else { return nil }
            var value = rest[rest.index(after: equal)...]
            if value.hasSuffix("\r") { value = value.dropLast() }
            return (String(rest[..<equal]), value)
        }
        if !line.isEmpty && !line.hasPrefix("\r") {
            warn("unexpected data: \(line.prefix { $0 != "\r" })")
        }
        return nil
    }

    /// Linux's `conf_set_sym_val`; false (after a warning) when the value is invalid.
    private mutating func setValue(_ value: Substring, of symbol: Symbol) -> Bool {
        var text = String(value)
        if symbol.type.isBoolOrTristate {
            guard let tristate = Tristate(configSpelling: value, allowModule: symbol.type == .tristate) else {
                warn("symbol value '\(value)' invalid for \(symbol.name)")
                return false
            }
            symbol.user.tristate = tristate
        } else {
            if symbol.type == .string {
                guard value.first == "\"" else {
                    warn("symbol value '\(value)' invalid for \(symbol.name)")
                    return false
                }
                guard let unescaped = Self.unescape(value.dropFirst()) else {
                    warn("invalid string found")
                    return false
                }
                text = unescaped
            }
            guard symbol.isValidValue(text) else {
                warn("symbol value '\(value)' invalid for \(symbol.name)")
                return false
            }
            symbol.user.string = text
        }
        symbol.user.isSet = true
        return true
    }

    /// The text up to the closing quote, with `\x` read as `x`; nil without a closing quote.
    private static func unescape(_ quoted: Substring) -> String? {
        var text = ""
        var escaped = false
        for character in quoted {
            if escaped {
                text.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return text
            } else {
                text.append(character)
            }
        }
        return nil
    }

    private mutating func updateChoice(_ choice: Symbol, for member: Symbol) {
        switch member.user.tristate {
        case .no: break
        case .module:
            if choice.user.tristate == .yes {
                warn("\(member.name) creates inconsistent choice state")
                choice.user.isSet = false
            }
        case .yes:
            if choice.user.tristate != .no { warn("override: \(member.name) changes choice state") }
            choice.user.selection = member
        }
        choice.user.tristate = choice.user.tristate.or(member.user.tristate)
    }

    private mutating func warn(_ message: String) {
        warnings.append(Diagnostic(severity: .warning, file: fileName, line: lineNumber, message: message))
    }
}

extension Tristate {
    /// A `.config` value: only the first letter counts; `m` only for tristates.
    init?(configSpelling value: Substring, allowModule: Bool) {
        switch value.first {
        case "y": self = .yes
        case "n": self = .no
        case "m" where allowModule: self = .module
        default: return nil
        }
    }
}
