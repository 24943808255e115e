import ArgumentParser
import BuildEngine
import SystemSupport

struct Defconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write .config from the defaults and a defconfig file.",
        discussion: """
            Like Linux's `make defconfig`: every option takes its default, then \
            the values FILE sets (default: the app's `defconfig`; without one, as \
            `unikit alldefconfig`).
            """)

    @Argument(help: "The defconfig file (default: ./defconfig if present).")
    var file: String?

    func run() throws {
        let context = try AppContext()
        if let file = file ?? (FileSystem.isRegularFile(context.workspace.defconfigPath) ? "defconfig" : nil) {
            try context.runConfigMode(.defconfig(file: file))
        } else {
            try context.runConfigMode(.alldefconfig)
        }
    }
}
