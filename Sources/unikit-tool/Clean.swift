import ArgumentParser
import BuildEngine
import SystemSupport

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove build/ (images and objects); .config stays.")

    func run() throws {
        try removeBuildFolder(of: try AppContext().workspace)
    }
}

struct Distclean: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove build/, .config and .config.old.")

    func run() throws {
        let workspace = try AppContext().workspace
        try removeBuildFolder(of: workspace)
        for path in [workspace.configPath, workspace.configPath + ".old"] {
            do { try FileSystem.removeRecursively(path) } catch { throw ValidationError("cannot remove \(path): \(error)") }
        }
    }
}

/// Removes build/, holding its lock so that a running build is not
/// pulled from under it.
private func removeBuildFolder(of workspace: Workspace) throws {
    guard FileSystem.isDirectory(workspace.buildFolder) else { return }
    let lock = try BuildLock(buildFolder: workspace.buildFolder)
    defer { lock.release() }
    do {
        try FileSystem.removeRecursively(workspace.buildFolder)
    } catch {
        throw ValidationError("cannot remove \(workspace.buildFolder): \(error)")
    }
}
