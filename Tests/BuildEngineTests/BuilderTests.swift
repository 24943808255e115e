@testable import BuildEngine
import Testing

/// The engine on an in-memory file system with a fake runner: what runs
/// after each kind of change, in what order, how many at once.
@Suite struct BuilderTests {
    let fileSystem = MemoryFileSystem()
    var printed = ""

    init() {
        fileSystem.write("a.c", "#include \"h.h\"\n")
        fileSystem.write("b.c", "int b;\n")
        fileSystem.write("h.h", "#define H 1\n")
    }

    var steps: [BuildStep] {
        [compileStep("a.c"), compileStep("b.c"), linkStep("app", ["a.c.o", "b.c.o"])]
    }

    /// Builds `steps` with a fresh runner; returns what it started.
    @discardableResult
    func build(_ steps: [BuildStep]? = nil, jobs: Int = 1, runner: FakeRunner? = nil) throws -> FakeRunner {
        let runner = runner ?? FakeRunner(fileSystem: fileSystem)
        runner.includes = ["a.c": ["h.h"]]
        let progress = ProgressReporter(verbose: false, isTerminal: false) { _ in }
        try Builder(runner: runner, fileSystem: fileSystem, progress: progress, jobs: jobs)
            .run(steps ?? self.steps, buildFolder: "build")
        return runner
    }

    @Test func cleanBuildRunsEveryStepAfterItsInputs() throws {
        #expect(try build().startedNames == ["a.c", "b.c", "app"])
        #expect(fileSystem.text("app") == "linked")
    }

    @Test func noOpBuildRunsNothing() throws {
        try build()
        #expect(try build().started.isEmpty)
    }

    @Test func touchedSourceRebuildsItsObjectAndRelinks() throws {
        try build()
        fileSystem.write("b.c", "int b = 2;\n")
        #expect(try build().startedNames == ["b.c", "app"])
    }

    @Test func touchedHeaderRebuildsItsIncludersOnly() throws {
        try build()
        fileSystem.write("h.h", "#define H 2\n")
        #expect(try build().startedNames == ["a.c", "app"])
    }

    @Test func explainsWhyEachStepRuns() throws {
        try build()
        fileSystem.write("h.h", "#define H 3\n")
        var reasons: [String] = []
        let progress = ProgressReporter(verbose: false, isTerminal: false) { _ in }
        let runner = FakeRunner(fileSystem: fileSystem)
        try Builder(runner: runner, fileSystem: fileSystem, progress: progress, jobs: 1) { reasons.append($0) }
            .run(steps, buildFolder: "build")
        #expect(reasons == ["CC a.c: h.h is newer than the output", "LD app: a.c.o is rebuilt"])
    }

    @Test func deletedHeaderRebuildsItsIncluders() throws {
        try build()
        fileSystem.remove("h.h")
        #expect(try build().startedNames == ["a.c", "app"])
    }

    @Test func changedCommandLineRebuildsThatStep() throws {
        try build()
        let changed = [compileStep("a.c"), compileStep("b.c", flags: ["-O2"]), steps[2]]
        #expect(try build(changed).startedNames == ["b.c", "app"])
        #expect(try build(changed).started.isEmpty)
    }

    @Test func outputWrittenOutsideARecordedBuildIsRebuilt() throws {
        try build()
        // As when a build is killed after the compiler wrote but before the log did.
        fileSystem.write("a.c.o", "stale")
        #expect(try build().startedNames == ["a.c", "app"])
    }

    @Test func missingOutputIsRebuilt() throws {
        try build()
        fileSystem.remove("app")
        #expect(try build().startedNames == ["app"])
    }

    @Test func tornLastLogLineIsIgnored() throws {
        try build()
        let log = "build/" + BuildLog.fileName
        try fileSystem.append(Array("b.c.o\t12".utf8), to: log)
        #expect(try build().started.isEmpty)
        fileSystem.write(log, "# some other version\n")
        #expect(try build().startedNames == ["a.c", "b.c", "app"])
    }

    @Test func runsUpToJobsCommandsAtOnce() throws {
        let many = (1...5).map { compileStep("s\($0).c") }
        for step in many { fileSystem.write(step.inputs[0], "") }
        let steps = many + [linkStep("app", many.map { $0.outputs[0] })]
        #expect(try build(steps, jobs: 2).mostRunning == 2)
        fileSystem.write("s3.c", "changed")
        #expect(try build(steps, jobs: 4).startedNames == ["s3.c", "app"])
    }

    @Test func failureLetsRunningStepsFinishAndStartsNoNewOne() throws {
        let runner = FakeRunner(fileSystem: fileSystem)
        runner.failing = ["a.c"]
        var lines = ""
        let progress = ProgressReporter(verbose: false, isTerminal: false) { lines += $0 }
        runner.includes = [:]
        let builder = Builder(runner: runner, fileSystem: fileSystem, progress: progress, jobs: 2)
        #expect(throws: BuildFailed(failedSteps: 1)) { try builder.run(steps, buildFolder: "build") }
        // b.c was already running when a.c failed; the link never starts.
        #expect(runner.startedNames == ["a.c", "b.c"])
        #expect(lines == "FAILED: CC a.c (exit status 1)\ncc a.c -o a.c.o -MF a.c.o.d\na.c: error: broken\n[2/3] CC b.c\n")
        runner.failing = []
        #expect(try build(runner: FakeRunner(fileSystem: fileSystem)).startedNames == ["a.c", "app"])
    }

    @Test func progressCountsTheStepsToRun() throws {
        try build()
        fileSystem.write("b.c", "int b = 3;\n")
        var lines = ""
        let progress = ProgressReporter(verbose: false, isTerminal: true) { lines += $0 }
        try Builder(runner: FakeRunner(fileSystem: fileSystem), fileSystem: fileSystem, progress: progress, jobs: 1)
            .run(steps, buildFolder: "build")
        #expect(lines == "\r[1/2] CC b.c\u{1B}[K\r[2/2] LD app\u{1B}[K\n")
    }
}
