import CKVM
import Glibc
import SystemPackage

/// One virtual CPU: its descriptor and its mapped `struct kvm_run`, both
/// released in `deinit`. Keeps its VM (and so guest memory) alive.
final class VCPU {
    let vm: VirtualMachine
    let fd: FileDescriptor
    /// The shared `kvm_run` page(s); KVM fills it on every exit.
    private let runArea: UnsafeMutableRawPointer
    private let runSize: Int

    init(vm: VirtualMachine, id: UInt) throws(LoaderError) {
        self.vm = vm
        let size = try vm.kvm.vcpuMapSize()
        guard size >= MemoryLayout<kvm_run>.size else {
            throw LoaderError(KVM.path, field: "KVM_GET_VCPU_MMAP_SIZE",
                              "\(size) bytes is smaller than struct kvm_run")
        }
        let fd = FileDescriptor(rawValue: try kvmCall("KVM_CREATE_VCPU") { ckvm_create_vcpu(vm.fd.rawValue, id) })
        let mapping = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd.rawValue, 0)
        guard let mapping, mapping != MAP_FAILED else {
            let error = Errno(rawValue: errno)
            try? fd.close()
            throw LoaderError(KVM.path, field: "mmap(kvm_run)", "\(error)")
        }
        self.fd = fd
        runArea = mapping
        runSize = size
    }

    deinit {
        munmap(runArea, runSize)
        try? fd.close()
    }

    /// Installs the CPUID table the guest sees (on hardware KVM; PVM does not
    /// intercept CPUID) and which KVM checks EFER and CR4 against.
    func setCPUID(_ entries: [kvm_cpuid_entry2]) throws(LoaderError) {
        try kvmCall("KVM_SET_CPUID2") { [fd] in
            ckvm_set_cpuid2(fd.rawValue, entries, UInt32(entries.count))
        }
    }

    func specialRegisters() throws(LoaderError) -> kvm_sregs {
        var sregs = kvm_sregs()
        try kvmCall("KVM_GET_SREGS") { [fd] in ckvm_get_sregs(fd.rawValue, &sregs) }
        return sregs
    }

    func setSpecialRegisters(_ sregs: kvm_sregs) throws(LoaderError) {
        var sregs = sregs
        try kvmCall("KVM_SET_SREGS") { [fd] in ckvm_set_sregs(fd.rawValue, &sregs) }
    }

    func registers() throws(LoaderError) -> kvm_regs {
        var regs = kvm_regs()
        try kvmCall("KVM_GET_REGS") { [fd] in ckvm_get_regs(fd.rawValue, &regs) }
        return regs
    }

    func setRegisters(_ regs: kvm_regs) throws(LoaderError) {
        var regs = regs
        try kvmCall("KVM_SET_REGS") { [fd] in ckvm_set_regs(fd.rawValue, &regs) }
    }

    /// The guest TSC frequency in Hz, or 0 when KVM cannot tell (no
    /// `KVM_CAP_GET_TSC_KHZ`). One cheap ioctl, no calibration.
    func tscFrequency() -> UInt64 {
        let khz = ckvm_get_tsc_khz(fd.rawValue)
        return khz > 0 ? UInt64(khz) * 1000 : 0
    }

    /// The registers fault messages show; zeros where KVM cannot report them.
    func snapshot() -> VCPUState {
        VCPUState(regs: (try? registers()) ?? kvm_regs(), sregs: (try? specialRegisters()) ?? kvm_sregs())
    }

    /// Runs the guest until its next exit. A signal (EINTR) is an exit too,
    /// `.interrupted`, and so is a failed `KVM_RUN`: the caller sees every
    /// return from `KVM_RUN` in one `switch`.
    func run() -> VCPUExit {
        let result = ckvm_run(fd.rawValue)
        if result == -EINTR || result == -EAGAIN { return .interrupted }
        if result < 0 { return .runFailed(Errno(rawValue: -result)) }
        return VCPUExit(run: runArea, mapSize: runSize)
    }
}
