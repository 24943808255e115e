@testable import BuildEngine
import SystemSupport
import Foundation
import Testing

/// Records commands instead of running them; fails the ones it is told to.
final class FakeRunner: CommandRunner {
    var commands: [[String]] = []
    var failing: Set<String> = []

    func run(_ arguments: [String]) throws -> CommandResult {
        commands.append(arguments)
        if failing.contains(arguments[0]) { return CommandResult(status: 1, output: Array("boom: error\n".utf8)) }
        return CommandResult(status: 0, output: [])
    }
}

@Suite struct BuilderTests {
    func plan(in tree: FixtureTree) throws -> ImagePlan {
        let resolver = try tree.resolver("CONFIG_ARCH_TOY=y\nCONFIG_PLAT_ALPHA=y\n")
        let image = try resolver.describe(platform: resolver.enabledPlatforms()[0])
        return BuildPlanner(workspace: tree.workspace, toolchain: Toolchain(binFolder: "/tc/bin")).plan(image)
    }

    @Test func runsEveryStepInOrderAndWritesTheHeader() throws {
        try withFixtureTree { tree in
            let plan = try plan(in: tree)
            let runner = FakeRunner()
            var printed = ""
            let progress = ProgressReporter(verbose: false, isTerminal: false) { printed += $0 }
            try Builder(runner: runner, progress: progress).build([plan])
            #expect(runner.commands == plan.steps.map(\.command))
            #expect(printed.split(separator: "\n").first == "[1/6] CC Platforms/alpha/start.c")
            #expect(printed.split(separator: "\n").last == "[6/6] STRIP build/app_alpha-toy")
            #expect(try FileSystem.readText(plan.configHeaderPath) == plan.image.configHeader)
        }
    }

    @Test func stopsAtTheFirstFailureWithItsOutput() throws {
        try withFixtureTree { tree in
            let plan = try plan(in: tree)
            let runner = FakeRunner()
            runner.failing = ["/tc/bin/swiftc"]
            let progress = ProgressReporter(verbose: true, isTerminal: true) { _ in }
            #expect {
                try Builder(runner: runner, progress: progress).build([plan])
            } throws: { error in
                let failure = error as? BuildFailure
                return failure?.step.label == "SWIFT main.swift"
                    && failure?.description.hasSuffix("boom: error\n") == true
            }
            #expect(runner.commands.count == 4)
        }
    }

    @Test func realProcessRunnerReportsStatusAndOutput() throws {
        let result = try ProcessRunner().run(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"])
        #expect(result.status == 3)
        #expect(String(decoding: result.output, as: UTF8.self) == "out\nerr\n")
        let killed = try ProcessRunner().run(["/bin/sh", "-c", "kill -9 $$"])
        #expect(killed.status == 128 + 9)
        #expect(throws: BuildError.self) { try ProcessRunner().run(["/nonexistent/tool"]) }
    }
}
