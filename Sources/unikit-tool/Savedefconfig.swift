import ArgumentParser

struct Savedefconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the smallest defconfig that gives .config back.",
        discussion: """
            Like Linux's `make savedefconfig`: options at their defaults are left out.             FILE is required (Linux writes `defconfig`, which here is the app's own).
            """)

    @Argument(help: "The file to write, e.g. defconfig.")
    var file: String

    func run() throws {
        try AppContext().runConfigMode(.savedefconfig(file: file))
    }
}
