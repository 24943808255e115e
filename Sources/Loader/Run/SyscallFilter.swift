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
    /// messages on `vcpuFD` only; writes to the console and stderr; reads,
    /// writes and flushes of the virtio-blk disks' files; frames read from
    /// and written to the taps, and waiting for them; sleeping
    /// (the idle port) and clocks; the deadline's alarm; memory the Swift
    /// runtime allocates (never executable) and its hashing seed; and exiting.
    static func runLoop(vcpuFD: Int32, consoleFD: Int32, diskFDs: [Int32] = [], tapFDs: [Int32] = []) -> SyscallFilter {
        let requests = [ckvm_ioctl_run, ckvm_ioctl_get_regs, ckvm_ioctl_get_sregs].map { UInt64($0) }
        let disks: [Rule] = diskFDs.isEmpty ? [] : [ckvm_sys_pread64, ckvm_sys_pwrite64, ckvm_sys_fdatasync].map {
            Rule(syscall: $0, conditions: [.oneOf(argument: 0, diskFDs.map { UInt64($0) })])
        }
        let taps: [Rule] = tapFDs.isEmpty ? [] : [
            Rule(syscall: ckvm_sys_read, conditions: [.oneOf(argument: 0, tapFDs.map { UInt64($0) })]),
            Rule(syscall: ckvm_sys_poll),
        ]
        return SyscallFilter(rules: disks + taps + [
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
    /// one block per rule, each skipped when the number differs, its
    /// conditions killing on a mismatch, and ALLOW at its end; KILL last.
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
            var block: [sock_filter] = rule.conditions.flatMap(check)
            block.append(returning(ckvm_seccomp_ret_allow))
            program.append(load(ckvm_seccomp_data_nr))
            program.append(jump(BPF_JEQ, rule.syscall, true: 0, false: UInt8(block.count)))
            program += block
        }
        program.append(kill)
        return program
    }

    /// Instructions that fall through when the condition holds and kill otherwise.
    private func check(_ condition: Condition) -> [sock_filter] {
        switch condition {
        case .oneOf(let argument, let values):
            // High half zero, then the low half one of the values.
            var code = [load(argumentHigh(argument)), jump(BPF_JEQ, 0, true: 1, false: 0), kill,
                        load(argumentLow(argument))]
            for (index, value) in values.enumerated() {
                let remaining = values.count - index - 1
                code.append(jump(BPF_JEQ, UInt32(truncatingIfNeeded: value), true: UInt8(remaining + 1), false: 0))
            }
            code.append(kill)
            return code
        case .lacksBits(let argument, let mask):
            return [load(argumentLow(argument)), jump(BPF_JSET, mask, true: 0, false: 1), kill]
        }
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
