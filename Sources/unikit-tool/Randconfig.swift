import ArgumentParser

struct Randconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write .config with random values.",
        discussion: "Like Linux's `make randconfig`: KCONFIG_SEED makes it repeatable (the same seed gives Linux's bytes), KCONFIG_PROBABILITY sets the odds.")

    func run() throws {
        try AppContext().runConfigMode(.randconfig)
    }
}
