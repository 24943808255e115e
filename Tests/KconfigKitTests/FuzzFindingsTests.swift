import FuzzEntries
import Testing
@testable import KconfigKit

/// Bugs that fuzzing found (see `Fuzz/README.md`), each reproduced without
/// libFuzzer; the minimized inputs are also under `Fuzz/regressions/`.
struct FuzzFindingsTests {
    /// A failed initializer never runs `deinit`, which is what breaks the
    /// tree's reference cycles (nodes ↔ symbols ↔ expressions): every load
    /// that ended in a syntax error leaked the whole tree parsed so far.
    @Test(arguments: [
        "config A\n\tbool \"A\"\n\tdepends on B\n\tselect A\nconfig B\n\tbool \"$(X\n", // syntax error
        "config A\n\tbool \"A\"\n\tdepends on B\nconfig B\n\tbool \"B\"\n\tdepends on A\n", // dependency loop
    ])
    func aFailedLoadLeavesNoReferenceCycles(_ text: String) {
        weak var symbol: Symbol?
        do {
            let table = SymbolTable()
            let preprocessor = Preprocessor(environment: [:], shell: MacroShell(policy: .refuse, environment: [:], tree: ""))
            #expect(throws: KconfigError.self) {
                _ = try LoadedTree(rootFile: "Kconfig", sourceTree: "", preprocessor: preprocessor,
                                   files: MemoryFiles(["Kconfig": Array(text.utf8)]), table: table)
            }
            symbol = table.find("A")
            #expect(symbol != nil)
        }
        #expect(symbol == nil)
    }
}

extension FuzzFindingsTests {
    /// Each line doubles the work of the one before (Linux has no bound
    /// either): 40 lines of recursive variables were 2^40 expansions, a hang.
    @Test(.timeLimit(.minutes(1))) func exponentialExpansionIsAnError() {
        // A long first value: the length bound is met long before the count of references.
        let lines = ["a0 = " + String(repeating: "xyz", count: 1000)] + (1...40).map { "a\($0) = $(a\($0 - 1))$(a\($0 - 1))" }
        let message = loadError(["Kconfig": lines.joined(separator: "\n") + "\nconfig $(a40)\n\tbool\n"])
        #expect(message?.hasPrefix("Kconfig:42: error: macro expansion too long: more than 1048576 bytes") == true)
    }

    /// The same with empty values: no output to bound, only work.
    @Test(.timeLimit(.minutes(1))) func exponentialWorkWithoutOutputIsAnError() {
        let lines = ["a0 := "] + (1...40).map { "a\($0) = $(a\($0 - 1))$(a\($0 - 1))" }
        let message = loadError(["Kconfig": lines.joined(separator: "\n") + "\nconfig X$(a40)\n\tbool\n"])
        #expect(message?.hasPrefix("Kconfig:42: error: macro expansion too expensive: more than 200000 references") == true)
    }

    /// Simple variables double in memory instead: 2^40 bytes.
    @Test(.timeLimit(.minutes(1))) func doublingSimpleVariableIsAnError() {
        let lines = ["x := ab"] + Array(repeating: "x := $(x)$(x)", count: 40)
        let message = loadError(["Kconfig": lines.joined(separator: "\n") + "\n"])
        #expect(message?.contains("error: macro expansion too long: more than 1048576 bytes") == true)
    }
}

