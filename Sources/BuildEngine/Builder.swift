import SystemSupport
/// A command that failed: its label, command line and output, verbatim.
public struct BuildFailure: Error, CustomStringConvertible {
    public var step: BuildStep
    public var result: CommandResult

    public var description: String {
        let output = String(decoding: result.output, as: UTF8.self)
        return "FAILED: \(step.label) (exit status \(result.status))\n\(step.command.joined(separator: " "))\n\(output)"
    }
}

/// Runs image plans: writes the generated headers, then each step in order,
/// reporting progress. Stops at the first failing step.
public struct Builder {
    let runner: CommandRunner
    let progress: ProgressReporter

    public init(runner: CommandRunner, progress: ProgressReporter) {
        self.runner = runner
        self.progress = progress
    }

    public func build(_ plans: [ImagePlan]) throws {
        let total = plans.reduce(0) { $0 + $1.steps.count }
        var done = 0
        for plan in plans {
            try writeIfChanged(plan.configHeaderPath, plan.image.configHeader)
            for step in plan.steps {
                done += 1
                progress.started(step, number: done, total: total)
                for output in step.outputs { try createFolder(Path.directory(of: output)) }
                let result = try runner.run(step.command)
                guard result.status == 0 else {
                    progress.finished()
                    throw BuildFailure(step: step, result: result)
                }
                progress.succeeded(step, output: result.output)
            }
        }
        progress.finished()
    }

    /// Rewrites a file only when its bytes change, so that its timestamp
    /// moves only when its contents do.
    private func writeIfChanged(_ path: String, _ contents: String) throws {
        do { try FileSystem.writeIfChanged(contents, to: path) } catch { throw BuildError(path: path, "write", error) }
    }

    private func createFolder(_ path: String) throws {
        do { try FileSystem.createDirectories(path) } catch { throw BuildError(path: path, "create", error) }
    }
}
