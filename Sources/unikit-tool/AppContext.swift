import ArgumentParser
import BuildEngine
import Glibc
import KconfigKit
import SystemPackage
import SystemSupport

/// What every app-folder command starts from: the unikit tree, the app
/// folder (the current one) and the process environment.
struct AppContext {
    let workspace: Workspace
    let environment: [String: String]

    init() throws {
        environment = Self.processEnvironment()
        let currentDirectory = FileSystem.currentDirectory()
        let tree = try Workspace.locateTree(environment: environment,
                                            executablePath: FileSystem.realPath("/proc/self/exe"),
                                            currentDirectory: currentDirectory)
        workspace = Workspace(treeRoot: tree, appFolder: currentDirectory)
        guard FileSystem.isRegularFile(Path.join(currentDirectory, "Manifest")) else {
            throw ValidationError("""
                \(currentDirectory) is not an application folder (it has no Manifest); \
                run unikit inside one, e.g. \(Path.join(tree, "Examples/helloworld"))
                """)
        }
    }

    /// Parses the Kconfig tree; its warnings go to standard error.
    func loadKconfig() throws -> Kconfig {
        let kconfig = try workspace.loadKconfig(environment: environment)
        kconfig.warnings.forEach(printWarning)
        return kconfig
    }

    /// Parses the tree and loads the app's .config, which must exist.
    func loadConfiguredKconfig() throws -> Kconfig {
        guard FileSystem.isRegularFile(workspace.configPath) else {
            throw ValidationError("no .config in \(workspace.appFolder): run `unikit defconfig` first")
        }
        let kconfig = try loadKconfig()
        try kconfig.loadConfig(path: workspace.configPath).forEach(printWarning)
        return kconfig
    }

    /// The images the configuration enables, one per platform.
    func describeImages(_ kconfig: Kconfig) throws -> [ImageDescription] {
        let catalog = try ComponentCatalog(workspace: workspace, kconfig: kconfig)
        let resolver = ImageResolver(workspace: workspace, kconfig: kconfig, catalog: catalog)
        for component in resolver.componentsWithoutSymbol() {
            printWarning("\(workspace.displayPath(component.folder)): no Kconfig symbol \(component.symbolName ?? "") enables it; it is never built")
        }
        return try resolver.enabledPlatforms().map(resolver.describe)
    }

    static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}

/// Prints a diagnostic to standard error.
func printWarning(_ message: CustomStringConvertible) {
    _ = try? FileDescriptor.standardError.writeAll("\(message)\n".utf8)
}
