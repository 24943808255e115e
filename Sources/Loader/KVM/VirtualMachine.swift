import CKVM
import SystemPackage

/// A KVM virtual machine with one memory slot: `memory` at guest-physical 0.
/// Owns its descriptor (closed in `deinit`) and keeps `memory` mapped for as
/// long as the VM or any of its vCPUs lives.
final class VirtualMachine: APICBus {
    let kvm: KVM
    let memory: GuestMemory
    let fd: FileDescriptor

    init(kvm: KVM, memory: GuestMemory) throws(LoaderError) {
        self.kvm = kvm
        self.memory = memory
        fd = FileDescriptor(rawValue: try kvmCall("KVM_CREATE_VM") { ckvm_create_vm(kvm.fd.rawValue) })
        var region = kvm_userspace_memory_region(
            slot: 0, flags: 0, guest_phys_addr: 0, memory_size: memory.size,
            userspace_addr: UInt64(UInt(bitPattern: memory.hostAddress)))
        try kvmCall("KVM_SET_USER_MEMORY_REGION") { [fd] in
            ckvm_set_user_memory_region(fd.rawValue, &region)
        }
    }

    deinit {
        try? fd.close()
    }

    /// Local APICs in the kernel, the IOAPIC (`IOAPIC`) in the loader: the
    /// split irqchip, which unlike KVM's whole irqchip adds nothing to
    /// teardown (machine-notes). Before any vCPU is created.
    func enableSplitIRQChip(pins: Int) throws(LoaderError) {
        try kvmCall("KVM_ENABLE_CAP(KVM_CAP_SPLIT_IRQCHIP)") { [fd] in
            ckvm_enable_split_irqchip(fd.rawValue, UInt64(pins))
        }
    }

    /// Creates vCPU number `id` and maps its `kvm_run`.
    func createVCPU(id: UInt = 0) throws(LoaderError) -> VCPU {
        try VCPU(vm: self, id: id)
    }

    /// Delivers an interrupt message to the local APICs (`KVM_SIGNAL_MSI`).
    /// A message the guest's APIC state blocks is dropped, as on hardware.
    func send(address: UInt64, data: UInt32) throws(LoaderError) {
        try kvmCall("KVM_SIGNAL_MSI") { [fd] in ckvm_signal_msi(fd.rawValue, address, data) }
    }
}
