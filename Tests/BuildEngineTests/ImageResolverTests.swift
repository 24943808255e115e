import BuildEngine
import SystemSupport
import Testing

@Suite struct ImageResolverTests {
    static let bothPlatforms = "CONFIG_ARCH_TOY=y\nCONFIG_PLAT_ALPHA=y\nCONFIG_PLAT_BETA=y\n"

    func componentNames(_ image: ImageDescription) -> [String] {
        image.parts.map(\.component.name)
    }

    @Test func oneImagePerEnabledPlatform() throws {
        try withFixtureTree { tree in
            let resolver = try tree.resolver(Self.bothPlatforms)
            #expect(resolver.enabledPlatforms().map(\.name) == ["alpha", "beta"])
            let alpha = try resolver.describe(platform: resolver.enabledPlatforms()[0])
            #expect(alpha.name == "app_alpha-toy")
            #expect(alpha.variant == "alpha-toy")
            #expect(alpha.target == "toy-unknown-none-elf")
            #expect(alpha.runner == .kvm)
            #expect(alpha.globalCflags == ["-DARCH_FLAG", "-DCOMMON_FLAG"])
            #expect(alpha.ldflags == ["-static"])
            #expect(alpha.linkerScript == tree.root + "/Platforms/alpha/link.ld")
        }
    }

    /// Within an image, the other platforms are off and Kconfig resolves the
    /// consequences: a library that depends on beta is only in beta's image.
    @Test func otherPlatformsAreOffWithinAnImage() throws {
        try withFixtureTree { tree in
            let resolver = try tree.resolver(Self.bothPlatforms)
            let images = try resolver.enabledPlatforms().map(resolver.describe)
            #expect(componentNames(images[0]) == ["toy", "common", "alpha", "cond", "app"])
            #expect(componentNames(images[1]) == ["toy", "common", "beta", "cond", "onlybeta", "app"])
            #expect(images[0].configHeader.contains("#define CONFIG_PLAT_ALPHA 1"))
            #expect(!images[0].configHeader.contains("CONFIG_PLAT_BETA"))
            #expect(images[1].configHeader.contains("#define CONFIG_PLAT_BETA 1"))
            #expect(images[1].configHeader.contains("#define CONFIG_UK_NAME \"app\""))
        }
    }

    @Test func conditionalEntriesFollowTheConfiguration() throws {
        try withFixtureTree { tree in
            let resolver = try tree.resolver(Self.bothPlatforms + "CONFIG_COND_EXTRA=y\n")
            let images = try resolver.enabledPlatforms().map(resolver.describe)
            let cond = images.map { $0.parts.first { $0.component.name == "cond" }! }
            #expect(cond[0].sources == [tree.root + "/Libraries/cond/a.c", tree.root + "/Libraries/cond/extra.c"])
            #expect(cond[0].cflags == ["-DON_ALPHA"])
            #expect(cond[1].cflags == [])
            #expect(cond[0].swiftflags == ["-Onone"])
            let app = images[0].parts.last!
            #expect(app.swiftSources == [tree.root + "/app/main.swift"])
            #expect(app.cSources == [tree.root + "/app/main.c"])
            #expect(app.swiftBridgingHeader == tree.root + "/app/bridge.h")
            #expect(app.swiftModule == "app")
        }
    }

    @Test func aManifestWithoutKconfigSymbolIsReported() throws {
        try withFixtureTree { tree in
            let resolver = try tree.resolver(Self.bothPlatforms)
            #expect(resolver.componentsWithoutSymbol().map(\.name) == ["nokconfig"])
        }
    }

    @Test func missingSourceFileNamesManifestLine() throws {
        try withFixtureTree { tree in
            try tree.write("Libraries/cond/Manifest", "sources: a.c\nsources: gone.c\n")
            let resolver = try tree.resolver(Self.bothPlatforms)
            let message = buildErrorMessage { _ = try resolver.describe(platform: resolver.enabledPlatforms()[0]) }
            #expect(message == "Libraries/cond/Manifest:2: 'gone.c' does not exist")
        }
    }

    @Test func packagingIsELFUnlessThePlatformSaysOtherwise() throws {
        try withFixtureTree { tree in
            let resolver = try tree.resolver(Self.bothPlatforms)
            #expect(try resolver.describe(platform: resolver.enabledPlatforms()[0]).packaging == .elf)
            try tree.write("Platforms/alpha/Manifest", "sources: start.c\nlinker-script: link.ld\nrunner: kvm\npackaging: iso\n")
            let again = try tree.resolver(Self.bothPlatforms)
            #expect(buildErrorMessage { _ = try again.describe(platform: again.enabledPlatforms()[0]) }
                    == "Platforms/alpha/Manifest:4: packaging 'iso' is unknown (known: elf)")
        }
    }

    @Test func unknownSourceKindAndRunnerAreErrors() throws {
        try withFixtureTree { tree in
            try tree.write("Libraries/cond/a.c", "")
            try tree.write("Libraries/cond/notes.txt", "")
            try tree.write("Libraries/cond/Manifest", "sources: notes.txt\n")
            let resolver = try tree.resolver(Self.bothPlatforms)
            let alpha = resolver.enabledPlatforms()[0]
            #expect(buildErrorMessage { _ = try resolver.describe(platform: alpha) }
                    == "Libraries/cond/Manifest:1: 'notes.txt' is not a C (.c), assembly (.S, .s) or Swift (.swift) file")
            try tree.write("Libraries/cond/Manifest", "sources: a.c\n")
            try tree.write("Platforms/alpha/Manifest", "sources: start.c\nlinker-script: link.ld\nrunner: qemu\n")
            let again = try tree.resolver(Self.bothPlatforms)
            #expect(buildErrorMessage { _ = try again.describe(platform: again.enabledPlatforms()[0]) }
                    == "Platforms/alpha/Manifest:3: runner 'qemu' is unknown (known: kvm, process)")
        }
    }

    @Test func imageWideSingleValuesMustBeSetOnce() throws {
        try withFixtureTree { tree in
            try tree.write("Libraries/cond/Manifest", "sources: a.c\ntarget: other-elf\n")
            let resolver = try tree.resolver(Self.bothPlatforms)
            #expect(buildErrorMessage { _ = try resolver.describe(platform: resolver.enabledPlatforms()[0]) }
                    == "'target' is set more than once for this image: Platforms/Arch/toy/Manifest:1, Libraries/cond/Manifest:2")
        }
    }

    @Test func appFolderNeedsAManifest() throws {
        try withFixtureTree { tree in
            try FileSystem.removeRecursively(tree.root + "/app/Manifest")
            let kconfig = try tree.kconfig("")
            #expect(buildErrorMessage { _ = try ComponentCatalog(workspace: tree.workspace, kconfig: kconfig) }
                    == "\(tree.root)/app: not an application folder: it has no Manifest")
        }
    }
}
