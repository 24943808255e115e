@testable import BuildEngine
import Testing

@Suite struct BuildGraphTests {
    @Test func ordersStepsAfterTheStepsMakingTheirInputs() throws {
        let graph = try BuildGraph([linkStep("app", ["a.c.o"]), compileStep("a.c")])
        #expect(graph.topologicalOrder() == [1, 0])
    }

    @Test func refusesTwoStepsWritingOneFile() {
        #expect(buildErrorMessage { _ = try BuildGraph([compileStep("a.c"), linkStep("a.c.o", [])]) }
            == "a.c.o: written by two steps: 'CC a.c' and 'LD a.c.o'")
    }

    @Test func refusesCycles() {
        let message = buildErrorMessage { _ = try BuildGraph([linkStep("x", ["y"]), linkStep("y", ["x"])]) }
        #expect(message == "dependency cycle: LD x -> LD y -> LD x")
    }

    @Test func missingSourceNamesTheStepNeedingIt() {
        let fileSystem = MemoryFileSystem()
        let message = buildErrorMessage {
            try Builder(runner: FakeRunner(fileSystem: fileSystem), fileSystem: fileSystem,
                        progress: ProgressReporter(verbose: false, isTerminal: false) { _ in }, jobs: 1)
                .run([compileStep("gone.c")], buildFolder: "build")
        }
        #expect(message == "gone.c: missing, and no step makes it (needed by 'CC gone.c')")
    }
}
