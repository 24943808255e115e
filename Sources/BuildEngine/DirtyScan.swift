import SystemSupport

/// Decides which steps must run (ninja's `DependencyScan`).
///
/// A step runs when:
/// - a step making one of its inputs runs;
/// - an output is missing, or the build log has no entry for it, or a
///   different command hash (its command line changed), or another time
///   (something wrote it after the log did);
/// - an input, or a file its depfile named, is newer than its oldest output
///   or missing; a Kconfig stamp only counts when present;
/// - it has a depfile but no deps-log entry recorded at its output's time.
struct DirtyScan {
    let graph: BuildGraph
    let buildLog: BuildLog
    let depsLog: DepsLog
    private let times: ModificationTimes

    init(graph: BuildGraph, buildLog: BuildLog, depsLog: DepsLog, fileSystem: BuildFileSystem) {
        self.graph = graph
        self.buildLog = buildLog
        self.depsLog = depsLog
        times = ModificationTimes(fileSystem: fileSystem)
    }

    /// The indices of the steps to run, and why each runs.
    func dirtySteps() throws -> [Int: String] {
        var dirty: [Int: String] = [:]
        for index in graph.topologicalOrder() {
            if let reason = try reason(index, dirty: dirty) { dirty[index] = reason }
        }
        return dirty
    }

    private func reason(_ index: Int, dirty: [Int: String]) throws -> String? {
        let step = graph.steps[index]
        for input in step.inputs {
            if let producer = graph.producers[input] {
                if dirty[producer] != nil { return "\(input) is rebuilt" }
            } else if times.of(input) == nil {
                throw BuildError(file: input, "missing, and no step makes it (needed by '\(step.label)')")
            }
        }
        var oldest = Int64.max
        var firstOutputTime: Int64?
        let commandHash = StableHash.of(command: step.command)
        for output in step.outputs {
            guard let time = times.of(output) else { return "\(output) is missing" }
            guard let entry = buildLog.entries[output] else { return "\(output) has no build log entry" }
            if entry.commandHash != commandHash { return "the command of \(output) changed" }
            if entry.modificationTime != time { return "\(output) was written outside a recorded build" }
            oldest = min(oldest, time)
            if firstOutputTime == nil { firstOutputTime = time }
        }
        if let newer = step.inputs.first(where: { (times.of($0) ?? .max) > oldest }) {
            return "\(newer) is newer than the output"
        }
        guard step.depfile != nil else { return nil }
        // Recorded at the first output's time, like the build log.
        guard let deps = depsLog.entries[step.outputs[0]], deps.modificationTime == firstOutputTime else {
            return "no recorded dependencies for \(step.outputs[0])"
        }
        for file in deps.files {
            guard let time = times.of(file) else { return "\(file) is missing" }
            if time > oldest { return "\(file) is newer than the output" }
        }
        for stamp in deps.ifPresent where (times.of(stamp) ?? .min) > oldest {
            return "CONFIG_\(stamp.split(separator: "/").last ?? "") changed"
        }
        return nil
    }
}

/// Each file's modification time, asked of the file system once per scan:
/// headers and Kconfig stamps are shared by many steps.
private final class ModificationTimes {
    private let fileSystem: BuildFileSystem
    private var known: [String: Int64?] = [:]

    init(fileSystem: BuildFileSystem) {
        self.fileSystem = fileSystem
    }

    func of(_ path: String) -> Int64? {
        if let time = known[path] { return time }
        let time = fileSystem.modificationTime(path)
        known[path] = time
        return time
    }
}
