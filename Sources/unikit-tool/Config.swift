import ArgumentParser
import KconfigKit

/// `unikit config MODE [FILE] --kconfig PATH`: Linux's `conf --MODE[=FILE] PATH`.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Kconfig mode exactly as Linux's scripts/kconfig/conf does.",
        discussion: """
            Works in the current folder as conf does in Linux's build folder: it reads \
            and writes .config (KCONFIG_CONFIG), creates include/config/auto.conf and \
            include/generated/autoconf.h when missing (always for syncconfig), and \
            reads srctree, KCONFIG_ALLCONFIG, KCONFIG_SEED, KCONFIG_PROBABILITY and the \
            other KCONFIG_* variables as conf does. The root Kconfig is PATH, else \
            $srctree/PATH. Modes: \(ConfigMode.names.joined(separator: ", ")).

            Beyond conf: each tree's $(shell,…) commands and results are recorded \
            in $XDG_CACHE_HOME/unikit (else ~/.cache/unikit). The next run reuses a \
            result while the command, the current folder, the environment and the \
            programs and files the command names are unchanged, and starts the other \
            commands at once, several at a time. Delete that folder to forget them.
            """)

    @Argument(help: "The mode, e.g. olddefconfig, defconfig, savedefconfig, allnoconfig, randconfig.")
    var mode: String

    @Argument(help: "For defconfig: the file to read; for savedefconfig: the file to write.")
    var file: String?

    @Option(name: .customLong("kconfig"), help: "The root Kconfig file.")
    var kconfigFile: String

    @Flag(name: .shortAndLong, help: "Do not print the 'configuration written' messages (conf -s).")
    var silent = false

    func validate() throws {
        guard ConfigMode.names.contains(mode) else {
            throw ValidationError("unknown mode '\(mode)' (modes: \(ConfigMode.names.joined(separator: ", ")))")
        }
        if ConfigMode.needsFile(mode) && file == nil { throw ValidationError("\(mode) needs a FILE") }
        if !ConfigMode.needsFile(mode) && file != nil { throw ValidationError("\(mode) takes no FILE") }
    }

    func run() throws {
        guard let mode = ConfigMode(name: mode, file: file) else { throw ValidationError("bad mode") }
        let environment = AppContext.processEnvironment()
        var settings = ConfSettings(environment: environment)
        settings.isSilent = silent
        settings.keepsTreeAtExit = true
        if let history = Self.shellHistoryFolder(environment) { settings.shell = .useHistory(folder: history) }
        let console = StandardConsole()
        let status = Conf.run(mode, kconfigFile: kconfigFile, environment: environment, settings: settings, console: console)
        console.flush()
        if status != 0 { throw ExitCode(status) }
    }

    /// Where each tree's `$(shell,…)` history is kept, so the next run can
    /// start the same commands ahead of need: `$XDG_CACHE_HOME/unikit`, else
    /// `~/.cache/unikit`; nil (no history) without either.
    static func shellHistoryFolder(_ environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/unikit" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/unikit" }
        return nil
    }
}
