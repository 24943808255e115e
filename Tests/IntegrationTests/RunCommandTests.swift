import Foundation
import Testing

/// `unikit run` as users type it: choosing the image, options, exit statuses,
/// the syscall filter on a real loader process, and timeouts on both runners.
@Suite struct RunCommandTests {
    static func helloworld() throws -> AppCopy { try BuiltExample.named("helloworld").app }

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: confines a real loader"))
    func forbiddenSyscallAfterSetupKillsTheLoader() throws {
        let result = try Self.helloworld().unikit("run", "--debug-open-after-setup", "/etc/hostname")
        #expect(result.status == 159, "SIGSYS: 128 + 31; stderr: \(result.stderr)")
        #expect(result.stderr == "unikit run: debug: opening /etc/hostname after setup\n")
        #expect(result.stdout.isEmpty, "the guest never ran")
    }

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: runs a loader without its filter"))
    func withoutTheFilterTheSameOpenSucceeds() throws {
        let result = try Self.helloworld().unikit("run", "--no-seccomp", "--debug-open-after-setup", "/etc/hostname")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("unikit run: debug: opened /etc/hostname\n"))
        #expect(result.stdout.hasPrefix("Hello, world!\n"))
    }

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: boots an image by path"))
    func imagePathAndCommandLine() throws {
        let app = try Self.helloworld()
        let result = try runProcess([Host.unikit, "run", app.image("kvm"), "--cmdline", "one \"two three\"", "--", "four"],
                                    in: NSTemporaryDirectory())
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "Hello, world!\nargv[0]: helloworld\nargv[1]: one\nargv[2]: two three\nargv[3]: four\n")
        // The same options for a linuxu image, found as a process image in build/images.
        let linuxu = try runProcess([Host.unikit, "run", app.image("linuxu"), "--cmdline", "one \"two three\"", "--", "four"])
        #expect(linuxu.stdout.hasSuffix("argv[1]: one\nargv[2]: two three\nargv[3]: four\n"), "stdout: \(linuxu.stdout)")
    }

    @Test func usageErrorsAndMissingImages() throws {
        let app = try Self.helloworld()
        let unknown = try app.unikit("run", "--bogus")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: unknown option '--bogus'\nUSAGE: unikit run [IMAGE]"))
        let memory = try app.unikit("run", "--platform", "linuxu", "--memory", "64M")
        #expect(memory.status == 64)
        #expect(memory.stderr.hasPrefix("Error: --memory applies to KVM images"))
        let platform = try app.unikit("run", "--platform", "xen")
        #expect(platform.status == 120)
        #expect(platform.stderr == "unikit run: no xen image in build/ (built: kvm, linuxu); enable the platform and run `unikit build`\n")

        let unbuilt = try AppCopy(example: "helloworld")
        let none = try unbuilt.unikit("run")
        #expect(none.status == 120)
        #expect(none.stderr == "unikit run: no images in build/: run `unikit build` first\n")
        let outside = try runProcess([Host.unikit, "run"], in: NSTemporaryDirectory())
        #expect(outside.status == 120)
        #expect(outside.stderr.contains("is not an application folder (it has no Manifest): run unikit inside one, or give an IMAGE"))
    }

    @Test func helpListsOptionsAndExitStatuses() throws {
        let direct = try runProcess([Host.unikit, "run", "--help"])
        let viaTool = try runProcess([Host.unikit, "help", "run"])
        for help in [direct, viaTool] {
            #expect(help.status == 0)
            for text in ["--timeout SECONDS", "--no-seccomp", "124    the run exceeded --timeout",
                         "159    the loader tried a syscall outside its allowlist"] {
                #expect(help.stdout.contains(text), "missing \(text) in: \(help.stdout)")
            }
        }
        let overview = try runProcess([Host.unikit, "--help"])
        #expect(overview.stdout.contains("run                     Boot an image built by `unikit build`."))
    }

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm"))
    func changedConfigIsWarnedAbout() throws {
        let app = try AppCopy(copying: try Self.helloworld().folder)
        let config = app.folder + "/.config"
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: config)
        let result = try app.unikit("run")
        #expect(result.status == 0)
        #expect(result.stderr.contains(".config changed after the last build"))
    }
}
