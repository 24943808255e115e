import Foundation
import Testing

/// Builds both examples for kvm and linuxu, then boots every image each way
/// it can run: unikit's loader, QEMU microvm and pc, and linuxu as a process. Each
/// must greet, print its arguments, and exit with the status asked for.
@Suite struct BootTests {
    static let examples = ["helloworld", "hello-swift"]
    /// Arguments every boot passes; the last chooses the exit status.
    static let arguments = ["first", "two words", "exit=5"]

    func expectGreetingAndArguments(_ output: String, _ example: BuiltExample, argv0: String) {
        let lines = output.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        #expect(lines == [
            example.greeting, "argv[0]: \(argv0)", "argv[1]: first", "argv[2]: two words", "argv[3]: exit=5",
        ])
    }

    @Test(arguments: examples)
    func buildsOneImagePerPlatform(_ name: String) throws {
        let example = try BuiltExample.named(name)
        for platform in ["kvm", "linuxu"] {
            let image = example.app.image(platform)
            for file in [image, image + ".dbg", image + ".map"] {
                #expect(FileManager.default.fileExists(atPath: file), "\(file) missing")
            }
        }
        #expect(example.buildOutput.stdout.contains("image build/\(name)_kvm-x86_64 ("))
    }

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: boots on unikit's KVM loader"), arguments: examples)
    func bootsOnUnikitLoader(_ name: String) throws {
        let example = try BuiltExample.named(name)
        // A device on the command line describes hardware: the kvm platform
        // takes it out of argv, as Linux does.
        let device = "virtio_mmio.device=4K@0xfeb00000:12"
        let result = try runProcess([Host.unikit, "run", "--", device] + Self.arguments, in: example.app.folder, timeout: 60)
        #expect(result.status == 5, "stderr: \(result.stderr)")
        expectGreetingAndArguments(result.stdout, example, argv0: name)
    }

    /// The same image through its PVH entry on unikit's loader, as QEMU boots it.
    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: boots on unikit's KVM loader"), arguments: examples)
    func bootsOnUnikitLoaderThroughPVH(_ name: String) throws {
        let example = try BuiltExample.named(name)
        let result = try runProcess([Host.unikit, "run", "--pvh", "--"] + Self.arguments, in: example.app.folder, timeout: 60)
        #expect(result.status == 5, "stderr: \(result.stderr)")
        expectGreetingAndArguments(result.stdout, example, argv0: name)
    }

    /// Both QEMU machines: microvm (PVH straight from -kernel) and pc (SeaBIOS,
    /// then PVH through QEMU's option ROM).
    @Test(.enabled(if: Host.qemu != nil, "needs qemu-system-x86_64"),
          arguments: examples, ["microvm", "pc"])
    func bootsOnQEMU(_ name: String, _ machine: String) throws {
        let example = try BuiltExample.named(name)
        let command = QEMU.command(machine: machine, image: example.app.image("kvm"),
                                   append: "first \"two words\" exit=5")
        let result = try runProcess(command, timeout: 120)
        #expect(result.status == QEMU.status(forGuestStatus: 5), "isa-debug-exit reports 2*status+1; stderr: \(result.stderr)")
        // SeaBIOS (pc) clears the screen and greets on the serial port first.
        let output = machine == "pc" ? String(result.stdout[(result.stdout.range(of: example.greeting)?.lowerBound ?? result.stdout.startIndex)...]) : result.stdout
        expectGreetingAndArguments(output, example, argv0: name)
    }

    @Test(arguments: examples)
    func linuxuRunsAsAProcess(_ name: String) throws {
        let example = try BuiltExample.named(name)
        let viaUnikit = try runProcess([Host.unikit, "run", "--platform", "linuxu", "--"] + Self.arguments,
                                       in: example.app.folder, timeout: 60)
        #expect(viaUnikit.status == 5, "stderr: \(viaUnikit.stderr)")
        expectGreetingAndArguments(viaUnikit.stdout, example, argv0: example.app.image("linuxu"))
        let direct = try runProcess([example.app.image("linuxu")] + Self.arguments, timeout: 60)
        #expect(direct.status == 5)
    }

    /// Without an exit=N argument the status comes from the Kconfig option,
    /// through the generated header into the code.
    @Test(arguments: [("helloworld", "HELLOWORLD"), ("hello-swift", "HELLO_SWIFT")])
    func exitStatusFromKconfigOption(_ name: String, _ prefix: String) throws {
        let app = try AppCopy(example: name)
        try app.write("defconfig", "CONFIG_PLAT_LINUXU=y\nCONFIG_PLAT_KVM=n\nCONFIG_\(prefix)_EXIT_STATUS=9\n")
        #expect(try app.unikit("defconfig").status == 0)
        let build = try app.unikit("build")
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let result = try app.unikit("run")
        #expect(result.status == 9)
        #expect(!FileManager.default.fileExists(atPath: app.image("kvm")))
    }
}
