import Testing
@testable import KconfigKit

/// Bugs that fuzzing found (see `Fuzz/README.md`), each reproduced without
/// libFuzzer; the minimized inputs are also under `Fuzz/regressions/`.
struct FuzzFindingsTests {
    /// A failed initializer never runs `deinit`, which is what breaks the
    /// tree's reference cycles (nodes ↔ symbols ↔ expressions): every load
    /// that ended in a syntax error leaked the whole tree parsed so far.
    @Test func aFailedLoadLeavesNoReferenceCycles() {
        weak var symbol: Symbol?
        do {
            let table = SymbolTable()
            let root = MenuNode(kind: .menu, file: "Kconfig", line: 1)
            let parser = Parser(table: table, sources: SourceResolver(sourceTree: "",
                                                                      preprocessor: Preprocessor(environment: [:])))
            let text = "config A\n\tbool \"A\"\n\tdepends on B\n\tselect A\nconfig B\n\tbool \"$(X\n"
            #expect(throws: KconfigError.self) {
                try Kconfig.parseTree(parser, SourceFile(name: "Kconfig", bytes: Array(text.utf8)), into: root)
            }
            symbol = table.find("A")
            #expect(symbol != nil)
        }
        #expect(symbol == nil)
    }
}
