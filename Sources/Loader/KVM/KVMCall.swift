import SystemPackage

/// Runs one CKVM wrapper (which returns a result or -errno). EINTR is retried
/// on purpose: a signal that interrupts a set-up ioctl changes nothing, and
/// an interrupted `KVM_RUN` just resumes. Other failures throw a `LoaderError`
/// naming the ioctl, e.g. `/dev/kvm: KVM_CREATE_VM: Cannot allocate memory`.
@discardableResult
func kvmCall(_ name: String, _ call: () -> Int32) throws(LoaderError) -> Int32 {
    while true {
        let result = call()
        if result >= 0 { return result }
        let error = Errno(rawValue: -result)
        if error == .interrupted { continue }
        throw LoaderError("/dev/kvm", field: name, "\(error)")
    }
}
