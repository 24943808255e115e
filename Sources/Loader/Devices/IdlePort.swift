import CKVM
import Glibc

/// `UNIKIT_PORT_IDLE`: the guest `outl`s the guest-physical address of a
/// `struct unikit_idle` and the loader sleeps for its `timeout_ns`, the
/// vCPU's thread blocked, so an idle guest costs the host no CPU. Input for
/// a device (a frame on a tap) ends the wait early and is delivered to the
/// guest, as does a signal (the `--timeout` alarm); the guest re-checks its
/// clock and its queues either way. A guest with an interrupt pending (which
/// it takes once it enables interrupts) does not sleep at all: that is how
/// a guest checks for news with interrupts off and then waits without
/// missing any. The request's `interrupt_pending` tells the guest whether
/// one is (KVM runs the instructions after a port write in its emulator,
/// which does not stop for interrupts: the guest must halt to take it).
final class IdlePort: Device {
    let name = "idle"
    private let memory: GuestMemory
    private let inputs: [VirtioMMIO]
    private let interrupts: IOAPIC?

    init(memory: GuestMemory, inputs: [VirtioMMIO] = [], interrupts: IOAPIC? = nil) {
        self.memory = memory
        self.inputs = inputs.filter { $0.inputDescriptor != nil }
        self.interrupts = interrupts
    }

    func claims(port: UInt16) -> Bool { port == UNIKIT_PORT_IDLE }

    func handle(_ access: PortAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse {
        let request: unikit_idle
        switch PortRequest.load(unikit_idle.self, named: "unikit_idle", access: access, data: data, memory: memory) {
        case .success(let loaded): request = loaded
        case .failure(let refusal): return .invalidRequest(refusal.reason)
        }
        let response = try wait(request.timeout_ns)
        guard response == .resume else { return response }
        let pending: UInt64 = interrupts?.hasPendingInterrupt == true ? 1 : 0
        let field = PortRequest.address(data).rawValue + UInt64(MemoryLayout<unikit_idle>.offset(of: \.interrupt_pending)!)
        try? memory.store(pending, at: GuestPhysicalAddress(field)) // inside the struct just loaded
        return .resume
    }

    private func wait(_ timeout: UInt64) throws(LoaderError) -> DeviceResponse {
        if interrupts?.hasPendingInterrupt == true { return .resume }
        guard !inputs.isEmpty else {
            var duration = timespec(tv_sec: Int(min(timeout / 1_000_000_000, UInt64(Int.max))),
                                    tv_nsec: Int(timeout % 1_000_000_000))
            _ = clock_nanosleep(CLOCK_MONOTONIC, 0, &duration, nil) // EINTR: back to the run loop
            return .resume
        }
        // poll(2) counts whole milliseconds: round up, so the guest never wakes early for nothing.
        let milliseconds = Int32(min((timeout + 999_999) / 1_000_000, UInt64(Int32.max)))
        var waits = inputs.map { pollfd(fd: $0.inputDescriptor!, events: Int16(POLLIN), revents: 0) }
        guard poll(&waits, nfds_t(waits.count), milliseconds) > 0 else { return .resume } // timeout, EINTR
        for (device, wait) in zip(inputs, waits) where wait.revents != 0 {
            let response = try device.serveInput()
            if response != .resume { return response }
        }
        return .resume
    }
}
