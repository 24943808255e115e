/// The files Kbuild reads during a build, byte for byte as Linux 6.1's
/// `conf_write_autoconf` writes them (confdata.c). Each lists the symbols
/// `.config` would write, in Linux's hash order; `n` is left out.
///
/// | file (default path)             | heading | `y` / `m`                     | int, hex, string |
/// |---------------------------------|---------|-------------------------------|------------------|
/// | `include/config/auto.conf`      | `#` lines | `CONFIG_X=y` / `=m`         | `CONFIG_X=value` (strings without quotes or escapes) |
/// | `include/generated/autoconf.h`  | `/* */` | see `HeaderWriter`            | see `HeaderWriter` |
/// | `include/generated/rustc_cfg`   | none    | `--cfg=CONFIG_X` then `--cfg=CONFIG_X="y"` | `--cfg=CONFIG_X="value"` (hex with `0x`; `"`, `\` escaped) |
///
/// Beside them, `include/config/auto.conf.cmd` is a make fragment: `auto.conf`
/// depends on every Kconfig file read (newest first, as Linux lists them),
/// and is out of date when an environment variable the macros read changes.
extension Kconfig {
    /// The bytes of `include/config/auto.conf.cmd`, for `auto.conf` at `autoConfigName`.
    public func autoConfigCommandText(autoConfigName: String) -> String {
        var seen: Set<String> = []
        let files = sourceFiles.filter { seen.insert($0).inserted }.reversed()
        var text = "deps_config := \\\n" + files.map { "\t\($0) \\\n" }.joined()
        text += "\n\(autoConfigName): $(deps_config)\n\n"
        for (name, value) in environmentReferences {
            text += "ifneq \"$(\(name))\" \"\(value)\"\n\(autoConfigName): FORCE\nendif\n"
        }
        return text + "\n$(deps_config): ;\n"
    }

    /// The bytes of `include/config/auto.conf` for the current values.
    public func autoConfigText() -> String {
        var text = "#\n# Automatically generated file; DO NOT EDIT.\n# \(mainMenuTitle)\n#\n"
        for symbol in writtenSymbolsInLinuxOrder where symbol.tristateValue != .no || !symbol.type.isBoolOrTristate {
            text += "CONFIG_\(symbol.name)=\(symbol.value)\n"
        }
        return text
    }

    /// The bytes of `include/generated/rustc_cfg` for the current values.
    public func rustcConfigText() -> String {
        var text = ""
        for symbol in writtenSymbolsInLinuxOrder {
            var value = symbol.value
            switch symbol.type {
            case .bool, .tristate:
                guard value != "n" else { continue }
                text += "--cfg=CONFIG_\(symbol.name)\n"
            case .hex where !Symbol.hasHexPrefix(value.utf8): value = "0x" + value
            default: break
            }
            text += "--cfg=CONFIG_\(symbol.name)=\(Symbol.quoted(value))\n"
        }
        return text
    }

    /// Named symbols `.config` lists, in Linux's hash order.
    var writtenSymbolsInLinuxOrder: [Symbol] {
        symbolsInLinuxOrder.filter { $0.isWritten && !$0.name.isEmpty && $0.type != .unknown }
    }
}
