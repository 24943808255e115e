import ArgumentParser

struct Alldefconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write .config with every option at its default.",
        discussion: "Like Linux's `make alldefconfig`; KCONFIG_ALLCONFIG=FILE keeps the values FILE sets.")

    func run() throws {
        try AppContext().runConfigMode(.alldefconfig)
    }
}
