import Foundation
import Testing

/// A guest that crashes prints a report naming the cause, with registers and
/// a backtrace, and exits with a status saying which kind of crash it was
/// (Platforms/common/include/ukplat/crash.h) — on unikit's loader, on QEMU
/// and as a linuxu process alike. `Tests/GuestTests/crash` crashes as its
/// argument says; the line it prints first must not be lost.
@Suite struct CrashReportTests {
    struct Crash: Sendable, CustomTestStringConvertible {
        let argument: String
        let status: Int32
        let kvmCause: String
        let linuxuCause: String
        var testDescription: String { argument }
    }

    static let crashes = [
        Crash(argument: "null", status: 139,
              kvmCause: "CRASH: page fault (#PF) reading address 0x0000000000000000: NULL pointer dereference",
              linuxuCause: "CRASH: memory fault (SIGSEGV) reading address 0x0000000000000000: NULL pointer dereference"),
        Crash(argument: "divide", status: 136,
              kvmCause: "CRASH: divide error (#DE): integer division by zero or overflow",
              linuxuCause: "CRASH: divide error (SIGFPE): integer division by zero or overflow"),
        Crash(argument: "stack", status: 135,
              kvmCause: "stack overflow (guard page below the stack)",
              linuxuCause: ": stack overflow"),
        Crash(argument: "panic", status: 134,
              kvmCause: "PANIC: on purpose, 42", linuxuCause: "PANIC: on purpose, 42"),
        Crash(argument: "assert", status: 134,
              kvmCause: "PANIC: assertion failed: argc == 1 (crash/main.c:",
              linuxuCause: "PANIC: assertion failed: argc == 1 (crash/main.c:"),
    ]

    static let built = Result { try AppCopy.built("Tests/GuestTests/crash") }

    func expectReport(_ output: String, _ crash: Crash, cause: String) {
        let text = output.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.hasPrefix("crashing: \(crash.argument)\n"), "output before the crash is kept: \(text)")
        #expect(text.contains(cause), "\(text)")
        #expect(text.contains("backtrace (llvm-symbolizer --obj <image>.dbg names them):\n  #0 0x"), "\(text)")
        #expect(text.hasSuffix("image stopped with status \(crash.status)\n"), "\(text)")
        if crash.argument != "panic" && crash.argument != "assert" {
            #expect(text.contains("  rip=0x") && text.contains("  r15=0x"), "a register dump: \(text)")
        }
    }

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: crashes on unikit's KVM loader"), arguments: crashes)
    func onUnikitLoader(_ crash: Crash) throws {
        let app = try Self.built.get()
        let result = try app.unikit("run", "--platform", "kvm", "--", crash.argument, timeout: 60)
        #expect(result.status == crash.status, "stderr: \(result.stderr)")
        expectReport(result.stdout, crash, cause: crash.kvmCause)
    }

    @Test(.enabled(if: Host.qemu != nil, "needs qemu-system-x86_64"), arguments: crashes)
    func onQEMUMicrovm(_ crash: Crash) throws {
        let app = try Self.built.get()
        let result = try runProcess(QEMU.command(machine: "microvm", image: app.image("kvm"), append: crash.argument),
                                    timeout: 120)
        #expect(result.status == QEMU.status(forGuestStatus: crash.status), "isa-debug-exit: 2*status+1; stderr: \(result.stderr)")
        expectReport(result.stdout, crash, cause: crash.kvmCause)
    }

    @Test(arguments: crashes)
    func asLinuxuProcess(_ crash: Crash) throws {
        let app = try Self.built.get()
        let result = try runProcess([app.image("linuxu"), crash.argument], timeout: 60)
        #expect(result.status == crash.status)
        expectReport(result.stdout, crash, cause: crash.linuxuCause)
    }
}
