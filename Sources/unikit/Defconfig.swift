import ArgumentParser
import BuildEngine
import KconfigKit
import SystemSupport

struct Defconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write .config from the defaults and a defconfig file.",
        discussion: """
            Like Linux's `make defconfig`: every option takes its default, then \
            the values FILE sets (default: the app's `defconfig`, if it has one).
            """)

    @Argument(help: "The defconfig file (default: ./defconfig if present).")
    var file: String?

    func run() throws {
        let context = try AppContext()
        let kconfig = try context.loadKconfig()
        let defconfig = file ?? (FileSystem.isRegularFile(context.workspace.defconfigPath) ? context.workspace.defconfigPath : nil)
        try kconfig.run(.defconfig(file: defconfig), configPath: context.workspace.configPath).forEach(printWarning)
        print("configuration written to .config")
    }
}
