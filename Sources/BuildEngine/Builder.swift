import SystemSupport

/// A build that stopped because commands failed; their output was shown.
public struct BuildFailed: Error, Equatable, CustomStringConvertible {
    public var failedSteps: Int
    public var description: String {
        "build stopped: \(failedSteps) command\(failedSteps == 1 ? "" : "s") failed"
    }
}

/// What a build did.
public struct BuildSummary: Equatable, Sendable {
    /// The steps that ran, by label, in the order they finished.
    public var ran: [String]
}

/// Runs image plans incrementally and in parallel (ninja's `Builder`):
/// writes each image's configuration files, finds the steps to run
/// (`DirtyScan`), runs up to `jobs` at a time as their inputs become ready,
/// and records each finished step in the build and deps logs at once, so a
/// build killed at any point resumes correctly. After a failure, running
/// steps finish and no new step starts.
public final class Builder {
    let runner: CommandRunner
    let fileSystem: BuildFileSystem
    let progress: ProgressReporter
    let jobs: Int
    /// Receives "label: why it runs" for each step to run, before any starts.
    let explain: ((String) -> Void)?

    public init(runner: CommandRunner, fileSystem: BuildFileSystem = DiskFileSystem(),
                progress: ProgressReporter, jobs: Int, explain: ((String) -> Void)? = nil) {
        self.runner = runner
        self.fileSystem = fileSystem
        self.progress = progress
        self.jobs = max(jobs, 1)
        self.explain = explain
    }

    /// Builds `plans` into `buildFolder`, which holds the logs.
    @discardableResult
    public func build(_ plans: [ImagePlan], buildFolder: String) throws -> BuildSummary {
        try fileSystem.createDirectories(buildFolder)
        for plan in plans {
            try ConfigHeaderWriter(fileSystem: fileSystem).write(plan.image.configHeader, to: plan.configFiles)
            try fileSystem.writeIfChanged(Array(plan.configIdentity.utf8), to: plan.configIdentityPath)
        }
        return try run(plans.flatMap(\.steps), buildFolder: buildFolder)
    }

    /// Runs what is out of date among `steps`, with logs in `buildFolder`.
    @discardableResult
    func run(_ steps: [BuildStep], buildFolder: String) throws -> BuildSummary {
        let run = Run(graph: try BuildGraph(steps),
                      buildLog: BuildLog(buildFolder: buildFolder, fileSystem: fileSystem),
                      depsLog: DepsLog(buildFolder: buildFolder, fileSystem: fileSystem), builder: self)
        return try run.execute()
    }

    /// One invocation's state.
    private final class Run {
        let graph: BuildGraph
        let buildLog: BuildLog
        let depsLog: DepsLog
        let builder: Builder
        let configDependencies: ConfigDependencies
        var ran: [String] = []

        init(graph: BuildGraph, buildLog: BuildLog, depsLog: DepsLog, builder: Builder) {
            self.graph = graph
            self.buildLog = buildLog
            self.depsLog = depsLog
            self.builder = builder
            configDependencies = ConfigDependencies(fileSystem: builder.fileSystem)
        }

        func execute() throws -> BuildSummary {
            let dirty = try DirtyScan(graph: graph, buildLog: buildLog, depsLog: depsLog,
                                      fileSystem: builder.fileSystem).dirtySteps()
            if let explain = builder.explain {
                for (index, reason) in dirty.sorted(by: { $0.key < $1.key }) { explain("\(graph.steps[index].label): \(reason)") }
            }
            var schedule = BuildSchedule(graph: graph, toRun: dirty.keys)
            let total = dirty.count
            var running = 0, failures = 0
            while true {
                while failures == 0, running < builder.jobs, let index = schedule.next() {
                    do {
                        try start(index)
                        running += 1
                    } catch let error as BuildError {
                        builder.progress.failed(graph.steps[index], error)
                        failures += 1
                    }
                }
                guard running > 0 else { break }
                let (index, result) = try builder.runner.waitForAny()
                running -= 1
                if try finish(index, result, number: ran.count + failures + 1, total: total) {
                    schedule.finished(index)
                } else {
                    failures += 1
                }
            }
            builder.progress.finished()
            if failures > 0 { throw BuildFailed(failedSteps: failures) }
            return BuildSummary(ran: ran)
        }

        private func start(_ index: Int) throws {
            let step = graph.steps[index]
            for output in step.outputs { try builder.fileSystem.createDirectories(Path.directory(of: output)) }
            try builder.runner.start(step.command, id: index)
        }

        /// Records a finished step; false when it failed.
        private func finish(_ index: Int, _ result: CommandResult, number: Int, total: Int) throws -> Bool {
            let step = graph.steps[index]
            guard result.status == 0 else {
                builder.progress.failed(step, result)
                return false
            }
            do {
                try record(step)
            } catch let error as BuildError {
                builder.progress.failed(step, error)
                return false
            }
            ran.append(step.label)
            builder.progress.succeeded(step, output: result.output, number: number, total: total)
            return true
        }

        /// Deps first, then the build log: an output the build log vouches
        /// for always has its dependencies recorded.
        private func record(_ step: BuildStep) throws {
            let fileSystem = builder.fileSystem
            var times: [Int64] = []
            for output in step.outputs {
                guard let time = fileSystem.modificationTime(output) else {
                    throw BuildError(file: output, "the command succeeded but did not write this output")
                }
                times.append(time)
            }
            if let depfile = step.depfile {
                guard let bytes = fileSystem.read(depfile) else {
                    throw BuildError(file: depfile, "the command succeeded but did not write its depfile")
                }
                let dependencies = Depfile.dependencies(bytes)
                let entry = step.configSymbols.map {
                    configDependencies.entry(for: dependencies, settings: $0, time: times[0])
                } ?? DepsLog.Entry(modificationTime: times[0], files: dependencies, ifPresent: [])
                try depsLog.record(output: step.outputs[0], entry)
                fileSystem.remove(depfile)
            }
            let hash = StableHash.of(command: step.command)
            for (output, time) in zip(step.outputs, times) {
                try buildLog.record(output: output, BuildLog.Entry(commandHash: hash, modificationTime: time))
            }
        }
    }
}
