/// What each mode reads before its step (conf.c's `main`, confdata.c's
/// `conf_read`). Warnings print as `conf_warning` does; with
/// `KCONFIG_WERROR` any of them stops the run.
extension ConfSession {
    func readInput(_ kconfig: Kconfig) throws(ConfExit) {
        var warnings: [Diagnostic] = []
        switch mode {
        case .defconfig(let file):
            guard let text = settings.fileReader.read(file) else {
                console.printError(ConfMessages.missingDefconfig(file))
                throw ConfExit()
            }
            isChanged = false
            warnings = read(text, named: file, into: kconfig, options)
        case _ where mode.readsCurrentConfig:
            warnings = readCurrentConfig(into: kconfig, options)
        case _ where mode.allConfigFileName != nil:
            warnings = try readAllConfig(into: kconfig, options)
        default: break
        }
        self.warnings = warnings
        if settings.warningsAreErrors && !warnings.isEmpty { throw ConfExit() }
    }

    /// `conf_read`: the lines (their warnings printed, as Linux prints them
    /// while reading), then every value computed and stale ones dropped.
    private func read(_ text: String, named name: String, into kconfig: Kconfig, _ options: ConfigReadOptions) -> [Diagnostic] {
        let reader = readLines(text, named: name, into: kconfig, options)
        let result = kconfig.settleReadValues(reader)
        // Linux's conf_read computes every value, which drops the answers
        // of choices with new members; later recomputations see that.
        kconfig.forgetUnansweredChoices()
        isChanged = isChanged || result.isChanged
        return result.warnings
    }

    /// `conf_read(NULL)`: `.config`, else the first of `KCONFIG_DEFCONFIG_LIST`.
    private func readCurrentConfig(into kconfig: Kconfig, _ options: ConfigReadOptions) -> [Diagnostic] {
        isChanged = false
        if let text = settings.fileReader.read(settings.configPath) {
            return read(text, named: settings.configPath, into: kconfig, options)
        }
        isChanged = true
        let candidates = (settings.defconfigList ?? "").utf8.split { $0 == 0x20 || (0x09...0x0d).contains($0) }
        for name in candidates.map({ String(decoding: $0, as: UTF8.self) }) {
            guard let text = settings.fileReader.read(name) else { continue }
            note("using defaults found in \(name)")
            return read(text, named: name, into: kconfig, options)
        }
        return []
    }

    /// `KCONFIG_ALLCONFIG`: values the all*config modes keep, read as they are.
    private func readAllConfig(into kconfig: Kconfig, _ options: ConfigReadOptions) throws(ConfExit) -> [Diagnostic] {
        guard let name = settings.allConfig, let defaultName = mode.allConfigFileName else { return [] }
        if !name.isEmpty && name != "1" {
            guard let text = settings.fileReader.read(name) else {
                console.printError(ConfMessages.unreadableAllConfig(name))
                throw ConfExit()
            }
            return readLines(text, named: name, into: kconfig, options).warnings
        }
        for candidate in [defaultName, "all.config"] {
            if let text = settings.fileReader.read(candidate) {
                return readLines(text, named: candidate, into: kconfig, options).warnings
            }
        }
        console.printError(ConfMessages.missingAllConfig(defaultName))
        throw ConfExit()
    }

    /// `conf_read_simple`: user values from the lines; warnings printed.
    private func readLines(_ text: String, named name: String, into kconfig: Kconfig,
                           _ options: ConfigReadOptions) -> ConfigReader {
        let reader = kconfig.readConfigValues(text: text, fileName: name, options: options)
        reader.warnings.forEach { console.printError(ConfMessages.warning($0)) }
        return reader
    }
}
