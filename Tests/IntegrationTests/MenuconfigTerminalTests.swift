import Foundation
import Testing

/// `unikit menuconfig` on a real terminal (tmux): the binary as users run it.
@Suite(.serialized) struct MenuconfigTerminalTests {
    @Test(.enabled(if: Tmux.isAvailable)) func helloworldSession() throws {
        let app = try AppCopy(example: "helloworld")
        #expect(try app.unikit("alldefconfig").status == 0)
        let ui = try Tmux("\(shellQuoted(Host.unikit)) menuconfig", in: app.folder)
        try ui.waitFor("Library Configuration  --->")

        // Enable linuxu in the platform menu.
        try ui.send("Down", "Enter")
        try ui.waitFor("[ ] Linux user space (linuxu)  ----")
        try ui.send("Down", "y")
        try ui.waitFor("[*] Linux user space (linuxu)  --->")
        // Turning a platform off says what went with it.
        try ui.send("Up", "n")
        try ui.waitFor("PLAT_KVM=n also changed X86_64_PVH_ENTRY y→n, X86_64_LOADER_ENTRY y→n")
        try ui.send("y")
        try ui.waitFor("[*] KVM guest  --->")

        // A library others select cannot be turned off; the UI says by whom.
        try ui.send("Escape", "Down", "Enter")
        try ui.waitFor("ukboot: boot sequence")
        try ui.type("u") // ukalloc, then ukblkdev, then ukboot
        try ui.send("Down", "Down", "n")
        try ui.waitFor("LIBUKBOOT cannot be n: it is selected by LIBNOLIBC [=y].")
        try ui.send("?", "End")
        try ui.waitFor("LIBUKBOOT cannot be changed: it is selected by LIBNOLIBC [=y].")
        try ui.send("Escape")

        // Search, jump, help with dependencies, a refused int.
        try ui.send("/")
        try ui.waitFor("Search Configuration Parameter")
        try ui.type("line_size")
        try ui.send("Enter")
        try ui.waitFor("LIBUKCONSOLE_LINE_SIZE [=256]  Line buffer size (bytes)")
        try ui.send("Enter")
        try ui.waitFor("(256) Line buffer size (bytes)")
        try ui.send("?")
        let help = try ui.waitFor("Depends on: LIBUKCONSOLE [=y]")
        #expect(help.contains("Range : [16 4096]"))
        try ui.send("Escape", "Enter")
        try ui.waitFor("Range: 16…4096.")
        try ui.send("BSpace", "BSpace", "BSpace")
        try ui.type("9999")
        try ui.send("Enter")
        try ui.waitFor("9999 is outside the range 16…4096.")
        try ui.send("Escape")

        // Save, leave, and olddefconfig finds nothing to change.
        try ui.send("F6")
        try ui.waitFor("Save the configuration to this file:")
        try ui.send("Enter")
        try ui.waitFor("configuration written to .config")
        try ui.send("F9")
        try ui.waitFor("EXITED=0")
        let saved = try String(contentsOfFile: app.folder + "/.config", encoding: .utf8)
        #expect(saved.contains("CONFIG_PLAT_LINUXU=y\n"))
        let check = try app.unikit("olddefconfig")
        #expect(check.stdout == "#\n# No change to .config\n#\n", "\(check.stdout)\(check.stderr)")
        #expect(try String(contentsOfFile: app.folder + "/.config", encoding: .utf8) == saved)
    }

    @Test(.enabled(if: Tmux.isAvailable)) func refusesANonTerminal() throws {
        let app = try AppCopy(example: "helloworld")
        let result = try app.unikit("menuconfig")
        #expect(result.status != 0)
        #expect(result.stderr.contains("menuconfig needs a terminal"), "\(result.stderr)")
        #expect(result.stderr.contains("unikit olddefconfig"))
    }

    @Test(.enabled(if: Tmux.isAvailable)) func unsavedChangesAreConfirmedAtExit() throws {
        let app = try AppCopy(example: "helloworld")
        #expect(try app.unikit("defconfig").status == 0)
        let before = try String(contentsOfFile: app.folder + "/.config", encoding: .utf8)
        let ui = try Tmux("\(shellQuoted(Host.unikit)) menuconfig", in: app.folder, environment: ["NO_COLOR": "1"])
        try ui.waitFor("Platform Configuration  --->")
        try ui.send("Down", "Enter", "Down", "n", "Escape", "Escape")
        try ui.waitFor("Do you wish to save your new configuration?")
        try ui.send("n")
        try ui.waitFor("EXITED=0")
        #expect(try String(contentsOfFile: app.folder + "/.config", encoding: .utf8) == before)
    }

    /// Linux 6.1's x86_64 tree (Benchmarks/kconfig-conformance unpacks it).
    @Test(.enabled(if: Tmux.isAvailable && LinuxTree.path != nil)) func linuxTreeSession() throws {
        let tree = try #require(LinuxTree.path)
        let build = try temporaryFolder(copying: nil)
        let environment = LinuxTree.environment(tree)
        let ui = try Tmux("\(shellQuoted(Host.unikit)) menuconfig --kconfig Kconfig", in: build, environment: environment)
        try ui.waitFor("General setup  --->", seconds: 60)
        try ui.send("Enter")
        try ui.waitFor("Local version - append to kernel release")
        try ui.send("Escape", "/")
        try ui.type("^NET$")
        try ui.send("Enter")
        try ui.waitFor("NET [=n]  Networking support")
        try ui.send("Enter", "y")
        try ui.waitFor("[*] Networking support  --->")
        try ui.send("Enter")
        try ui.waitFor("Networking options  --->")
        try ui.send("Escape", "F6", "Enter")
        try ui.waitFor("configuration written to .config")
        try ui.send("F9")
        try ui.waitFor("EXITED=0")
        let saved = try String(contentsOfFile: build + "/.config", encoding: .utf8)
        #expect(saved.contains("CONFIG_NET=y\n"))
        let conf = try runProcess([LinuxTree.conf, "--olddefconfig", "Kconfig"], in: build, environment: environment)
        #expect(conf.status == 0, "\(conf.stderr)")
        #expect(try String(contentsOfFile: build + "/.config", encoding: .utf8) == saved,
                "Linux's conf --olddefconfig changed what menuconfig saved")
    }
}

/// Where Linux 6.1's source tree is unpacked, and conf's environment for it.
enum LinuxTree {
    static let conf = "/usr/lib/linux-kbuild-6.1/scripts/kconfig/conf"

    static let path: String? = {
        let root = ProcessInfo.processInfo.environment["UNIKIT_LINUX_TREE"] ?? Host.repository + "/.build-linux"
        let tree = root + "/linux-source-6.1"
        if FileManager.default.fileExists(atPath: tree + "/Kconfig") && FileManager.default.isExecutableFile(atPath: conf) {
            return tree
        }
        FileHandle.standardError.write(Data("""
            *** No Linux 6.1 tree at \(tree) (or no \(conf)): SKIPPING menuconfig on Linux's Kconfig; \
            Benchmarks/kconfig-conformance installs and unpacks it, or set UNIKIT_LINUX_TREE ***\n
            """.utf8))
        return nil
    }()

    /// The variables Linux's Makefile gives conf for ARCH=x86_64.
    static func environment(_ tree: String) -> [String: String] {
        let gcc = (try? runProcess(["gcc", "--version"], timeout: 30).stdout.split(separator: "\n").first.map(String.init)) ?? ""
        return ["ARCH": "x86_64", "SRCARCH": "x86", "KERNELVERSION": "6.1.0", "CC": "gcc", "LD": "ld", "AR": "ar",
                "NM": "nm", "OBJCOPY": "objcopy", "PAHOLE": "pahole", "RUSTC": "rustc", "BINDGEN": "bindgen",
                "HOSTCC": "gcc", "HOSTCXX": "g++", "CC_VERSION_TEXT": gcc ?? "", "srctree": tree]
    }
}
