import BuildEngine
import Testing

@Suite struct BuildPlannerTests {
    let toolchain = Toolchain(binFolder: "/tc/bin")

    @Test func compileLinkAndStripCommands() throws {
        try withFixtureTree { tree in
            let resolver = try tree.resolver("CONFIG_ARCH_TOY=y\nCONFIG_PLAT_ALPHA=y\n")
            let image = try resolver.describe(platform: resolver.enabledPlatforms()[0])
            let plan = BuildPlanner(workspace: tree.workspace, toolchain: toolchain).plan(image)
            let build = tree.root + "/app/build"
            #expect(plan.steps.map(\.label) == [
                "CC Platforms/alpha/start.c", "CC Libraries/cond/a.c", "CC main.c",
                "SWIFT main.swift", "LD build/app_alpha-toy.dbg", "STRIP build/app_alpha-toy",
            ])
            #expect(plan.steps[1].command == [
                "/tc/bin/clang", "--target=toy-unknown-none-elf", "-DARCH_FLAG", "-DCOMMON_FLAG", "-DON_ALPHA",
                "-I\(build)/alpha-toy/include", "-I\(tree.root)/Platforms/common/include",
                "-MD", "-MF", "\(build)/alpha-toy/obj/lib/cond/a.c.o.d",
                "-c", "\(tree.root)/Libraries/cond/a.c", "-o", "\(build)/alpha-toy/obj/lib/cond/a.c.o",
            ])
            let swift = plan.steps[3].command
            #expect(Array(swift.prefix(5)) == ["/tc/bin/swiftc", "-target", "toy-unknown-none-elf", "-module-name", "app"])
            #expect(swift.contains("-wmo"))
            #expect(swift.suffix(4) == ["-c", "\(tree.root)/app/main.swift", "-o", "\(build)/alpha-toy/obj/app/app/app.o"])
            let link = plan.steps[4].command
            #expect(link.first == "/tc/bin/ld.lld")
            #expect(link.contains("-T") && link.contains(tree.root + "/Platforms/alpha/link.ld"))
            #expect(link.contains("\(build)/alpha-toy/obj/app/app/main.c.o"))
            #expect(plan.steps[5].command == ["/tc/bin/llvm-objcopy", "--strip-all", "\(build)/app_alpha-toy.dbg", "\(build)/app_alpha-toy"])
            #expect(plan.configHeaderPath == "\(build)/alpha-toy/include/unikit/config.h")
        }
    }
}
