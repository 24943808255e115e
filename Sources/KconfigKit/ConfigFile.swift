import SystemSupport
/// Reading `.config`, after Linux 6.1's `conf_read` (confdata.c): the lines
/// as `ConfigLine` and `ConfigReader` describe them, then a check of the
/// values against the tree.
///
/// | value in the file                | effect                                      |
/// |----------------------------------|---------------------------------------------|
/// | `CONFIG_X=y` / `m` / `n`         | user value of bool/tristate X (first letter counts) |
/// | `CONFIG_X="text"`                | user value of string X (`\"` and `\\` unescaped) |
/// | `CONFIG_X=123`, `CONFIG_X=0x1f`  | user value of int/hex X, if valid for its type |
/// | `# CONFIG_X is not set`          | X = `n`                                     |
/// | int/hex outside the active range | dropped (X becomes new)                     |
/// | any value of an invisible symbol | dropped when the file matched the tree exactly |
///
/// Invalid values give a warning naming the file and line, and only that
/// line is ignored. With `ConfigReadOptions.unikit` (the default) unknown
/// symbols and unquoted strings warn too; Linux reports unknown symbols
/// only with `KCONFIG_WARN_UNKNOWN_SYMBOLS` set and skips an unquoted string
/// silently (`ConfigReadOptions.linux`).
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
        readConfig(text: text, fileName: fileName, options: .unikit).warnings
    }

    /// Linux's `conf_read`: replaces all user values by those in `text`, then
    /// drops the stale ones.
    public func readConfig(text: String, fileName: String, options: ConfigReadOptions) -> ConfigReadResult {
        settleReadValues(readConfigValues(text: text, fileName: fileName, options: options))
    }

    /// The second half of `conf_read`, after the lines: computes every value
    /// and drops the stale user values.
    func settleReadValues(_ reader: ConfigReader) -> ConfigReadResult {
        invalidateValues()
        let unsaved = forgetStaleUserValues()
        let changed = !reader.warnings.isEmpty || unsaved > 0 || reader.sawUnknownSymbol
        return ConfigReadResult(warnings: reader.warnings, isChanged: changed)
    }

    /// Linux's `conf_read_simple`: replaces all user values by those in
    /// `text`, keeping even values the tree would refuse (as
    /// `KCONFIG_ALLCONFIG` files are read).
    func readConfigValues(text: String, fileName: String, options: ConfigReadOptions) -> ConfigReader {
        for symbol in allChoicesAndSymbols {
            symbol.clearUserValue()
            // Linux marks every choice as answered; members then say how.
            if symbol.isChoice { symbol.user.isSet = true }
        }
        var reader = ConfigReader(kconfig: self, fileName: fileName, options: options)
        for (number, line) in ConfigLine.numberedLines(of: text) {
            reader.read(line, lineNumber: number)
        }
        // Like Linux, forget the values without computing any yet.
        allChoicesAndSymbols.forEach { $0.invalidate() }
        return reader
    }

    /// The end of Linux's `conf_read`: computes every value, then drops
    /// out-of-range values, and user values of invisible symbols when nothing
    /// in the file was stale. As in Linux, the values stay computed; only the
    /// symbols whose out-of-range value was dropped are computed again.
    /// - Returns: how many values differ from what will be written (`conf_unsaved`).
    private func forgetStaleUserValues() -> Int {
        let ordered = symbolsAndChoicesInLinuxOrder
        var unsaved = ordered.filter(\.isUnsaved).count
        for symbol in ordered where symbol.user.isSet && symbol.choice == nil {
            if symbol.cache.visibility == .no && unsaved == 0 { symbol.user.isSet = false }
            guard [.int, .hex, .string].contains(symbol.type) else { continue }
            if !symbol.stringWithinRange(symbol.user.string ?? "") {
                symbol.user.isSet = false
                symbol.invalidate()
                unsaved += 1
            }
        }
        return unsaved
    }
}

/// What reading a `.config` found.
public struct ConfigReadResult: Sendable {
    /// Lines that were ignored, and why.
    public var warnings: [Diagnostic]
    /// Whether writing the values back would change the file (Linux's
    /// `conf_get_changed()` after `conf_read`): a warning, an unknown symbol,
    /// or a value that is new, stale or differs from what would be written.
    public var isChanged: Bool
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
