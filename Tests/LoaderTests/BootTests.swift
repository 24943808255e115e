import CKVM
import Foundation
import Testing
@testable import Loader

/// Real boots of the micro-guests in Fixtures/ on /dev/kvm, one path each.
@Suite struct BootTests {
    @Test(.enabled(if: KVMGate.available("BootTests.helloPrintsAndExits")))
    func helloPrintsAndExits() throws {
        let run = try GuestRun.boot("hello")
        #expect(run.exit == .exited(status: 7))
        #expect(run.exit.exitCode == 7)
        #expect(run.exit.description == "guest exited with status 7")
        #expect(run.consoleText == "hello from the guest\n")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.bootInfoAndCommandLine")))
    func bootInfoAndCommandLine() throws {
        let commandLine = "console=unikit virtio_mmio.device=4K@0xd0000000:5 -- hello, world"
        let run = try GuestRun.boot("bootinfo") {
            $0.memorySize = 64 << 20
            $0.commandLine = commandLine
        }
        #expect(run.exit == .exited(status: 0))
        let text = Array(commandLine.utf8)
        try #require(run.console.count == text.count + 56 + 8)
        #expect(Array(run.console.prefix(text.count)) == text)
        let info = run.console.dropFirst(text.count).withUnsafeBytes { $0.loadUnaligned(as: unikit_boot_info.self) }
        #expect(info.magic == UNIKIT_BOOT_MAGIC)
        #expect(info.version == UInt32(UNIKIT_ABI_VERSION))
        #expect(info.mem_size == 64 << 20)
        #expect(info.kernel_end == 0x102000) // .data page ends the image
        #expect(info.cmdline == 0x3000)
        #expect(info.cmdline_len == UInt64(text.count))
        print("LoaderTests: tsc_hz handed to the guest: \(info.tsc_hz)")
        #expect(info.wall_clock_ns > 1_700_000_000 * 1_000_000_000, "a date after 2023")
        let rsp = run.console.suffix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        #expect(rsp == 0x8000)
    }

    /// An image with only Xen's PVH note boots through it: 32-bit entry,
    /// `hvm_start_info` in ebx with the command line and a memory map.
    @Test(.enabled(if: KVMGate.available("BootTests.pvhOnlyImage")))
    func pvhOnlyImage() throws {
        let run = try GuestRun.boot("pvh") { $0.commandLine = "pvh says hi" }
        #expect(run.exit == .exited(status: 2), "2 memory map entries, every check passed")
        #expect(run.consoleText == "pvh says hi\n")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.uartPrints")))
    func uartPrints() throws {
        let run = try GuestRun.boot("uart")
        #expect(run.exit == .exited(status: 0))
        #expect(run.consoleText == "uart ok\n")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.unknownPortEndsTheRun")))
    func unknownPortEndsTheRun() throws {
        let run = try GuestRun.boot("unknown_port")
        guard case .unhandledAccess(let access, let cpu) = run.exit else {
            Issue.record("expected an unhandled access, got \(run.exit)")
            return
        }
        #expect(access == BusAccess(space: .port, address: 0x1234, size: 1, isWrite: true, value: 0x2a))
        #expect(run.exit.exitCode == LoaderExitCode.unhandledAccess)
        #expect(run.exit.description == "unhandled I/O port write of 0x2a (1 byte) to 0x1234 (KVM_EXIT_IO): \(cpu)")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.mmioToNowhereEndsTheRun")))
    func mmioToNowhereEndsTheRun() throws {
        let run = try GuestRun.boot("mmio_nowhere")
        guard case .unhandledAccess(let access, let cpu) = run.exit else {
            Issue.record("expected an unhandled access, got \(run.exit)")
            return
        }
        #expect(access == BusAccess(space: .memory, address: 0x200_0000, size: 4, isWrite: true, value: 0x1234_5678))
        #expect(run.exit.exitCode == LoaderExitCode.unhandledAccess)
        #expect(run.exit.description == "unhandled MMIO write of 0x12345678 (4 bytes) to 0x2000000 (KVM_EXIT_MMIO): \(cpu)")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.portReadFromNowhere")))
    func portReadFromNowhere() throws {
        let run = try GuestRun.boot("port_in")
        guard case .unhandledAccess(let access, let cpu) = run.exit else {
            Issue.record("expected an unhandled access, got \(run.exit)")
            return
        }
        #expect(access == BusAccess(space: .port, address: 0x1234, size: 4, isWrite: false))
        #expect(run.exit.exitCode == LoaderExitCode.unhandledAccess)
        #expect(run.exit.description == "unhandled I/O port read (4 bytes) from 0x1234 (KVM_EXIT_IO): \(cpu)")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.mmioReadFromNowhere")))
    func mmioReadFromNowhere() throws {
        let run = try GuestRun.boot("mmio_read")
        guard case .unhandledAccess(let access, let cpu) = run.exit else {
            Issue.record("expected an unhandled access, got \(run.exit)")
            return
        }
        #expect(access == BusAccess(space: .memory, address: 0x200_0000, size: 4, isWrite: false))
        #expect(run.exit.description == "unhandled MMIO read (4 bytes) from 0x2000000 (KVM_EXIT_MMIO): \(cpu)")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.hltWithInterruptsOn")))
    func hltWithInterruptsOn() throws {
        let run = try GuestRun.boot("hlt_sti")
        guard case .halted(true, let cpu) = run.exit else {
            Issue.record("expected hlt with IF=1, got \(run.exit)")
            return
        }
        #expect(run.exit.exitCode == LoaderExitCode.guestCrashed)
        #expect(run.exit.description == "guest crashed: hlt waits for an interrupt, but no device of this VM raises one (KVM_EXIT_HLT): \(cpu)")
    }

    /// The deadline's alarm reaches this test's vCPU even with other tests'
    /// threads in the process: the timer signals the thread that armed it.
    @Test(.enabled(if: KVMGate.available("BootTests.spinningGuestTimesOut")))
    func spinningGuestTimesOut() throws {
        let start = RunDeadline.now()
        let run = try GuestRun.boot("spin") { $0.timeout = 0.3 }
        let elapsed = Double(RunDeadline.now() - start) / 1e9
        guard case .timedOut(0.3, let cpu) = run.exit else {
            Issue.record("expected a timeout, got \(run.exit)")
            return
        }
        #expect(run.exit.exitCode == LoaderExitCode.timeout)
        #expect(run.exit.description == "guest stopped: still running after --timeout 0.3s: \(cpu)")
        #expect(cpu.rip == 0x10_0000)
        #expect(elapsed >= 0.3 && elapsed < 5, "stopped after \(elapsed) s")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.idlePortSleeps")))
    func idlePortSleeps() throws {
        let start = RunDeadline.now()
        let run = try GuestRun.boot("idle")
        let elapsed = Double(RunDeadline.now() - start) / 1e9
        #expect(run.exit == .exited(status: 0))
        #expect(elapsed >= 0.05, "the loader slept \(elapsed) s, the guest asked for 0.05")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.hltWithInterruptsOff")))
    func hltWithInterruptsOff() throws {
        let run = try GuestRun.boot("hlt_cli")
        guard case .halted(false, let cpu) = run.exit else {
            Issue.record("expected hlt with IF=0, got \(run.exit)")
            return
        }
        #expect(run.exit.exitCode == LoaderExitCode.guestCrashed)
        #expect(run.exit.description == "guest crashed: hlt with interrupts disabled can never resume (KVM_EXIT_HLT): \(cpu)")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.tripleFault")))
    func tripleFault() throws {
        let run = try GuestRun.boot("triple_fault")
        guard case .tripleFault(let cpu) = run.exit else {
            Issue.record("expected a triple fault, got \(run.exit)")
            return
        }
        #expect(run.exit.exitCode == LoaderExitCode.guestCrashed)
        #expect(run.exit.description == "guest crashed: triple fault (KVM_EXIT_SHUTDOWN): \(cpu)")
    }

    @Test(.enabled(if: KVMGate.available("BootTests.pageFaultShowsCR2")))
    func pageFaultShowsCR2() throws {
        let run = try GuestRun.boot("page_fault")
        guard case .tripleFault(let cpu) = run.exit else {
            Issue.record("expected a triple fault, got \(run.exit)")
            return
        }
        #expect(cpu.cr2 == 0x4000_0000)
        #expect(cpu.rip == 0x10_0000)
        #expect(run.exit.description.hasPrefix("guest crashed: triple fault (KVM_EXIT_SHUTDOWN): rip=0x100000 rsp=0x8000 "))
        #expect(run.exit.description.contains(" cr2=0x40000000 "))
    }

    @Test(.enabled(if: KVMGate.available("BootTests.consoleRequestOutsideMemory")))
    func consoleRequestOutsideMemory() throws {
        let run = try GuestRun.boot("console_outside")
        guard case .invalidDeviceRequest(let device, let reason, let cpu) = run.exit else {
            Issue.record("expected an invalid device request, got \(run.exit)")
            return
        }
        #expect(device == "console")
        #expect(reason == "struct unikit_console_write at 0xfffff000: [0xfffff000, 0xfffff010) is outside guest memory (32 MiB)")
        #expect(run.exit.exitCode == LoaderExitCode.invalidDeviceRequest)
        #expect(run.exit.description == "invalid console request: \(reason): \(cpu)")
        #expect(run.console.isEmpty)
    }
}
