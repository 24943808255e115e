import BuiltImages
import KconfigKit
import SystemSupport

/// Turns the configuration and the manifests into image descriptions.
///
/// An image is built from the user's configuration with every *other*
/// platform switched off and the consequences resolved by Kconfig itself:
/// so `sources if PLAT_KVM: …` or a library that `depends on PLAT_LINUXU`
/// mean, within one image, exactly what they say.
public struct ImageResolver {
    let workspace: Workspace
    let kconfig: Kconfig
    let catalog: ComponentCatalog
    /// The configuration as loaded, restored after each image.
    let baseline: String

    public init(workspace: Workspace, kconfig: Kconfig, catalog: ComponentCatalog) {
        self.workspace = workspace
        self.kconfig = kconfig
        self.catalog = catalog
        self.baseline = kconfig.configText()
    }

    /// The platforms the configuration enables, in folder order.
    public func enabledPlatforms() -> [Component] {
        catalog.platforms.filter(isEnabled)
    }

    /// Components whose enabling symbol is not defined by any Kconfig file:
    /// they can never be built, which is almost certainly a mistake.
    public func componentsWithoutSymbol() -> [Component] {
        (catalog.architectures + catalog.platforms + catalog.libraries).filter { component in
            component.symbolName.map { kconfig.symbol(named: $0) == nil } ?? false
        }
    }

    public func describe(platform: Component) throws -> ImageDescription {
        defer { kconfig.loadConfig(text: baseline, fileName: workspace.configPath) }
        kconfig.loadConfig(text: baseline, fileName: workspace.configPath)
        for other in catalog.platforms where other.name != platform.name {
            if let name = other.symbolName { kconfig.symbol(named: name)?.setUserValue("n") }
        }
        let architectures = catalog.architectures.filter(isEnabled)
        guard let architecture = architectures.first, architectures.count == 1 else {
            throw BuildError(file: workspace.displayPath(workspace.configPath),
                             "\(architectures.count) architectures are enabled; exactly one must be")
        }
        let components = [architecture] + [catalog.common].compactMap { $0 } + [platform]
            + catalog.libraries.filter(isEnabled) + [catalog.application]
        let parts = try components.map(part)
        let settings = ImageSettings(components: components, holds: holds)
        let variant = "\(platform.name)-\(architecture.name)"
        return ImageDescription(
            name: "\(workspace.appName)_\(variant)", variant: variant,
            platform: platform, architecture: architecture, parts: parts,
            target: try settings.required(.target).value,
            globalCflags: settings.all(.globalCflags), globalSwiftflags: settings.all(.globalSwiftflags),
            ldflags: settings.all(.ldflags),
            linkerScript: try settings.existingFile(try settings.required(.linkerScript)),
            runner: try settings.runner(), packaging: try settings.packaging(),
            configHeader: kconfig.headerText())
    }

    private func isEnabled(_ component: Component) -> Bool {
        guard let name = component.symbolName else { return true }
        return (kconfig.symbol(named: name)?.tristateValue ?? .no) != .no
    }

    private func holds(_ condition: Expression) -> Bool {
        kconfig.evaluate(condition) != .no
    }

    private func part(_ component: Component) throws -> ImageDescription.Part {
        let values = { (key: ManifestKey) in component.manifest.values(of: key, where: holds) }
        let paths = { (key: ManifestKey) in try values(key).map { try existingPath($0.value, line: $0.line, in: component) } }
        let sources = try paths(.sources)
        for (source, line) in zip(sources, values(.sources).map(\.line)) where !SourceKind.isKnown(source) {
            throw BuildError(file: component.manifest.file, line: line,
                             "'\(Path.lastComponent(of: source))' is not a C (.c), assembly (.S, .s) or Swift (.swift) file")
        }
        return ImageDescription.Part(
            component: component, sources: sources, includes: try paths(.includes),
            cflags: values(.cflags).map(\.value), swiftflags: values(.swiftflags).map(\.value),
            swiftBridgingHeader: try paths(.swiftBridgingHeader).last,
            swiftModule: values(.swiftModule).last?.value ?? Self.swiftModuleName(component.name))
    }

    private func existingPath(_ relative: String, line: Int, in component: Component) throws -> String {
        let path = Path.join(component.folder, relative)
        guard FileSystem.exists(path) else {
            throw BuildError(file: component.manifest.file, line: line, "'\(relative)' does not exist")
        }
        return path
    }

    /// "hello-swift" → "hello_swift": folder names may not be identifiers.
    static func swiftModuleName(_ folderName: String) -> String {
        let name = String(folderName.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return name.first?.isNumber == true ? "_" + name : name
    }
}

/// The image-wide keys, gathered over all of an image's components.
struct ImageSettings {
    /// One value and where it was set.
    struct Setting {
        var component: Component
        var value: String
        var line: Int
    }

    let components: [Component]
    let holds: (Expression) -> Bool

    func all(_ key: ManifestKey) -> [String] {
        settings(key).map(\.value)
    }

    /// The one value of a single-valued key: an error if several lines set
    /// it, or if none does.
    func required(_ key: ManifestKey) throws -> Setting {
        let found = settings(key)
        if found.count > 1 {
            let places = found.map { "\($0.component.manifest.file):\($0.line)" }.joined(separator: ", ")
            throw BuildError("'\(key.rawValue)' is set more than once for this image: \(places)")
        }
        guard let setting = found.first else {
            throw BuildError("no manifest of this image sets '\(key.rawValue)' (the architecture or platform should)")
        }
        return setting
    }

    /// A path value, resolved against the folder of the component that set it.
    func existingFile(_ setting: Setting) throws -> String {
        let path = Path.join(setting.component.folder, setting.value)
        guard FileSystem.isRegularFile(path) else {
            throw BuildError(file: setting.component.manifest.file, line: setting.line, "'\(setting.value)' does not exist")
        }
        return path
    }

    func runner() throws -> Runner {
        let setting = try required(.runner)
        guard let runner = Runner(rawValue: setting.value) else {
            throw BuildError(file: setting.component.manifest.file, line: setting.line,
                             "runner '\(setting.value)' is unknown (known: kvm, process)")
        }
        return runner
    }

    /// A platform's `packaging`, `elf` when none is set.
    func packaging() throws -> Packaging {
        guard !settings(.packaging).isEmpty else { return .elf }
        let setting = try required(.packaging)
        guard let packaging = Packaging(rawValue: setting.value) else {
            let known = Packaging.allCases.map(\.rawValue).joined(separator: ", ")
            throw BuildError(file: setting.component.manifest.file, line: setting.line,
                             "packaging '\(setting.value)' is unknown (known: \(known))")
        }
        return packaging
    }

    private func settings(_ key: ManifestKey) -> [Setting] {
        components.flatMap { component in
            component.manifest.values(of: key, where: holds).map {
                Setting(component: component, value: $0.value, line: $0.line)
            }
        }
    }
}

/// Source files by extension.
enum SourceKind {
    case c, assembly, swift

    init?(path: String) {
        if path.hasSuffix(".c") { self = .c }
        else if path.hasSuffix(".S") || path.hasSuffix(".s") { self = .assembly }
        else if path.hasSuffix(".swift") { self = .swift }
        else { return nil }
    }

    static func isKnown(_ path: String) -> Bool { SourceKind(path: path) != nil }
}
