import CKVM

/// `UNIKIT_PORT_EXIT`: the guest writes its exit status (`outb`, `outw` or
/// `outl`) and the run ends with it. QEMU's isa-debug-exit on the same port
/// reports `2 * status + 1`; the loader reports the status itself.
final class ExitPort: Device {
    let name = "exit"

    func claims(port: UInt16) -> Bool { port == UNIKIT_PORT_EXIT }

    func handle(_ access: PortAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse {
        guard access.isWrite, access.count == 1 else {
            return .invalidRequest("port \(hex(access.port)) takes one write of the exit status, not \(access.mnemonic)")
        }
        switch access.size {
        case 1: return .exit(status: Int32(data[0]))
        case 2: return .exit(status: Int32(data.loadUnaligned(as: UInt16.self)))
        default: return .exit(status: data.loadUnaligned(as: Int32.self))
        }
    }
}
