import ArgumentParser

struct Listnewconfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the options .config does not set yet, with the values they would get.",
        discussion: "Like Linux's `make listnewconfig`.")

    func run() throws {
        try AppContext().runConfigMode(.listnewconfig)
    }
}
