import ArgumentParser

struct Oldconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Update .config, asking about each new option on standard input.",
        discussion: "Like Linux's `make oldconfig`; answers may come from a pipe (`yes '' | unikit oldconfig` takes every default).")

    func run() throws {
        try AppContext().runConfigMode(.oldconfig)
    }
}
