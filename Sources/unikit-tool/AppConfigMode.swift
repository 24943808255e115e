import ArgumentParser
import KconfigKit

/// The app-folder configuration commands (`unikit defconfig`, `olddefconfig`,
/// `savedefconfig`, …): Linux's modes with unikit's defaults — the tree's
/// root `Kconfig` with `UK_APP`/`UK_NAME` set, the app's `.config`.
///
/// Unlike `unikit config`, they never create `include/config/auto.conf` or
/// `include/generated/autoconf.h` in the app folder: `unikit build` derives
/// each image's `unikit/config.h` from `.config` itself. `KCONFIG_CONFIG`,
/// `KCONFIG_AUTO*` and `srctree` are ignored (paths are relative to the app
/// folder); the other `KCONFIG_*` variables work as with `conf`. Every line
/// of `.config` or a defconfig that is ignored gets a warning (a name no
/// Kconfig file defines, an unquoted string), not only those Linux reports.
extension AppContext {
    /// Runs `mode` on the app's configuration; fails with conf's status.
    func runConfigMode(_ mode: ConfigMode) throws {
        let kconfig = try loadKconfig()
        let console = StandardConsole()
        let status = Conf.run(mode, on: kconfig, settings: confSettings, console: console)
        console.flush()
        if status != 0 { throw ExitCode(status) }
    }
}

extension AppContext {
    /// conf's settings for the app folder: its `.config`, no auto.conf.
    var confSettings: ConfSettings {
        var settings = ConfSettings(environment: environment)
        settings.directory = workspace.appFolder
        settings.configPath = ".config"
        settings.sourceTree = nil
        settings.createsMissingAutoConfig = false
        settings.warnsUnknownSymbols = true
        settings.warnsSilentlySkippedLines = true
        return settings
    }
}
