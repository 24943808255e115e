import SystemSupport

/// Everything to do to build one image: the files to generate, then the
/// steps, each after the steps making its inputs.
public struct ImagePlan {
    public var image: ImageDescription
    /// build/<platform>-<arch>: objects and generated files.
    public var folder: String
    /// The generated configuration header and the image's symbol stamps.
    public var configFiles: ConfigSymbolFiles
    /// The identity of the configuration the image embeds (section
    /// `.unikit.config`): a hash of its header, never a date.
    public var configIdentityPath: String
    public var configIdentity: String {
        "unikit config \(StableHash.hex(StableHash.of(image.configHeader)))\n"
    }
    /// The stripped image, the image with symbols, and the link map.
    public var imagePath: String
    public var debugImagePath: String
    public var mapPath: String
    public var steps: [BuildStep]
}

/// Turns an image description into commands for the toolchain.
///
/// Commands are reproducible: paths under the tree and the app folder are
/// mapped to `unikit/…` and `<app>/…` in everything the compilers write, so
/// the same tree and `.config` give the same bytes in any folder.
public struct BuildPlanner {
    let workspace: Workspace
    let toolchain: Toolchain

    public init(workspace: Workspace, toolchain: Toolchain) {
        self.workspace = workspace
        self.toolchain = toolchain
    }

    public func plan(_ image: ImageDescription) -> ImagePlan {
        let folder = Path.join(workspace.buildFolder, image.variant)
        let generatedIncludes = Path.join(folder, "include")
        let configFiles = ConfigSymbolFiles(header: Path.join(generatedIncludes, "unikit/config.h"),
                                            stampFolder: Path.join(folder, "config"))
        let context = CompileContext(image: image, includes: [generatedIncludes] + image.includes,
                                     configFiles: configFiles, folder: folder)
        var steps: [BuildStep] = []
        for part in image.parts {
            for source in part.cSources {
                steps.append(compileC(source, to: objectPath(for: source, in: part, folder: folder), part: part, context))
            }
            if !part.swiftSources.isEmpty {
                let object = Path.join(folder, "obj/\(part.component.kindFolder)/\(part.component.name)/\(part.swiftModule).o")
                steps.append(compileSwift(part, to: object, context))
            }
        }
        let imagePath = Path.join(workspace.buildFolder, image.name)
        let plan = ImagePlan(
            image: image, folder: folder, configFiles: configFiles,
            configIdentityPath: Path.join(folder, "config.id"),
            imagePath: imagePath, debugImagePath: imagePath + ".dbg", mapPath: imagePath + ".map",
            steps: steps)
        return withLinkSteps(plan, objects: steps.flatMap(\.outputs), includes: context.includes)
    }

    /// What every compile step of an image shares.
    private struct CompileContext {
        var image: ImageDescription
        var includes: [String]
        var configFiles: ConfigSymbolFiles
        var folder: String
    }

    /// Tree first, app last: when the app lies inside the tree, the last
    /// matching map wins, for clang as for swiftc.
    private var prefixMaps: [String] {
        ["\(workspace.treeRoot)=unikit", "\(workspace.appFolder)=\(workspace.appName)"]
    }

    private func compileC(_ source: String, to object: String, part: ImageDescription.Part,
                          _ context: CompileContext) -> BuildStep {
        let kind = SourceKind(path: source) == .assembly ? "AS" : "CC"
        let command = [toolchain.clang, "--target=\(context.image.target)"] + context.image.globalCflags + part.cflags
            + prefixMaps.map { "-ffile-prefix-map=\($0)" } + context.includes.map { "-I\($0)" }
            + ["-MD", "-MF", object + ".d", "-c", source, "-o", object]
        return BuildStep(label: "\(kind) \(workspace.displayPath(source))", command: command, inputs: [source],
                         outputs: [object], depfile: object + ".d", configSymbols: context.configFiles)
    }

    /// A component's Swift files compile as one module, whole-module, into
    /// one object (Embedded Swift requires whole-module compilation). The
    /// driver writes the depfile beside the object, as `<module>.d`.
    private func compileSwift(_ part: ImageDescription.Part, to object: String, _ context: CompileContext) -> BuildStep {
        var command = [toolchain.swiftc, "-target", context.image.target, "-module-name", part.swiftModule, "-wmo",
                       "-module-cache-path", Path.join(context.folder, "module-cache")]
        command += context.image.globalSwiftflags + part.swiftflags + prefixMaps.flatMap { ["-file-prefix-map", $0] }
            + context.includes.flatMap { ["-Xcc", "-I\($0)"] }
        if let header = part.swiftBridgingHeader { command += ["-import-bridging-header", header] }
        command += ["-emit-dependencies", "-c"] + part.swiftSources + ["-o", object]
        let more = part.swiftSources.count > 1 ? " (+\(part.swiftSources.count - 1) more)" : ""
        return BuildStep(label: "SWIFT \(workspace.displayPath(part.swiftSources[0]))\(more)", command: command,
                         inputs: part.swiftSources + [part.swiftBridgingHeader].compactMap { $0 },
                         outputs: [object], depfile: String(object.dropLast(2)) + ".d",
                         configSymbols: context.configFiles)
    }

    private func withLinkSteps(_ plan: ImagePlan, objects: [String], includes: [String]) -> ImagePlan {
        var plan = plan
        let image = plan.image
        let hasSwift = image.parts.contains { !$0.swiftSources.isEmpty }
        let archives = hasSwift ? [toolchain.embeddedUnicodeTables(target: image.target)].compactMap { $0 } : []
        // Include folders are also where linker scripts find INCLUDEd
        // fragments; the depfile names the ones it read.
        let depfile = plan.debugImagePath + ".d"
        let link = [toolchain.linker] + image.ldflags + includes.map { "-L\($0)" }
            + ["-T", image.linkerScript, "-Map", plan.mapPath, "--dependency-file=\(depfile)", "-o", plan.debugImagePath]
            + objects + archives
        plan.steps.append(BuildStep(label: "LD \(workspace.displayPath(plan.debugImagePath))", command: link,
                                    inputs: objects + archives + [image.linkerScript],
                                    outputs: [plan.debugImagePath, plan.mapPath], depfile: depfile))
        plan.steps += image.packaging.steps(for: plan, toolchain: toolchain, workspace: workspace)
        return plan
    }

    /// obj/<kind>/<component>/<source path in the component>.o
    private func objectPath(for source: String, in part: ImageDescription.Part, folder: String) -> String {
        let relative = Path.relative(source, to: part.component.folder)
            .split(separator: "/").map { $0 == ".." ? "__" : String($0) }.joined(separator: "/")
        return Path.join(folder, "obj/\(part.component.kindFolder)/\(part.component.name)/\(relative).o")
    }
}

extension Component {
    /// The object sub-folder for this kind of component.
    var kindFolder: String {
        switch kind {
        case .architecture: "arch"
        case .platformCommon: "common"
        case .platform: "plat"
        case .library: "lib"
        case .application: "app"
        }
    }
}
