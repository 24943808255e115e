import SystemSupport

/// What each mode writes (conf.c's `main` after the step; confdata.c's
/// `conf_write`, `conf_write_defconfig`, `conf_write_autoconf`).
extension ConfSession {
    func writeOutput(_ kconfig: Kconfig, writesConfig: Bool) throws(ConfExit) {
        switch mode {
        case .listnewconfig, .helpnewconfig: return
        case .savedefconfig(let file):
            do {
                try FileSystem.write(Array(kconfig.minimalConfigText().utf8), to: settings.resolve(file))
            } catch {
                console.printError(ConfMessages.savedefconfigFailed(file))
                throw ConfExit()
            }
        default:
            if writesConfig && !writeConfig(kconfig) {
                console.printError(ConfMessages.writeFailed)
                throw ConfExit()
            }
            try writeAutoConfig(kconfig)
        }
    }

    /// `conf_write`: `.config` via a temporary file, the previous one kept
    /// as `.config.old`; left alone when its bytes would not change.
    private func writeConfig(_ kconfig: Kconfig) -> Bool {
        let name = settings.configPath, path = settings.resolve(name)
        guard !path.isEmpty else {
            console.printError("config name is empty\n")
            return false
        }
        guard !FileSystem.isDirectory(path) else {
            console.printError("\(name): Is a directory\n")
            return false
        }
        // Linux recomputes every value when nothing changed since reading.
        if !isChanged && kconfig.evaluation.generation == readGeneration { kconfig.invalidateValues() }
        do {
            let bytes = Array(kconfig.configText().utf8)
            if settings.overwritesConfig {
                try FileSystem.createDirectories(Path.directory(of: path))
                try FileSystem.write(bytes, to: path)
            } else if try !FileSystem.writeIfChanged(bytes, to: path, keepOld: true) {
                note("No change to \(name)")
                return true
            }
        } catch {
            return false
        }
        note("configuration written to \(name)")
        return true
    }

    /// `conf_write_autoconf`: always for `syncconfig`, else only when
    /// `auto.conf` is missing (and the settings allow it).
    private func writeAutoConfig(_ kconfig: Kconfig) throws(ConfExit) {
        let sync = mode == .syncconfig
        let missing = !FileSystem.exists(settings.resolve(settings.autoConfigPaths.autoConfig))
        guard sync || (settings.createsMissingAutoConfig && missing) else { return }
        let writer = AutoConfigWriter(kconfig: kconfig, settings: settings, console: console)
        if !writer.write() && sync {
            console.printError(ConfMessages.syncFailed)
            throw ConfExit()
        }
    }
}
