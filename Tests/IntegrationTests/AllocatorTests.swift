import Foundation
import Testing

/// Every ukalloc implementation Kconfig offers, each selected by a defconfig
/// and built for linuxu: the library's unit tests pass, LIBUKALLOC_CHECKS
/// catches misuse (Tests/GuestTests/allocmisuse), and allocbench finds every
/// block intact and the heap whole again.
@Suite struct AllocatorTests {
    static let implementations = ["TLSF", "BUDDY", "FIRSTFIT"]

    /// A copy of the app folder `source` configured for linuxu with
    /// `implementation` and the extra defconfig `lines`, then built.
    static func build(_ source: String, implementation: String, _ lines: [String] = []) throws -> AppCopy {
        let app = try AppCopy(copying: Host.repository + "/" + source, skipping: [".config", ".config.old", "build"])
        let defconfig = ["CONFIG_PLAT_LINUXU=y", "# CONFIG_PLAT_KVM is not set",
                         "CONFIG_LIBUKALLOC_\(implementation)=y"] + lines
        try app.write("defconfig", defconfig.joined(separator: "\n") + "\n")
        let configured = try app.unikit("defconfig")
        guard configured.status == 0 else { throw Failure("unikit defconfig failed:\n\(configured.stderr)") }
        let config = try String(contentsOfFile: app.folder + "/.config", encoding: .utf8)
        guard config.contains("\nCONFIG_LIBUKALLOC_\(implementation)=y\n") else {
            throw Failure("the defconfig did not select \(implementation):\n\(config)")
        }
        let build = try app.unikit("build")
        guard build.status == 0 else { throw Failure("unikit build failed:\n\(build.stdout)\(build.stderr)") }
        return app
    }

    @Test(arguments: implementations)
    func unitTestsPass(implementation: String) throws {
        let app = try Self.build("Tests/GuestTests/libtests", implementation: implementation)
        let result = try runProcess([app.image("linuxu"), "alloc"], timeout: 300)
        let failures = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("RUN ") && !$0.hasPrefix("PASS ") }
        #expect(result.status == 0, "\(failures.joined(separator: "\n"))\n\(result.stderr)")
        let summary = result.stdout.split(separator: "\n").last { $0.hasPrefix("uktest: ") }
        #expect(summary?.hasSuffix(" passed, 0 failed") == true, "summary: \(summary ?? "none")")
        #expect(summary?.hasPrefix("uktest: 0 passed") == false, "no alloc test case ran")
    }

    @Test(arguments: implementations)
    func checksCatchMisuse(implementation: String) throws {
        let app = try Self.build("Tests/GuestTests/allocmisuse", implementation: implementation,
                                 ["CONFIG_LIBUKALLOC_CHECKS=y"])
        let correct = try runProcess([app.image("linuxu"), "none"], timeout: 60)
        #expect(correct.status == 0, "\(correct.stdout)\(correct.stderr)")
        for misuse in ["double", "merged", "foreign", "inside"] {
            let result = try runProcess([app.image("linuxu"), misuse], timeout: 60)
            #expect(result.status == 134, "\(misuse): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("PANIC: ukalloc: "), "\(misuse): \(result.stdout)\(result.stderr)")
        }
    }

    @Test(arguments: implementations)
    func allocbenchRestoresTheHeap(implementation: String) throws {
        let app = try Self.build("Examples/allocbench", implementation: implementation)
        let result = try runProcess([app.image("linuxu")], timeout: 300)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("allocbench: 10000 operations, 0 integrity errors, heap restored\n"),
                "\(result.stdout)")
        #expect(result.stdout.contains("allocbench: \(implementation.lowercased()) "), "\(result.stdout)")
    }

    /// allocbench (default allocator) as a kvm image on unikit's loader and
    /// both QEMU machines. 1000 operations: guest code is emulated on this
    /// machine's PVM /dev/kvm, where the default 10000 take ~35 s.
    static let kvmAllocbench = Result {
        try AppCopy.built("Examples/allocbench",
                          defconfig: "CONFIG_PLAT_KVM=y\n# CONFIG_PLAT_LINUXU is not set\nCONFIG_ALLOCBENCH_OPERATIONS=1000\n")
    }

    static let allocbenchResult = "allocbench: 1000 operations, 0 integrity errors, heap restored\n"

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: allocbench on unikit's KVM loader"))
    func allocbenchOnUnikitLoader() throws {
        let app = try Self.kvmAllocbench.get()
        let result = try app.unikit("run", timeout: 300)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix(Self.allocbenchResult), "\(result.stdout)")
    }

    @Test(.enabled(if: Host.qemu != nil, "needs qemu-system-x86_64"), arguments: ["microvm", "pc"])
    func allocbenchOnQEMU(_ machine: String) throws {
        let app = try Self.kvmAllocbench.get()
        let result = try runProcess(QEMU.command(machine: machine, image: app.image("kvm"), append: ""), timeout: 300)
        #expect(result.status == QEMU.status(forGuestStatus: 0), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n").contains(Self.allocbenchResult),
                "\(result.stdout)")
    }
}
