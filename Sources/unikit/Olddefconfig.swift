import ArgumentParser
import KconfigKit

struct Olddefconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Update .config: keep its values, give new options their defaults.",
        discussion: "Like Linux's `make olddefconfig`.")

    func run() throws {
        let context = try AppContext()
        let kconfig = try context.loadKconfig()
        try kconfig.run(.olddefconfig, configPath: context.workspace.configPath).forEach(printWarning)
        print("configuration written to .config")
    }
}
