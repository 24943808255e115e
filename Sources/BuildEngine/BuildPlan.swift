import SystemSupport
/// One command of a build.
public struct BuildStep: Sendable {
    /// What progress lines show: "CC Libraries/ukboot/src/boot.c".
    public var label: String
    public var command: [String]
    /// Files the command writes.
    public var outputs: [String]
}

/// Everything to do to build one image, in order.
public struct ImagePlan {
    public var image: ImageDescription
    /// build/<platform>-<arch>: objects and generated headers.
    public var folder: String
    /// The generated configuration header and its bytes.
    public var configHeaderPath: String
    /// The stripped image, the image with symbols, and the link map.
    public var imagePath: String
    public var debugImagePath: String
    public var mapPath: String
    public var steps: [BuildStep]
}

/// Turns an image description into commands for the toolchain.
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
        let includes = [generatedIncludes] + image.includes
        var steps: [BuildStep] = []
        var objects: [String] = []
        for part in image.parts {
            for source in part.cSources {
                let object = objectPath(for: source, in: part, folder: folder)
                steps.append(compileC(source, to: object, part: part, image: image, includes: includes))
                objects.append(object)
            }
            if !part.swiftSources.isEmpty {
                let object = Path.join(folder, "obj/\(part.component.kindFolder)/\(part.component.name)/\(part.swiftModule).o")
                steps.append(compileSwift(part, to: object, image: image, includes: includes, folder: folder))
                objects.append(object)
            }
        }
        let imagePath = Path.join(workspace.buildFolder, image.name)
        let plan = ImagePlan(
            image: image, folder: folder,
            configHeaderPath: Path.join(generatedIncludes, "unikit/config.h"),
            imagePath: imagePath, debugImagePath: imagePath + ".dbg", mapPath: imagePath + ".map",
            steps: steps)
        return withLinkSteps(plan, objects: objects, includes: includes)
    }

    private func compileC(_ source: String, to object: String, part: ImageDescription.Part,
                          image: ImageDescription, includes: [String]) -> BuildStep {
        let kind = SourceKind(path: source) == .assembly ? "AS" : "CC"
        let command = [toolchain.clang, "--target=\(image.target)"] + image.globalCflags + part.cflags
            + includes.map { "-I\($0)" } + ["-MD", "-MF", object + ".d", "-c", source, "-o", object]
        return BuildStep(label: "\(kind) \(workspace.displayPath(source))", command: command, outputs: [object])
    }

    /// A component's Swift files compile as one module, whole-module, into
    /// one object (Embedded Swift requires whole-module compilation).
    private func compileSwift(_ part: ImageDescription.Part, to object: String, image: ImageDescription,
                              includes: [String], folder: String) -> BuildStep {
        var command = [toolchain.swiftc, "-target", image.target, "-module-name", part.swiftModule, "-wmo",
                       "-module-cache-path", Path.join(folder, "module-cache")]
        command += image.globalSwiftflags + part.swiftflags + includes.flatMap { ["-Xcc", "-I\($0)"] }
        if let header = part.swiftBridgingHeader { command += ["-import-bridging-header", header] }
        command += ["-c"] + part.swiftSources + ["-o", object]
        let more = part.swiftSources.count > 1 ? " (+\(part.swiftSources.count - 1) more)" : ""
        return BuildStep(label: "SWIFT \(workspace.displayPath(part.swiftSources[0]))\(more)",
                         command: command, outputs: [object])
    }

    private func withLinkSteps(_ plan: ImagePlan, objects: [String], includes: [String]) -> ImagePlan {
        var plan = plan
        let image = plan.image
        let hasSwift = image.parts.contains { !$0.swiftSources.isEmpty }
        let archives = hasSwift ? [toolchain.embeddedUnicodeTables(target: image.target)].compactMap { $0 } : []
        // Include folders are also where linker scripts find INCLUDEd fragments.
        let link = [toolchain.linker] + image.ldflags + includes.map { "-L\($0)" }
            + ["-T", image.linkerScript, "-Map", plan.mapPath, "-o", plan.debugImagePath] + objects + archives
        plan.steps.append(BuildStep(label: "LD \(workspace.displayPath(plan.debugImagePath))",
                                    command: link, outputs: [plan.debugImagePath, plan.mapPath]))
        plan.steps.append(BuildStep(label: "STRIP \(workspace.displayPath(plan.imagePath))",
                                    command: [toolchain.objcopy, "--strip-all", plan.debugImagePath, plan.imagePath],
                                    outputs: [plan.imagePath]))
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
