import CKVM
import Glibc
import SystemPackage

/// The seccomp-BPF allowlist the loader confines itself to once the guest
/// is set up (like Solo5's tenders): what the run loop, its devices and the
/// way out need, nothing that opens files or sockets, maps executable memory
/// or starts processes. Any other syscall kills the whole process (SIGSYS,
/// status 159): a guest that took over the loader can do no more than it.
struct SyscallFilter {
    /// Which values an argument may take; each is a whole 64-bit argument.
    enum Condition {
        case oneOf(argument: Int, [UInt64])
        case lacksBits(argument: Int, UInt32)
    }

    struct Rule {
        var syscall: UInt32
        var conditions: [Condition] = []
    }

    var rules: [Rule]

    /// The run loop's set: `KVM_RUN` and the register reads of fault
    /// messages on `vcpuFD` only; `KVM_SIGNAL_MSI` on `vmFD` (the IOAPIC's
    /// interrupts), when there is one; writes to the console and stderr; reads,
    /// writes and flushes of the virtio-blk disks' files; frames read from
    /// and written to the taps, and waiting for them; sleeping
    /// (the idle port) and clocks; the deadline's alarm; memory the Swift
    /// runtime allocates (never executable) and its hashing seed; and exiting.
    static func runLoop(vcpuFD: Int32, vmFD: Int32? = nil, consoleFD: Int32,
                        diskFDs: [Int32] = [], tapFDs: [Int32] = []) -> SyscallFilter {
        let requests = [ckvm_ioctl_run, ckvm_ioctl_get_regs, ckvm_ioctl_get_sregs].map { UInt64($0) }
        let disks: [Rule] = diskFDs.isEmpty ? [] : [ckvm_sys_pread64, ckvm_sys_pwrite64, ckvm_sys_fdatasync].map {
            Rule(syscall: $0, conditions: [.oneOf(argument: 0, diskFDs.map { UInt64($0) })])
        }
        let taps: [Rule] = tapFDs.isEmpty ? [] : [
            Rule(syscall: ckvm_sys_read, conditions: [.oneOf(argument: 0, tapFDs.map { UInt64($0) })]),
            Rule(syscall: ckvm_sys_poll),
        ]
        let interrupts: [Rule] = vmFD.map {
            [Rule(syscall: ckvm_sys_ioctl, conditions: [.oneOf(argument: 0, [UInt64($0)]),
                                                        .oneOf(argument: 1, [UInt64(ckvm_ioctl_signal_msi)])])]
        } ?? []
        return SyscallFilter(rules: disks + taps + interrupts + [
            Rule(syscall: ckvm_sys_ioctl, conditions: [.oneOf(argument: 0, [UInt64(vcpuFD)]),
                                                       .oneOf(argument: 1, requests)]),
            Rule(syscall: ckvm_sys_write, conditions: [.oneOf(argument: 0, [UInt64(consoleFD), 2] + tapFDs.map { UInt64($0) })]),
            Rule(syscall: ckvm_sys_clock_nanosleep), Rule(syscall: ckvm_sys_nanosleep),
            Rule(syscall: ckvm_sys_clock_gettime), Rule(syscall: ckvm_sys_timer_delete),
            Rule(syscall: ckvm_sys_rt_sigreturn),
            Rule(syscall: ckvm_sys_mmap, conditions: [.lacksBits(argument: 2, UInt32(PROT_EXEC))]),
            Rule(syscall: ckvm_sys_munmap), Rule(syscall: ckvm_sys_madvise), Rule(syscall: ckvm_sys_brk),
            Rule(syscall: ckvm_sys_futex), Rule(syscall: ckvm_sys_getrandom), Rule(syscall: ckvm_sys_close),
            Rule(syscall: ckvm_sys_exit), Rule(syscall: ckvm_sys_exit_group),
        ])
    }

    /// Installs the filter for this process (and any thread it starts); it
    /// cannot be lifted.
    func install() throws(LoaderError) {
        let program = compiled()
        let result = program.withUnsafeBufferPointer {
            ckvm_install_seccomp_filter($0.baseAddress, UInt16($0.count))
        }
        guard result == 0 else {
            throw LoaderError("seccomp", "cannot install the syscall filter: \(Errno(rawValue: -result))")
        }
    }

    /// The BPF program: refuse other architectures and x32 numbers, then
    /// one block per rule, skipped when the number differs or a condition
    /// does not hold (so several rules may name one syscall), ALLOW at its
    /// end; KILL last.
    func compiled() -> [sock_filter] {
        var program: [sock_filter] = [
            load(ckvm_seccomp_data_arch),
            jump(BPF_JEQ, ckvm_audit_arch_x86_64, true: 1, false: 0),
            kill,
            load(ckvm_seccomp_data_nr),
            jump(BPF_JGE, ckvm_x32_syscall_bit, true: 0, false: 1),
            kill,
        ]
        for rule in rules {
            var block = [returning(ckvm_seccomp_ret_allow)]
            for condition in rule.conditions.reversed() {
                block = check(condition, failureSkips: block.count) + block
            }
            program.append(load(ckvm_seccomp_data_nr))
            program.append(jump(BPF_JEQ, rule.syscall, true: 0, false: offset(block.count)))
            program += block
        }
        program.append(kill)
        return program
    }

    /// Instructions that fall through when the condition holds and
    /// otherwise jump past their end and `skipped` more instructions.
    private func check(_ condition: Condition, failureSkips skipped: Int) -> [sock_filter] {
        switch condition {
        case .oneOf(let argument, let values):
            // High half zero, then the low half one of the values.
            let length = 3 + values.count + 1
            var code = [load(argumentHigh(argument)), jump(BPF_JEQ, 0, true: 0, false: offset(length + skipped - 2)),
                        load(argumentLow(argument))]
            for (index, value) in values.enumerated() {
                let remaining = values.count - index - 1
                code.append(jump(BPF_JEQ, UInt32(truncatingIfNeeded: value), true: offset(remaining + 1), false: 0))
            }
            code.append(sock_filter(code: UInt16(BPF_JMP | BPF_JA), jt: 0, jf: 0, k: UInt32(skipped)))
            return code
        case .lacksBits(let argument, let mask):
            return [load(argumentLow(argument)), jump(BPF_JSET, mask, true: offset(skipped), false: 0)]
        }
    }

    /// A conditional jump's distance, which BPF keeps in 8 bits.
    private func offset(_ distance: Int) -> UInt8 {
        guard let short = UInt8(exactly: distance) else {
            preconditionFailure("a seccomp rule of \(distance) instructions is too long for a conditional jump")
        }
        return short
    }

    private func argumentLow(_ index: Int) -> UInt32 { ckvm_seccomp_data_args + UInt32(index * 8) }
    private func argumentHigh(_ index: Int) -> UInt32 { argumentLow(index) + 4 }

    private func load(_ offset: UInt32) -> sock_filter {
        sock_filter(code: UInt16(BPF_LD | BPF_W | BPF_ABS), jt: 0, jf: 0, k: offset)
    }

    private func jump(_ test: Int32, _ value: UInt32, true taken: UInt8, false notTaken: UInt8) -> sock_filter {
        sock_filter(code: UInt16(BPF_JMP | test | BPF_K), jt: taken, jf: notTaken, k: value)
    }

    private func returning(_ action: UInt32) -> sock_filter {
        sock_filter(code: UInt16(BPF_RET | BPF_K), jt: 0, jf: 0, k: action)
    }

    private var kill: sock_filter { returning(ckvm_seccomp_ret_kill_process) }
}
