import ArgumentParser
import Glibc
import KconfigKit
import Menuconfig
import SystemPackage

/// `unikit menuconfig`: the full-screen configuration UI, in an app folder,
/// or with `--kconfig PATH` on any tree exactly where `unikit config` works.
struct MenuconfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "menuconfig",
        abstract: "Change the configuration in a full-screen menu, like Linux's `make menuconfig`.",
        discussion: """
            In an application folder it edits the app's .config. With --kconfig it \
            works on any Kconfig tree as Linux's mconf does in a build folder \
            (KCONFIG_CONFIG, srctree and the other variables as for `unikit config`). \
            Set NO_COLOR for a display without colours. Needs a terminal; without \
            one use `unikit olddefconfig`, `unikit defconfig` or `unikit config MODE`.
            """)

    @Option(name: .customLong("kconfig"), help: "The root Kconfig file of any tree (default: the app folder's).")
    var kconfigFile: String?

    func run() throws {
        guard isatty(0) == 1 && isatty(1) == 1 else {
            throw ValidationError("""
                menuconfig needs a terminal on standard input and output; for a \
                non-interactive configuration use `unikit olddefconfig`, `unikit defconfig` \
                or `unikit config MODE --kconfig PATH`
                """)
        }
        let environment = AppContext.processEnvironment()
        let config = try kconfigFile.map { try Self.openTree($0, environment: environment) } ?? Self.openApp()
        config.takeMessages().forEach(printWarning)
        let terminal = CursesTerminal(colors: environment["NO_COLOR"].map(\.isEmpty) ?? true)
        let outcome = Session(config: config).run(on: terminal)
        terminal.close()
        switch outcome {
        case .saved, .unchanged:
            print("\n*** End of the configuration (\(config.configName)).\n")
        case .discarded:
            printWarning("\nYour configuration changes were NOT saved.\n")
        }
    }

    /// The app's tree and `.config`, with the settings of `unikit olddefconfig`.
    private static func openApp() throws -> InteractiveConfig {
        let app = try AppContext()
        return InteractiveConfig(kconfig: try app.loadKconfig(), settings: app.confSettings)
    }

    /// Any tree, in the current folder, as `unikit config` reads it.
    private static func openTree(_ kconfigFile: String, environment: [String: String]) throws -> InteractiveConfig {
        var settings = ConfSettings(environment: environment)
        settings.keepsTreeAtExit = true
        if let history = Config.shellHistoryFolder(environment) { settings.shell = .useHistory(folder: history) }
        let console = StandardConsole()
        defer { console.flush() }
        guard let kconfig = Conf.parse(kconfigFile, environment: environment, settings: settings, console: console) else {
            throw ExitCode.failure
        }
        return InteractiveConfig(kconfig: kconfig, settings: settings)
    }
}
