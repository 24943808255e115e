import ArgumentParser
import BuildEngine
import SystemSupport

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build one image per enabled platform into build/.",
        discussion: """
            Each image comes as build/<app>_<platform>-<arch> (stripped), with \
            .dbg (symbols) and .map (link map) beside it.
            """)

    @Option(name: .customLong("platform"), help: "Build only this platform's image (repeatable).")
    var platforms: [String] = []

    @Flag(name: .shortAndLong, help: "Show each command in full.")
    var verbose = false

    func run() throws {
        let context = try AppContext()
        let images = try selectedImages(context.describeImages(try context.loadConfiguredKconfig()))
        let toolchain = try Toolchain.locate(environment: context.environment)
        let planner = BuildPlanner(workspace: context.workspace, toolchain: toolchain)
        let plans = images.map(planner.plan)
        let builder = Builder(runner: ProcessRunner(), progress: .standardOutput(verbose: verbose))
        do {
            try builder.build(plans)
        } catch let failure as BuildFailure {
            printWarning(failure)
            throw ExitCode.failure
        }
        for plan in plans {
            let size = (try? FileSystem.read(plan.imagePath).get().count) ?? 0
            print("image \(context.workspace.displayPath(plan.imagePath)) (\(size) bytes)")
        }
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
