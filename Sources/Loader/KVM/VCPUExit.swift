import CKVM
import SystemPackage

/// Why `KVM_RUN` returned, decoded once from `struct kvm_run`.
enum VCPUExit {
    /// `in`/`out` (also `rep ins/outs`): `data` is `access.size * access.count`
    /// bytes inside `kvm_run`, filled by the guest for `out`, by us for `in`.
    case portIO(PortAccess, data: UnsafeMutableRawBufferPointer)
    /// A load or store to a guest-physical address with no RAM behind it;
    /// `data` is the access's `length` bytes inside `kvm_run`.
    case mmio(MMIOAccess, data: UnsafeMutableRawBufferPointer)
    /// `hlt` without an in-kernel irqchip.
    case halt(interruptsEnabled: Bool)
    /// Triple fault (or INIT): the guest cannot continue.
    case shutdown
    /// VM entry failed; `hardwareReason` is the VMX/SVM code.
    case failedEntry(hardwareReason: UInt64)
    /// KVM gave up, e.g. `KVM_INTERNAL_ERROR_EMULATION` (suberror 1).
    case internalError(suberror: UInt32)
    /// A signal interrupted `KVM_RUN` (EINTR, `KVM_EXIT_INTR`): just run again.
    case interrupted
    /// A PSCI-like system event (`KVM_EXIT_SYSTEM_EVENT`).
    case systemEvent(type: UInt32)
    /// `KVM_RUN` itself failed.
    case runFailed(Errno)
    /// Any other exit reason: none is expected with this VM's configuration.
    case other(reason: UInt32)
}

/// A port access as KVM reports it.
struct PortAccess: Equatable {
    var port: UInt16
    /// Bytes per transfer: 1, 2 or 4.
    var size: Int
    /// Transfers (more than 1 for `rep ins/outs`).
    var count: Int
    var isWrite: Bool
}

/// An MMIO access as KVM reports it.
struct MMIOAccess: Equatable {
    var address: GuestPhysicalAddress
    /// 1 to 8 bytes.
    var length: Int
    var isWrite: Bool
}

extension VCPUExit {
    /// Decodes the exit in `run` (a mapping of `mapSize` bytes). Offsets and
    /// lengths come from the kernel, but are still checked against the mapping.
    init(run raw: UnsafeMutableRawPointer, mapSize: Int) {
        let run = raw.assumingMemoryBound(to: kvm_run.self)
        switch Int32(run.pointee.exit_reason) {
        case KVM_EXIT_IO:
            let io = run.pointee.io
            let access = PortAccess(port: io.port, size: Int(io.size), count: Int(io.count),
                                    isWrite: io.direction == KVM_EXIT_IO_OUT)
            let length = access.size * access.count
            guard [1, 2, 4].contains(access.size), access.count >= 1,
                  io.data_offset <= UInt64(mapSize), length <= mapSize - Int(io.data_offset) else {
                self = .other(reason: UInt32(KVM_EXIT_IO))
                return
            }
            self = .portIO(access, data: UnsafeMutableRawBufferPointer(start: raw + Int(io.data_offset), count: length))
        case KVM_EXIT_MMIO:
            let mmio = run.pointee.mmio
            let length = min(Int(mmio.len), 8)
            let data = UnsafeMutableRawBufferPointer(
                start: raw + ckvm_run_mmio_data_offset(), count: length)
            self = .mmio(MMIOAccess(address: GuestPhysicalAddress(mmio.phys_addr), length: length,
                                    isWrite: mmio.is_write != 0), data: data)
        case KVM_EXIT_HLT:
            self = .halt(interruptsEnabled: run.pointee.if_flag != 0)
        case KVM_EXIT_SHUTDOWN:
            self = .shutdown
        case KVM_EXIT_FAIL_ENTRY:
            self = .failedEntry(hardwareReason: run.pointee.fail_entry.hardware_entry_failure_reason)
        case KVM_EXIT_INTERNAL_ERROR:
            self = .internalError(suberror: run.pointee.internal.suberror)
        case KVM_EXIT_INTR:
            self = .interrupted
        case KVM_EXIT_SYSTEM_EVENT:
            self = .systemEvent(type: run.pointee.system_event.type)
        default:
            self = .other(reason: run.pointee.exit_reason)
        }
    }
}
