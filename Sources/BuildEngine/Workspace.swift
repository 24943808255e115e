import KconfigKit
import SystemSupport

/// Where unikit works: the unikit tree (root `Kconfig`, `Platforms/`,
/// `Libraries/`) and the application folder the user runs it in, which holds
/// the app's `Manifest`, `.config` and `build/`.
public struct Workspace: Sendable {
    public var treeRoot: String
    public var appFolder: String

    public init(treeRoot: String, appFolder: String) {
        self.treeRoot = treeRoot
        self.appFolder = appFolder
    }

    /// The application's name: its folder's name.
    public var appName: String { Path.lastComponent(of: appFolder) }
    public var configPath: String { Path.join(appFolder, ".config") }
    public var defconfigPath: String { Path.join(appFolder, "defconfig") }
    public var buildFolder: String { Path.join(appFolder, "build") }
    public var rootKconfig: String { Path.join(treeRoot, "Kconfig") }

    /// The variables the tree's Kconfig files expand, over `environment`.
    public func kconfigEnvironment(_ environment: [String: String]) -> [String: String] {
        environment.merging(["UK_APP": appFolder, "UK_NAME": appName, "srctree": treeRoot]) { _, ours in ours }
    }

    /// Parses the tree's Kconfig files, the application's included.
    public func loadKconfig(environment: [String: String]) throws -> Kconfig {
        try Kconfig(rootFile: rootKconfig, sourceTree: treeRoot, environment: kconfigEnvironment(environment))
    }

    /// A path as messages show it: relative to the tree or the app if inside.
    public func displayPath(_ path: String) -> String {
        let inApp = Path.relative(path, to: appFolder)
        return inApp != path ? inApp : Path.relative(path, to: treeRoot)
    }

    /// Finds the unikit tree: `UNIKIT_HOME` if set, else the first folder
    /// holding a unikit tree above the tool's own executable, else above
    /// the current folder.
    public static func locateTree(environment: [String: String], executablePath: String?,
                                  currentDirectory: String) throws -> String {
        if let home = environment["UNIKIT_HOME"], !home.isEmpty {
            guard isTree(home) else { throw BuildError(file: home, "UNIKIT_HOME is not a unikit tree (no Kconfig, Platforms/, Libraries/)") }
            return FileSystem.realPath(home) ?? home
        }
        for start in [executablePath.map(Path.directory(of:)), currentDirectory].compactMap({ $0 }) {
            var folder = FileSystem.realPath(start) ?? start
            while true {
                if isTree(folder) { return folder }
                let parent = Path.directory(of: folder)
                if parent == folder { break }
                folder = parent
            }
        }
        throw BuildError("cannot find the unikit tree above the unikit executable or the current folder; set UNIKIT_HOME")
    }

    static func isTree(_ folder: String) -> Bool {
        FileSystem.isRegularFile(Path.join(folder, "Kconfig"))
            && FileSystem.isDirectory(Path.join(folder, "Platforms"))
            && FileSystem.isDirectory(Path.join(folder, "Libraries"))
    }
}
