import Glibc
import SystemPackage
import SystemSupport

/// Where `conf_write_autoconf` writes (each `KCONFIG_*` variable overrides
/// its default, relative to the current folder).
public struct AutoConfigPaths: Sendable {
    /// `KCONFIG_AUTOCONFIG`; the per-symbol stamp files go into its folder.
    public var autoConfig = "include/config/auto.conf"
    /// `KCONFIG_AUTOHEADER`.
    public var header = "include/generated/autoconf.h"
    /// `KCONFIG_RUSTCCFG`.
    public var rustcConfig = "include/generated/rustc_cfg"

    public init() {}
}

/// Linux 6.1's `conf_write_autoconf` (confdata.c): what Kbuild needs to build.
///
/// | step | file |
/// |------|------|
/// | 0 | `auto.conf.cmd` (see `Kconfig.autoConfigCommandText`) |
/// | 1 | for each symbol whose `auto.conf` value changes (or that the old `auto.conf` names but the tree no longer defines), an empty stamp file named after it beside `auto.conf` (`include/config/FOO`), so that files using `CONFIG_FOO` rebuild |
/// | 2 | `autoconf.h`, `rustc_cfg`, then `auto.conf` last (Kbuild takes it as the mark of success), each via `NAME.tmp` and a rename |
struct AutoConfigWriter {
    let kconfig: Kconfig
    /// The paths, and the build folder they start from.
    let settings: ConfSettings
    let console: ConfConsole

    private var paths: AutoConfigPaths { settings.autoConfigPaths }

    /// Writes the files; false after a failure, which is printed as `conf` does.
    func write() -> Bool {
        let command = kconfig.autoConfigCommandText(autoConfigName: paths.autoConfig)
        guard replace(settings.resolve(paths.autoConfig + ".cmd"), with: command),
              touchChangedSymbols() else { return false }
        let files = [(paths.header, kconfig.headerText()), (paths.rustcConfig, kconfig.rustcConfigText()),
                     (paths.autoConfig, kconfig.autoConfigText())]
        return files.allSatisfy { replace(settings.resolve($0.0), with: $0.1) }
    }

    /// Linux's `conf_touch_deps`.
    private func touchChangedSymbols() -> Bool {
        var old = OldAutoConfig()
        // Read as conf reads it: also under srctree.
        if let text = settings.fileReader.read(paths.autoConfig) {
            old = OldAutoConfig(kconfig: kconfig, text: text, fileName: paths.autoConfig)
            old.warnings.forEach { console.printError(ConfMessages.warning($0)) }
            kconfig.invalidateValues()
        }
        let autoConfig = settings.resolve(paths.autoConfig)
        let prefix = autoConfig.contains("/") ? Path.directory(of: autoConfig) + "/" : ""
        // Linux computes every symbol and choice here, in its hash order.
        let ordered = kconfig.symbolsAndChoicesInLinuxOrder
        ordered.forEach { $0.calculate() }
        let names = old.unknownNames + ordered.filter { !$0.isChoice && old.hasChanged($0) }.map(\.name)
        return names.allSatisfy { (try? FileSystem.write([], to: prefix + $0)) != nil }
    }

    /// Writes `NAME.tmp` and renames it to `NAME`; failures print as `perror`.
    private func replace(_ path: String, with text: String) -> Bool {
        guard (try? FileSystem.createDirectories(Path.directory(of: path))) != nil else { return false }
        let temporary = path + ".tmp"
        do {
            try FileSystem.write(Array(text.utf8), to: temporary)
        } catch {
            console.printError("fopen: \(ConfMessages.describe(error))\n")
            return false
        }
        guard rename(temporary, path) == 0 else {
            console.printError("rename: \(ConfMessages.describe(Errno(rawValue: errno)))\n")
            return false
        }
        return true
    }
}

/// The previous `auto.conf`, read as Linux's `conf_read_simple` into
/// `S_DEF_AUTO`: raw values (strings unquoted), invalid ones ignored silently.
struct OldAutoConfig {
    private var values: [ObjectIdentifier: String] = [:]
    /// Names the file sets that the tree does not know, in file order.
    private(set) var unknownNames: [String] = []
    private(set) var warnings: [Diagnostic] = []

    init() {}

    init(kconfig: Kconfig, text: String, fileName: String) {
        for (number, line) in ConfigLine.numberedLines(of: text) {
            switch ConfigLine(line) {
            case nil: continue
            case .unexpected(let data):
                warnings.append(Diagnostic(severity: .warning, file: fileName, line: number, message: "unexpected data: \(data)"))
            case .assignment(let name, let value):
                guard let symbol = kconfig.findAny(name) else {
                    unknownNames.append(name)
                    continue
                }
                if values[ObjectIdentifier(symbol)] != nil {
                    warnings.append(Diagnostic(severity: .warning, file: fileName, line: number,
                                               message: "override: reassigning to symbol \(name)"))
                }
                if let accepted = symbol.acceptedAutoValue(value) { values[ObjectIdentifier(symbol)] = accepted }
            }
        }
    }

    /// Whether a symbol's `auto.conf` line changes (`n` has none).
    func hasChanged(_ symbol: Symbol) -> Bool {
        guard !symbol.name.isEmpty else { return false }
        let old = values[ObjectIdentifier(symbol)]
        guard symbol.isWritten else { return old != nil }
        guard let old else { return !(symbol.type.isBoolOrTristate && symbol.tristateValue == .no) }
        return old != symbol.value
    }
}

extension Symbol {
    /// The value an `auto.conf` line gives, as Linux keeps it; nil when refused.
    fileprivate func acceptedAutoValue(_ value: Substring) -> String? {
        switch type {
        case .bool, .tristate:
            return Tristate(configSpelling: value, allowModule: type == .tristate)?.description
        case .string: return String(value)
        case .int, .hex: return isValidValue(String(value)) ? String(value) : nil
        case .unknown: return nil
        }
    }
}
