import CKVM
import Glibc
import SystemPackage

/// A Linux tap interface as a packet descriptor for `VirtioNet`: one read
/// or write is one Ethernet frame. Non-blocking; closed in `deinit`.
final class TapDevice: PacketLink {
    let name: String
    let fd: Int32

    init(name: String) throws(LoaderError) {
        self.name = name
        let descriptor = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw LoaderError("/dev/net/tun", field: "--net", "cannot open: \(Errno(rawValue: errno))")
        }
        let result = ckvm_tap_attach(descriptor, name)
        guard result == 0 else {
            close(descriptor)
            throw LoaderError(name, field: "--net", "cannot attach to the tap interface: \(Errno(rawValue: -result))")
        }
        fd = descriptor
    }

    deinit { close(fd) }
}
