import KconfigKit

/// The fixed trees the fuzz targets run against, kept in memory so that a
/// run touches no file and every replay means the same thing everywhere.
package enum FuzzFixtures {
    /// The values of `$(NAME)` in the `kconfig` target: ordinary ones, an
    /// empty one, and values with characters that matter to the lexer.
    static let environment = [
        "ARCH": "x86_64", "SRCARCH": "x86", "BITS": "64", "KERNELVERSION": "6.1.0", "CC": "clang",
        "UK_NAME": "fuzz", "EMPTY": "", "DIR": "sub", "GLOB": "libs/*", "WORDS": "A B  C",
        "QUOTE": "\"", "PARENS": ")(", "DOLLAR": "$(ARCH)", "ARCH_64": "x86_64", "NL": "a\nb",
    ]

    /// Files the `kconfig` target's root file may `source`, relative to the
    /// source tree: plain, relative, nested, globbed, and a loop.
    static let sourceTree: [String: [UInt8]] = [
        "sub/Kconfig": """
            config SUB
            \tbool "Sub"
            \tdefault y
            rsource "deeper/Kconfig"

            """,
        "sub/deeper/Kconfig": """
            config DEEPER
            \ttristate "Deeper"
            \tdepends on SUB && MODULES

            """,
        "libs/a/Kconfig": "menuconfig LIBA\n\tbool \"A\"\nif LIBA\nconfig LIBA_N\n\tint \"N\"\n\trange 1 9\nendif\n",
        "libs/b/Kconfig": "config LIBB\n\tbool \"B\"\n\tselect LIBA\n\timply SUB\n",
        "x86/Kconfig": "config X86\n\tdef_bool y\nconfig ARCH\n\tstring\n\tdefault \"$(ARCH)\"\n",
        "loop/Kconfig": "source \"loop/Kconfig\"\n",
        "bad/Kconfig": "endmenu\n",
        "open/Kconfig": "menu \"left open\"\n",
    ].mapValues { Array($0.utf8) }

    /// A realistic tree for the `config` target: every type, choices (bool,
    /// tristate, optional, dependent), ranges that depend on other values,
    /// modules, `select`/`imply`, menus with `visible if`.
    static let configTree = """
        mainmenu "Fuzz $(UK_NAME)"

        config MODULES
        \tbool "Modules"
        \tmodules
        \tdefault y

        choice ARCH
        \tprompt "Architecture"
        \tdefault ARCH_X86_64
        config ARCH_X86_64
        \tbool "x86_64"
        config ARCH_ARM64
        \tbool "arm64"
        endchoice

        choice
        \ttristate "Drivers"
        \tdepends on MODULES
        config DRV_A
        \ttristate "A"
        config DRV_B
        \ttristate "B"
        \tdepends on ARCH_X86_64
        endchoice

        choice
        \tprompt "Allocator"
        \toptional
        config ALLOC_BUDDY
        \tbool "Buddy"
        config ALLOC_TLSF
        \tbool "TLSF"
        \tselect STATS
        endchoice

        config LOCKED
        \tbool "Locked"
        menu "Limits"
        \tvisible if !LOCKED
        config STACK_PAGES
        \tint "Stack pages"
        \trange 1 MAX_PAGES if MAX_PAGES > 1
        \trange 1 4
        \tdefault 2
        config MAX_PAGES
        \tint "Maximum pages"
        \trange -8 64
        \tdefault 16
        config BASE
        \thex "Base address"
        \trange 0x1000 0xffffffff
        \tdefault 0x100000
        config HEAP_SIZE
        \thex "Heap"
        endmenu

        config NAME
        \tstring "Name"
        \tdefault "unikit \\"fuzz\\" $(ARCH)"
        config CMDLINE
        \tstring "Command line"
        \tdepends on NAME != ""

        menuconfig NET
        \ttristate "Networking"
        \timply STATS
        if NET
        config NET_MTU
        \tint "MTU"
        \trange 68 9000
        \tdefault 1500 if ARCH_X86_64
        \tdefault 576
        config NET_DRIVER
        \tdef_tristate m
        \tdepends on DRV_A || DRV_B
        endif

        config STATS
        \tbool "Statistics"
        \tdepends on MAX_PAGES >= 4
        \thelp
        \t  Counts everything.

        config DEBUG
        \tbool
        \tdefault y if STATS && (NET = m || BASE < 0x2000)
        comment "debugging is on"
        \tdepends on DEBUG

        """

    /// The `manifest` target's tree: the names the manifests under
    /// `Tests/BuildEngineTests/Fixtures/tree` use, and one of every type.
    static let manifestTree = """
        choice
        \tprompt "Architecture"
        config ARCH_TOY
        \tbool "toy"
        endchoice
        config PLAT_ALPHA
        \tbool "alpha"
        \tdefault y
        config PLAT_BETA
        \tbool "beta"
        config MODULES
        \tdef_bool y
        \tmodules
        config LIBCOND
        \ttristate "conditional parts"
        \tdefault m
        config COND_EXTRA
        \tbool "extra source"
        \tdepends on LIBCOND
        config LIBONLYBETA
        \tbool "only for beta"
        \tdefault y
        \tdepends on PLAT_BETA
        config APP_OPTION
        \tint "An option"
        \tdefault 7
        config BASE
        \thex "base"
        \tdefault 0x1000
        config UK_NAME
        \tstring "name"
        \tdefault "app"

        """

    static let manifestConfig = "CONFIG_PLAT_BETA=y\nCONFIG_LIBCOND=y\nCONFIG_COND_EXTRA=y\n"

    static let configEnvironment = ["UK_NAME": "fuzz", "ARCH": "x86_64"]

    /// A fixture tree (root file text only) parsed afresh.
    static func load(_ text: String) throws -> Kconfig {
        try Kconfig(rootFile: "Kconfig", sourceTree: "", environment: configEnvironment, shell: .refuse,
                    files: MemoryFiles(["Kconfig": Array(text.utf8)]))
    }
}
