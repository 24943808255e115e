import BuildEngine
import Foundation
import KconfigKit

/// A private copy of `Fixtures/tree` in a temporary folder, so that a test
/// can change files and write builds without disturbing others.
struct FixtureTree {
    let root: String
    var workspace: Workspace { Workspace(treeRoot: root, appFolder: root + "/app") }

    init() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/tree")
        root = FileManager.default.temporaryDirectory.appendingPathComponent("unikit-tree-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: source.path, toPath: root)
    }

    func write(_ relativePath: String, _ text: String) throws {
        try text.write(toFile: root + "/" + relativePath, atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The tree's Kconfig with `configText` as the .config.
    func kconfig(_ configText: String) throws -> Kconfig {
        let kconfig = try workspace.loadKconfig(environment: [:])
        kconfig.loadConfig(text: configText, fileName: ".config")
        return kconfig
    }

    func resolver(_ configText: String) throws -> ImageResolver {
        let kconfig = try kconfig(configText)
        let catalog = try ComponentCatalog(workspace: workspace, kconfig: kconfig)
        return ImageResolver(workspace: workspace, kconfig: kconfig, catalog: catalog)
    }
}

/// Runs `body` with a fresh fixture tree and removes it afterwards.
func withFixtureTree<T>(_ body: (FixtureTree) throws -> T) throws -> T {
    let tree = try FixtureTree()
    defer { tree.remove() }
    return try body(tree)
}

/// The message of the BuildError `body` throws, or nil.
func buildErrorMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as BuildError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}
