import ArgumentParser

struct Allnoconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write .config with every option the user can switch off switched off.",
        discussion: "Like Linux's `make allnoconfig`; KCONFIG_ALLCONFIG=FILE keeps the values FILE sets.")

    func run() throws {
        try AppContext().runConfigMode(.allnoconfig)
    }
}
