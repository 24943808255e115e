import ArgumentParser
import BuildEngine
import SystemSupport

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove build/ (images and objects); .config stays.")

    func run() throws {
        let context = try AppContext()
        do {
            try FileSystem.removeRecursively(context.workspace.buildFolder)
        } catch {
            throw ValidationError("cannot remove \(context.workspace.buildFolder): \(error)")
        }
    }
}
