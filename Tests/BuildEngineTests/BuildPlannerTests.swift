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
            let object = "\(build)/alpha-toy/obj/lib/cond/a.c.o"
            #expect(plan.steps[1].command == [
                "/tc/bin/clang", "--target=toy-unknown-none-elf", "-DARCH_FLAG", "-DCOMMON_FLAG", "-DON_ALPHA",
                "-ffile-prefix-map=\(tree.root)=unikit", "-ffile-prefix-map=\(tree.root)/app=app",
                "-I\(build)/alpha-toy/include", "-I\(tree.root)/Platforms/common/include",
                "-MD", "-MF", "\(object).d", "-c", "\(tree.root)/Libraries/cond/a.c", "-o", object,
            ])
            #expect(plan.steps[1].inputs == ["\(tree.root)/Libraries/cond/a.c"])
            #expect(plan.steps[1].depfile == "\(object).d")
            #expect(plan.steps[1].configSymbols == plan.configFiles)
            #expect(plan.configFiles.header == "\(build)/alpha-toy/include/unikit/config.h")
            #expect(plan.configFiles.stampFolder == "\(build)/alpha-toy/config")

            let swift = plan.steps[3]
            #expect(Array(swift.command.prefix(5)) == ["/tc/bin/swiftc", "-target", "toy-unknown-none-elf", "-module-name", "app"])
            #expect(swift.command.contains("-wmo"))
            #expect(swift.command.suffix(5) == ["-emit-dependencies", "-c", "\(tree.root)/app/main.swift", "-o", "\(build)/alpha-toy/obj/app/app/app.o"])
            #expect(swift.depfile == "\(build)/alpha-toy/obj/app/app/app.d")

            let link = plan.steps[4]
            #expect(link.command.first == "/tc/bin/ld.lld")
            #expect(link.command.contains("--dependency-file=\(build)/app_alpha-toy.dbg.d"))
            #expect(link.inputs.last == tree.root + "/Platforms/alpha/link.ld")
            #expect(link.inputs.contains("\(build)/alpha-toy/obj/app/app/main.c.o"))
            #expect(link.outputs == ["\(build)/app_alpha-toy.dbg", "\(build)/app_alpha-toy.map"])
            #expect(plan.steps[5].command == [
                "/tc/bin/llvm-objcopy", "--strip-all", "--add-section", ".unikit.config=\(build)/alpha-toy/config.id",
                "\(build)/app_alpha-toy.dbg", "\(build)/app_alpha-toy",
            ])
            #expect(plan.configIdentity.hasPrefix("unikit config ") && plan.configIdentity.count == 31)
        }
    }
}
