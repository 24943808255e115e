@testable import BuildEngine
import Testing

/// Per-symbol configuration dependencies: the generated header is replaced
/// by the stamps of the symbols each source and its headers name.
@Suite struct ConfigDependenciesTests {
    let fileSystem = MemoryFileSystem()
    let config = ConfigSymbolFiles(header: "build/include/unikit/config.h", stampFolder: "build/config")

    @Test func findsConfigIdentifiersOnly() {
        let text = "#if CONFIG_A && XCONFIG_B\nint x = CONFIG_C_MODULE + CONFIG_;\n// CONFIG_D\nCONFIG_E"
        #expect(ConfigDependencies.configSymbols(Array(text.utf8)) == ["A", "C", "D", "E"])
    }

    @Test func changingOneOptionRebuildsItsUsersOnly() throws {
        let header = { (a: Int, b: Int) in "/* generated */\n#define CONFIG_A \(a)\n#define CONFIG_B \(b)\n" }
        fileSystem.write("uses-a.c", "#include <unikit/config.h>\nint a = CONFIG_A;\n")
        fileSystem.write("uses-b.c", "#include <unikit/config.h>\n#include \"b.h\"\n")
        fileSystem.write("b.h", "#ifdef CONFIG_B\n#endif\n")
        fileSystem.write("none.c", "#include <unikit/config.h>\n")
        let steps = ["uses-a.c", "uses-b.c", "none.c"].map { compileStep($0, config: config) }
            + [linkStep("app", ["uses-a.c.o", "uses-b.c.o", "none.c.o"])]
        let writer = ConfigHeaderWriter(fileSystem: fileSystem)
        let build = { () throws -> [String] in
            let runner = FakeRunner(fileSystem: self.fileSystem)
            runner.includes = ["uses-a.c": [self.config.header], "uses-b.c": [self.config.header, "b.h"],
                               "none.c": [self.config.header]]
            try Builder(runner: runner, fileSystem: self.fileSystem, progress: ProgressReporter(verbose: false, isTerminal: false) { _ in },
                        jobs: 1).run(steps, buildFolder: "build")
            return runner.startedNames
        }
        try writer.write(header(1, 1), to: config)
        #expect(try build() == ["uses-a.c", "uses-b.c", "none.c", "app"])
        try writer.write(header(1, 1), to: config)
        #expect(try build() == [])
        try writer.write(header(1, 2), to: config)
        #expect(fileSystem.files.keys.filter { $0.hasPrefix("build/config/") } == ["build/config/B"])
        #expect(try build() == ["uses-b.c", "app"])
        try writer.write(header(5, 2), to: config)
        #expect(try build() == ["uses-a.c", "app"])
        // A symbol that disappears from the header (set to n) counts as a change too.
        try writer.write("#define CONFIG_A 5\n", to: config)
        #expect(try build() == ["uses-b.c", "app"])
    }
}
