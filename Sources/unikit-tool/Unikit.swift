import ArgumentParser

struct Unikit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unikit",
        abstract: "Configure, build and run unikernel images.",
        discussion: """
            Run the commands inside an application folder (one with a Manifest, \
            e.g. Examples/helloworld): its .config and build/ live there. \
            unikit finds its tree (Kconfig, Platforms/, Libraries/) above its own \
            executable, or in UNIKIT_HOME.
            """,
        subcommands: [
            Defconfig.self, Olddefconfig.self, Savedefconfig.self, Oldconfig.self, Listnewconfig.self,
            Alldefconfig.self, Allnoconfig.self, Allyesconfig.self, Randconfig.self,
            MenuconfigCommand.self, Build.self, Run.self, Clean.self, Distclean.self, Config.self,
        ])
}
