import KconfigKit
import SystemSupport

/// Every component of the tree and the application, with parsed manifests.
///
/// Discovery is by folder: a folder with a `Manifest` file under
/// `Platforms/Arch/`, `Platforms/` or `Libraries/` is a component, as is the
/// application folder. No tool code names a library or platform.
public struct ComponentCatalog {
    public var architectures: [Component]
    public var common: Component?
    public var platforms: [Component]
    public var libraries: [Component]
    public var application: Component

    static let manifestName = "Manifest"
    static let commonFolderName = "common"
    static let architecturesFolderName = "Arch"

    /// Reads all manifests; conditions are parsed against `kconfig`.
    public init(workspace: Workspace, kconfig: Kconfig) throws {
        let platformsFolder = Path.join(workspace.treeRoot, "Platforms")
        let load = { (kind: Component.Kind, folder: String) in
            try Self.component(kind, folder: folder, workspace: workspace, kconfig: kconfig)
        }
        architectures = try Self.manifestFolders(in: Path.join(platformsFolder, Self.architecturesFolderName))
            .map { try load(.architecture, $0) }
        let platformFolders = try Self.manifestFolders(in: platformsFolder)
        common = try platformFolders.first { Path.lastComponent(of: $0) == Self.commonFolderName }
            .map { try load(.platformCommon, $0) }
        platforms = try platformFolders.filter { Path.lastComponent(of: $0) != Self.commonFolderName }
            .map { try load(.platform, $0) }
        libraries = try Self.manifestFolders(in: Path.join(workspace.treeRoot, "Libraries"))
            .map { try load(.library, $0) }
        guard FileSystem.isRegularFile(Path.join(workspace.appFolder, Self.manifestName)) else {
            throw BuildError(file: workspace.appFolder, "not an application folder: it has no \(Self.manifestName)")
        }
        application = try load(.application, workspace.appFolder)
    }

    /// Sub-folders of `folder` holding a manifest, sorted by name.
    static func manifestFolders(in folder: String) throws -> [String] {
        guard FileSystem.isDirectory(folder) else { return [] }
        let names: [String]
        do { names = try FileSystem.entries(of: folder) } catch { throw BuildError(path: folder, "list", error) }
        return names
            .map { Path.join(folder, $0) }
            .filter { FileSystem.isRegularFile(Path.join($0, manifestName)) }
    }

    private static func component(_ kind: Component.Kind, folder: String, workspace: Workspace,
                                  kconfig: Kconfig) throws -> Component {
        let path = Path.join(folder, manifestName)
        let shownPath = workspace.displayPath(path)
        let parser = ManifestParser(file: shownPath) { text, line in
            try kconfig.parseExpression(text, file: shownPath, line: line)
        }
        let text: String
        do { text = try FileSystem.readText(path) } catch { throw BuildError(path: shownPath, "read", error) }
        let manifest = try parser.parse(text)
        return Component(kind: kind, name: Path.lastComponent(of: folder), folder: folder, manifest: manifest)
    }
}
