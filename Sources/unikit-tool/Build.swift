import ArgumentParser
import BuiltImages
import BuildEngine
import Glibc
import SystemPackage
import SystemSupport

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build one image per enabled platform into build/.",
        discussion: """
            Each image comes as build/<app>_<platform>-<arch> (stripped), with \
            .dbg (symbols) and .map (link map) beside it. Only what changed is \
            rebuilt: a source, a header it includes, its command line, or a \
            Kconfig option it uses.
            """)

    @Option(name: .customLong("platform"), help: "Build only this platform's image (repeatable).")
    var platforms: [String] = []

    @Option(name: [.customShort("j", allowingJoined: true), .customLong("jobs")],
            help: "Run this many commands at once (default: the number of cores).")
    var jobs: Int = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    @Flag(name: .shortAndLong, help: "Show each command in full.")
    var verbose = false

    @Flag(help: "Say why each step runs.")
    var explain = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("-j needs at least 1") }
    }

    func run() throws {
        let context = try AppContext()
        let enabled = try context.describeImages(try context.loadConfiguredKconfig())
        let images = try selectedImages(enabled)
        let toolchain = try Toolchain.locate(environment: context.environment)
        let planner = BuildPlanner(workspace: context.workspace, toolchain: toolchain)
        let plans = images.map(planner.plan)
        let buildFolder = context.workspace.buildFolder
        let lock = try BuildLock(buildFolder: buildFolder)
        defer { lock.release() }
        let builder = Builder(runner: ProcessRunner(), progress: .standardOutput(verbose: verbose), jobs: jobs,
                              explain: explain ? { printUnbuffered("unikit explain: \($0)\n") } : nil)
        let summary: BuildSummary
        do {
            summary = try builder.build(plans, buildFolder: buildFolder)
        } catch let failure as BuildFailed {
            printWarning("unikit: \(failure)")
            throw ExitCode.failure
        }
        try indexImages(enabled, buildFolder: buildFolder)
        if summary.ran.isEmpty { print("unikit: nothing to rebuild") }
        for plan in plans {
            let size = (try? FileSystem.read(plan.imagePath).get().count) ?? 0
            print("image \(context.workspace.displayPath(plan.imagePath)) (\(size) bytes)")
        }
    }

    /// Lists for `unikit run` the enabled platforms' images that exist now
    /// (this build's and earlier builds' under `--platform`).
    private func indexImages(_ enabled: [ImageDescription], buildFolder: String) throws {
        let entries = enabled.filter { FileSystem.isRegularFile(Path.join(buildFolder, $0.name)) }
            .map { ImageIndex.Entry(platform: $0.platform.name, runner: $0.runner, file: $0.name) }
        try ImageIndex(entries: entries).write(buildFolder: buildFolder)
    }

    private func selectedImages(_ images: [ImageDescription]) throws -> [ImageDescription] {
        guard !images.isEmpty else { throw ValidationError("no platform is enabled in .config") }
        for name in platforms where !images.contains(where: { $0.platform.name == name }) {
            let enabled = images.map(\.platform.name).joined(separator: ", ")
            throw ValidationError("platform '\(name)' is not enabled in .config (enabled: \(enabled))")
        }
        return platforms.isEmpty ? images : images.filter { platforms.contains($0.platform.name) }
    }
}

/// Writes to standard output at once, in order with the progress lines.
private func printUnbuffered(_ text: String) {
    _ = try? FileDescriptor.standardOutput.writeAll(text.utf8)
}
