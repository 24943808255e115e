/// The lines of a `.config`-format file, after Linux 6.1's `conf_read_simple`
/// (confdata.c).
///
/// | line                                  | meaning                                   |
/// |---------------------------------------|-------------------------------------------|
/// | `CONFIG_X=value` (a trailing `\r` dropped) | assignment of `value` to X           |
/// | `# CONFIG_X is not set…`              | assignment of `n` to X                    |
/// | other `#` lines, `CONFIG_X` without `=` | nothing                                 |
/// | empty, or starting with `\r`          | nothing                                   |
/// | anything else                         | `unexpected data` (up to the first `\r`)  |
enum ConfigLine: Equatable {
    case assignment(name: String, value: Substring)
    case unexpected(Substring)

    /// What `line` (without its `\n`) says; nil for lines that say nothing.
    init?(_ line: Substring) {
        if line.hasPrefix("#") {
            guard line.hasPrefix("# CONFIG_") else { return nil }
            let rest = line.dropFirst("# CONFIG_".count)
            guard let space = rest.firstIndex(of: " "), rest[space...].dropFirst().hasPrefix("is not set") else {
                return nil
            }
            self = .assignment(name: String(rest[..<space]), value: "n")
        } else if line.hasPrefix("CONFIG_") {
            let rest = line.dropFirst("CONFIG_".count)
            guard let equal = rest.firstIndex(of: "=") else { return nil }
            var value = rest[rest.index(after: equal)...]
            if value.hasSuffix("\r") { value = value.dropLast() }
            self = .assignment(name: String(rest[..<equal]), value: value)
        } else if line.isEmpty || line.hasPrefix("\r") {
            return nil
        } else {
            self = .unexpected(line.prefix { $0 != "\r" })
        }
    }

    /// The lines of a file's text with their 1-based numbers; a last line
    /// without `\n` counts, an empty one after the last `\n` does not.
    static func numberedLines(of text: String) -> [(number: Int, line: Substring)] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") || text.isEmpty { lines.removeLast() }
        return lines.enumerated().map { ($0.offset + 1, $0.element) }
    }
}

/// Which warnings reading a `.config` gives beyond Linux's own.
public struct ConfigReadOptions: Sendable {
    /// Warn about names the tree does not know. Linux does only when
    /// `KCONFIG_WARN_UNKNOWN_SYMBOLS` is set.
    public var warnsUnknownSymbols: Bool
    /// Also warn about lines Linux skips silently: a string value without
    /// quotes, and a name the tree only refers to (never defines).
    public var warnsSilentlySkippedLines: Bool

    public init(warnsUnknownSymbols: Bool, warnsSilentlySkippedLines: Bool) {
        self.warnsUnknownSymbols = warnsUnknownSymbols
        self.warnsSilentlySkippedLines = warnsSilentlySkippedLines
    }

    /// unikit's default: every line that is ignored warns (an extension of Linux).
    public static let unikit = ConfigReadOptions(warnsUnknownSymbols: true, warnsSilentlySkippedLines: true)

    /// Exactly Linux's `conf` warnings.
    public static func linux(warnsUnknownSymbols: Bool) -> ConfigReadOptions {
        ConfigReadOptions(warnsUnknownSymbols: warnsUnknownSymbols, warnsSilentlySkippedLines: false)
    }
}

/// Applies `.config` lines to user values one at a time (Linux's
/// `conf_read_simple` into `S_DEF_USER`).
struct ConfigReader {
    let kconfig: Kconfig
    let fileName: String
    let options: ConfigReadOptions
    private(set) var warnings: [Diagnostic] = []
    /// A line named a symbol the tree does not know (Linux then marks the
    /// configuration as changed).
    private(set) var sawUnknownSymbol = false
    private var lineNumber = 0

    init(kconfig: Kconfig, fileName: String, options: ConfigReadOptions) {
        self.kconfig = kconfig
        self.fileName = fileName
        self.options = options
    }

    mutating func read(_ line: Substring, lineNumber: Int) {
        self.lineNumber = lineNumber
        switch ConfigLine(line) {
        case nil: return
        case .unexpected(let text): warn("unexpected data: \(text)")
        case .assignment(let name, let value): assign(value, to: name)
        }
    }

    private mutating func assign(_ value: Substring, to name: String) {
        guard let symbol = kconfig.findAny(name) else {
            sawUnknownSymbol = true
            if options.warnsUnknownSymbols { warn("unknown symbol: \(name)") }
            return
        }
        // Linux finds a name only referenced, of unknown type, and ignores the line.
        guard symbol.isDefined else {
            if options.warnsSilentlySkippedLines { warn("unknown symbol: \(name)") }
            return
        }
        if symbol.user.isSet { warn("override: reassigning to symbol \(name)") }
        guard setValue(value, of: symbol) else { return }
        if let choice = symbol.choice { updateChoice(choice, for: symbol) }
    }

    /// Linux's `conf_set_sym_val`; false when the line sets nothing.
    private mutating func setValue(_ value: Substring, of symbol: Symbol) -> Bool {
        if symbol.type.isBoolOrTristate {
            guard let tristate = Tristate(configSpelling: value, allowModule: symbol.type == .tristate) else {
                return invalid(value, symbol)
            }
            symbol.user.tristate = tristate
        } else {
            var text = String(value)
            if symbol.type == .string {
                guard value.first == "\"" else {
                    return options.warnsSilentlySkippedLines ? invalid(value, symbol) : false
                }
                guard let unescaped = Self.unescape(value.dropFirst()) else {
                    warn("invalid string found")
                    return false
                }
                text = unescaped
            }
            guard symbol.isValidValue(text) else { return invalid(value, symbol) }
            symbol.user.string = text
        }
        symbol.user.isSet = true
        return true
    }

    private mutating func invalid(_ value: Substring, _ symbol: Symbol) -> Bool {
        warn("symbol value '\(value)' invalid for \(symbol.name)")
        return false
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
