import CKVM

/// Runs one vCPU until the guest's run ends, handing port and MMIO exits to
/// the first device in `devices` that claims them. Every exit is one case of
/// one `switch`; every way out is a `GuestExit` (or a host `LoaderError`).
struct RunLoop {
    let vcpu: VCPU
    let devices: [any Device]
    /// When set, a run still going at this time ends as `.timedOut`; the
    /// caller arms it.
    var deadline: RunDeadline?

    func run() throws(LoaderError) -> GuestExit {
        while true {
            if let outcome = try handle(vcpu.run()) { return outcome }
        }
    }

    /// The outcome `exit` ends the run with, or nil to run on.
    private func handle(_ exit: VCPUExit) throws(LoaderError) -> GuestExit? {
        switch exit {
        case .portIO(let access, let data):
            guard let device = devices.first(where: { $0.claims(port: access.port) }) else {
                return .unhandledAccess(BusAccess(space: .port, address: UInt64(access.port), size: access.size,
                                                  isWrite: access.isWrite, value: written(data, access.size, access.isWrite)),
                                        vcpu.snapshot())
            }
            return outcome(try device.handle(access, data: data), from: device)
        case .mmio(let access, let data):
            guard let device = devices.first(where: { $0.claims(mmio: access.address) }) else {
                return .unhandledAccess(BusAccess(space: .memory, address: access.address.rawValue, size: access.length,
                                                  isWrite: access.isWrite, value: written(data, access.length, access.isWrite)),
                                        vcpu.snapshot())
            }
            return outcome(try device.handle(access, data: data), from: device)
        case .interrupted:
            // EINTR: a signal's handler has run. SIGALRM is the deadline's.
            guard let deadline, deadline.hasPassed else { return nil }
            return .timedOut(seconds: deadline.seconds, vcpu.snapshot())
        case .halt(let interruptsEnabled):
            return .halted(interruptsEnabled: interruptsEnabled, vcpu.snapshot())
        case .shutdown:
            return .tripleFault(vcpu.snapshot())
        case .failedEntry(let reason):
            return .failedEntry(hardwareReason: reason, vcpu.snapshot())
        case .internalError(let suberror):
            return .internalError(suberror: suberror, vcpu.snapshot())
        case .systemEvent:
            return .unexpectedExit(reason: UInt32(KVM_EXIT_SYSTEM_EVENT), vcpu.snapshot())
        case .runFailed(let error):
            return .runFailed("\(error)")
        case .other(let reason):
            return .unexpectedExit(reason: reason, vcpu.snapshot())
        }
    }

    private func outcome(_ response: DeviceResponse, from device: any Device) -> GuestExit? {
        switch response {
        case .resume: nil
        case .exit(let status): .exited(status: status)
        case .invalidRequest(let reason): .invalidDeviceRequest(device: device.name, reason: reason, vcpu.snapshot())
        }
    }

    /// The first `size` bytes of a write, little-endian; nil for a read.
    private func written(_ data: UnsafeMutableRawBufferPointer, _ size: Int, _ isWrite: Bool) -> UInt64? {
        guard isWrite else { return nil }
        return data.prefix(min(size, 8)).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
