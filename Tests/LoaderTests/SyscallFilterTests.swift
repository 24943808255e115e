import CKVM
import Glibc
import Testing
@testable import Loader

/// The run loop's seccomp program, executed by a small BPF interpreter on
/// made-up syscalls (installing it would confine the test runner). The real
/// filter killing a real loader is IntegrationTests' RunCommandTests.
@Suite struct SyscallFilterTests {
    static let vcpuFD: Int32 = 9
    static let vmFD: Int32 = 8
    static let polled = SyscallFilter.runLoop(vcpuFD: vcpuFD, consoleFD: 1).compiled()
    static let withInterrupts = SyscallFilter.runLoop(vcpuFD: vcpuFD, vmFD: vmFD, consoleFD: 1, diskFDs: [6]).compiled()

    /// Runs `program` on a `struct seccomp_data`; returns the action.
    static func decide(nr: UInt32, args: [UInt64] = [], arch: UInt32 = ckvm_audit_arch_x86_64,
                       program: [sock_filter] = polled) -> UInt32 {
        var data = [UInt8](repeating: 0, count: 64)
        func put(_ value: UInt32, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { data.replaceSubrange(offset..<offset + 4, with: $0) }
        }
        put(nr, at: Int(ckvm_seccomp_data_nr))
        put(arch, at: Int(ckvm_seccomp_data_arch))
        for (index, arg) in args.enumerated() {
            put(UInt32(truncatingIfNeeded: arg), at: Int(ckvm_seccomp_data_args) + index * 8)
            put(UInt32(truncatingIfNeeded: arg >> 32), at: Int(ckvm_seccomp_data_args) + index * 8 + 4)
        }
        var accumulator: UInt32 = 0
        var pc = 0
        while pc < program.count {
            let instruction = program[pc]
            pc += 1
            switch Int32(instruction.code) {
            case BPF_LD | BPF_W | BPF_ABS:
                accumulator = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: Int(instruction.k), as: UInt32.self) }
            case BPF_JMP | BPF_JEQ | BPF_K, BPF_JMP | BPF_JGE | BPF_K, BPF_JMP | BPF_JSET | BPF_K:
                let test = Int32(instruction.code) & 0xf0
                let taken = test == BPF_JEQ ? accumulator == instruction.k
                    : test == BPF_JGE ? accumulator >= instruction.k : accumulator & instruction.k != 0
                pc += Int(taken ? instruction.jt : instruction.jf)
            case BPF_JMP | BPF_JA:
                pc += Int(instruction.k)
            case BPF_RET | BPF_K:
                return instruction.k
            default:
                Issue.record("unexpected BPF instruction \(instruction.code)")
                return 0
            }
        }
        Issue.record("the program ran off its end")
        return 0
    }

    static let allow = ckvm_seccomp_ret_allow
    static let kill = ckvm_seccomp_ret_kill_process

    @Test func runLoopSyscallsAreAllowed() {
        #expect(Self.decide(nr: ckvm_sys_ioctl, args: [UInt64(Self.vcpuFD), UInt64(ckvm_ioctl_run)]) == Self.allow)
        #expect(Self.decide(nr: ckvm_sys_ioctl, args: [UInt64(Self.vcpuFD), UInt64(ckvm_ioctl_get_sregs)]) == Self.allow)
        #expect(Self.decide(nr: ckvm_sys_write, args: [1]) == Self.allow)
        #expect(Self.decide(nr: ckvm_sys_write, args: [2]) == Self.allow)
        #expect(Self.decide(nr: ckvm_sys_clock_nanosleep) == Self.allow)
        #expect(Self.decide(nr: ckvm_sys_mmap, args: [0, 4096, UInt64(PROT_READ | PROT_WRITE)]) == Self.allow)
        #expect(Self.decide(nr: ckvm_sys_exit_group, args: [0]) == Self.allow)
    }

    @Test func everythingElseKills() {
        // Other ioctls, other descriptors, a 64-bit descriptor that only matches in its low half.
        #expect(Self.decide(nr: ckvm_sys_ioctl, args: [UInt64(Self.vcpuFD), 0xae41]) == Self.kill)
        #expect(Self.decide(nr: ckvm_sys_ioctl, args: [3, UInt64(ckvm_ioctl_run)]) == Self.kill)
        #expect(Self.decide(nr: ckvm_sys_write, args: [5]) == Self.kill)
        #expect(Self.decide(nr: ckvm_sys_write, args: [1 | 1 << 32]) == Self.kill)
        // Executable memory, and syscalls not on the list (openat 257, socket 41, execve 59).
        #expect(Self.decide(nr: ckvm_sys_mmap, args: [0, 4096, UInt64(PROT_READ | PROT_EXEC)]) == Self.kill)
        for nr: UInt32 in [257, 41, 59, 2] { #expect(Self.decide(nr: nr) == Self.kill) }
        // The x32 ABI and foreign architectures.
        #expect(Self.decide(nr: ckvm_sys_write | ckvm_x32_syscall_bit, args: [1]) == Self.kill)
        #expect(Self.decide(nr: ckvm_sys_write, args: [1], arch: 0x4000_0003 /* i386 */) == Self.kill)
    }

    @Test func theVMTakesInterruptMessagesOnly() {
        let program = Self.withInterrupts
        let msi = UInt64(ckvm_ioctl_signal_msi)
        #expect(Self.decide(nr: ckvm_sys_ioctl, args: [UInt64(Self.vmFD), msi], program: program) == Self.allow)
        // The vCPU's rule still holds beside it; each ioctl only on its own descriptor.
        #expect(Self.decide(nr: ckvm_sys_ioctl, args: [UInt64(Self.vcpuFD), UInt64(ckvm_ioctl_run)], program: program) == Self.allow)
        #expect(Self.decide(nr: ckvm_sys_ioctl, args: [UInt64(Self.vmFD), UInt64(ckvm_ioctl_run)], program: program) == Self.kill)
        #expect(Self.decide(nr: ckvm_sys_ioctl, args: [UInt64(Self.vcpuFD), msi], program: program) == Self.kill)
        #expect(Self.decide(nr: ckvm_sys_ioctl, args: [UInt64(Self.vmFD) | 1 << 32, msi], program: program) == Self.kill)
        #expect(Self.decide(nr: ckvm_sys_pread64, args: [6], program: program) == Self.allow)
        #expect(Self.decide(nr: ckvm_sys_pread64, args: [7], program: program) == Self.kill)
        // Without devices there is no IOAPIC, and no message to send.
        #expect(Self.decide(nr: ckvm_sys_ioctl, args: [UInt64(Self.vmFD), msi]) == Self.kill)
    }
}
