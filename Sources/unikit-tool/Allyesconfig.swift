import ArgumentParser

struct Allyesconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write .config with every option the user can switch on switched on.",
        discussion: "Like Linux's `make allyesconfig`; KCONFIG_ALLCONFIG=FILE keeps the values FILE sets.")

    func run() throws {
        try AppContext().runConfigMode(.allyesconfig)
    }
}
