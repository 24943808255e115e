import SystemSupport
/// The C header, byte for byte as Linux 6.1's `include/generated/autoconf.h`
/// (`conf_write_autoconf` with `print_symbol_for_c`).
///
/// | value                | line                                   |
/// |----------------------|----------------------------------------|
/// | bool/tristate `y`    | `#define CONFIG_X 1`                   |
/// | tristate `m`         | `#define CONFIG_X_MODULE 1`            |
/// | `n`                  | nothing                                |
/// | int                  | `#define CONFIG_X 123`                 |
/// | hex                  | `#define CONFIG_X 0x1f` (`0x` added if missing) |
/// | string               | `#define CONFIG_X "text"` (`"`, `\` escaped) |
///
/// Only symbols that `.config` would list are written, in Linux's symbol
/// hash-table order (so the bytes match Linux's).
extension Kconfig {
    /// The bytes of the C header for the current values.
    public func headerText() -> String {
        var text = "/*\n * Automatically generated file; DO NOT EDIT.\n * \(mainMenuTitle)\n */\n"
        for symbol in symbolsInLinuxOrder where symbol.isWritten && !symbol.name.isEmpty {
            symbol.appendHeaderLine(to: &text)
        }
        return text
    }

    /// Writes the header atomically, only when its bytes change (so that
    /// files including it are not rebuilt for nothing).
    public func writeHeader(path: String) throws {
        do {
            try FileSystem.writeIfChanged(headerText(), to: path)
        } catch {
            throw KconfigError(file: path, line: 0, "can't write header: \(error)")
        }
    }
}

extension Symbol {
    /// Appends the `#define` of the symbol, if one is due.
    func appendHeaderLine(to text: inout String) {
        let value = self.value
        switch type {
        case .unknown: return
        case .bool, .tristate:
            switch value {
            case "y": text += "#define CONFIG_"; text += name; text += " 1\n"
            case "m": text += "#define CONFIG_"; text += name; text += "_MODULE 1\n"
            default: return
            }
        case .hex:
            text += "#define CONFIG_"; text += name
            text += Self.hasHexPrefix(value.utf8) ? " " : " 0x"; text += value; text += "\n"
        case .string: text += "#define CONFIG_"; text += name; text += " "; Self.appendQuoted(value, to: &text); text += "\n"
        case .int: text += "#define CONFIG_"; text += name; text += " "; text += value; text += "\n"
        }
    }
}
