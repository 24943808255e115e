import CKVM
import SystemPackage

/// A KVM virtual machine with one memory slot: `memory` at guest-physical 0.
/// Owns its descriptor (closed in `deinit`) and keeps `memory` mapped for as
/// long as the VM or any of its vCPUs lives.
final class VirtualMachine {
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

    /// Creates vCPU number `id` and maps its `kvm_run`.
    func createVCPU(id: UInt = 0) throws(LoaderError) -> VCPU {
        try VCPU(vm: self, id: id)
    }
}
