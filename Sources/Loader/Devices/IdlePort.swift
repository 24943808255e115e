import CKVM
import Glibc

/// `UNIKIT_PORT_IDLE`: the guest `outl`s the guest-physical address of a
/// `struct unikit_idle` and the loader sleeps for its `timeout_ns`, the
/// vCPU's thread blocked, so an idle guest costs the host no CPU. A signal
/// (the `--timeout` alarm) cuts the sleep short; the guest re-checks its
/// clock either way.
final class IdlePort: Device {
    let name = "idle"
    private let memory: GuestMemory

    init(memory: GuestMemory) { self.memory = memory }

    func claims(port: UInt16) -> Bool { port == UNIKIT_PORT_IDLE }

    func handle(_ access: PortAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse {
        guard access.isWrite, access.size == 4, access.count == 1 else {
            return .invalidRequest("port \(hex(access.port)) takes outl of a request address, not \(access.mnemonic)")
        }
        let address = GuestPhysicalAddress(UInt64(data.loadUnaligned(as: UInt32.self)))
        let request: unikit_idle
        do {
            request = try memory.load(unikit_idle.self, at: address)
        } catch {
            return .invalidRequest("struct unikit_idle at \(address): \(error)")
        }
        var duration = timespec(tv_sec: Int(min(request.timeout_ns / 1_000_000_000, UInt64(Int.max))),
                                tv_nsec: Int(request.timeout_ns % 1_000_000_000))
        _ = clock_nanosleep(CLOCK_MONOTONIC, 0, &duration, nil) // EINTR: back to the run loop
        return .resume
    }
}
