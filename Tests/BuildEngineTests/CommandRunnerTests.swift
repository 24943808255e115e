import BuildEngine
import Foundation
import Testing

@Suite struct CommandRunnerTests {
    @Test func reportsStatusAndInterleavedOutput() throws {
        let runner = ProcessRunner()
        try runner.start(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"], id: 7)
        let (id, result) = try runner.waitForAny()
        #expect(id == 7 && result.status == 3)
        #expect(String(decoding: result.output, as: UTF8.self) == "out\nerr\n")
        try runner.start(["/bin/sh", "-c", "kill -9 $$"], id: 8)
        #expect(try runner.waitForAny().result.status == 128 + 9)
        #expect(throws: BuildError.self) { try runner.start(["/nonexistent/tool"], id: 9) }
    }

    /// The quick command finishes first although it started second: both ran at once.
    @Test func runsCommandsAtOnce() throws {
        let runner = ProcessRunner()
        try runner.start(["/bin/sh", "-c", "sleep 0.3; echo slow"], id: 1)
        try runner.start(["/bin/sh", "-c", "echo quick"], id: 2)
        let first = try runner.waitForAny(), second = try runner.waitForAny()
        #expect(first.id == 2 && second.id == 1)
        #expect(String(decoding: second.result.output, as: UTF8.self) == "slow\n")
    }
}
