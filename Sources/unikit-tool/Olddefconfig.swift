import ArgumentParser

struct Olddefconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Update .config: keep its values, give new options their defaults.",
        discussion: "Like Linux's `make olddefconfig`.")

    func run() throws {
        try AppContext().runConfigMode(.olddefconfig)
    }
}
