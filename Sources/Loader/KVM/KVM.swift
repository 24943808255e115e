import CKVM
import Glibc
import SystemPackage

/// An open `/dev/kvm`: the system descriptor VMs are created from. Closed in `deinit`.
final class KVM {
    static let path = "/dev/kvm"
    /// The only KVM API version there has ever been.
    static let apiVersion: Int32 = 12

    let fd: FileDescriptor

    /// Opens `/dev/kvm` and checks its API version.
    init() throws(LoaderError) {
        do {
            fd = try FileDescriptor.open(Self.path, .readWrite, options: [.closeOnExec])
        } catch {
            throw LoaderError(Self.path, "cannot open: \(error)")
        }
        let version = try kvmCall("KVM_GET_API_VERSION") { ckvm_get_api_version(fd.rawValue) }
        guard version == Self.apiVersion else {
            throw LoaderError(Self.path, field: "KVM_GET_API_VERSION",
                              "API version \(version), this loader needs \(Self.apiVersion)")
        }
    }

    deinit {
        try? fd.close()
    }

    /// Whether `/dev/kvm` can be opened for reading and writing by this process.
    static var isAvailable: Bool {
        access(path, R_OK | W_OK) == 0
    }

    /// Bytes to map from each vCPU descriptor for its `struct kvm_run`.
    func vcpuMapSize() throws(LoaderError) -> Int {
        Int(try kvmCall("KVM_GET_VCPU_MMAP_SIZE") { ckvm_get_vcpu_mmap_size(fd.rawValue) })
    }

    /// Creates an empty VM whose RAM is `memory`.
    func createVM(memory: GuestMemory) throws(LoaderError) -> VirtualMachine {
        try VirtualMachine(kvm: self, memory: memory)
    }
}
