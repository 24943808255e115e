import Glibc

/// The virtio device side without KVM, for the `virtqueue` fuzz target and
/// its replay tests: a virtio-blk device over a 64 KiB scratch disk and a
/// virtio-net device over a socket pair, sharing 1 MiB of guest memory,
/// reused from call to call (not thread-safe).
///
/// An input is a queue size (its first byte, log2, 0–8), then the bytes of
/// guest memory from 0x10000 on: the descriptor table there, the driver
/// area right after it, the device area at 0x11000, buffers anywhere. Each
/// device is reset, its queues set up on those rings and notified (the
/// network device with a frame waiting); each must answer every request or
/// refuse it, and never touch memory outside the guest's. Both devices'
/// interrupt lines go to an IOAPIC whose messages go nowhere; the driver
/// area's flags (from the input) decide whether they are raised.
package final class VirtqueueCheck {
    static let rings: UInt64 = 0x10000
    static let deviceArea: UInt64 = 0x11000
    private let memory: GuestMemory
    private let disk: VirtioMMIO
    private let network: VirtioMMIO
    private let wire: SocketPair
    private let diskPath: String
    private let interrupts = IOAPIC(bus: NoAPIC())

    private final class NoAPIC: APICBus {
        func send(address: UInt64, data: UInt32) {}
    }

    package init() throws(LoaderError) {
        memory = try GuestMemory(size: 1 << 20)
        var template = Array("/tmp/unikit-virtqueue-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0, ftruncate(fd, 64 << 10) == 0 else {
            throw LoaderError("virtqueue check", "cannot make a scratch disk: \(errno)")
        }
        close(fd)
        diskPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        disk = VirtioMMIO(base: GuestPhysicalAddress(VirtioDevices.firstBase),
                          backend: VirtioBlock(disk: try DiskFile(path: diskPath, readOnly: false), memory: memory),
                          memory: memory, line: IOAPIC.Line(controller: interrupts, pin: 5))
        wire = try SocketPair()
        network = VirtioMMIO(base: GuestPhysicalAddress(VirtioDevices.firstBase + VirtioMMIO.windowSize),
                             backend: VirtioNet(link: wire, mac: VirtioDevices.mac(index: 0), memory: memory),
                             memory: memory, line: IOAPIC.Line(controller: interrupts, pin: 6))
    }

    deinit { unlink(diskPath) }

    /// The device's answers, as messages: the refusals of hostile requests.
    package func run(_ input: [UInt8]) -> [String] {
        guard let sizeLog = input.first else { return [] }
        let size = UInt32(1) << UInt32(sizeLog % 9)
        let image = input.dropFirst().prefix(Int(memory.size - Self.rings))
        image.withUnsafeBytes { try? memory.copy($0, to: GuestPhysicalAddress(Self.rings)) }
        var messages: [String] = []
        let rings: [(UInt64, UInt32)] = [
            (0x38, size), (0x80, UInt32(Self.rings)), (0x90, UInt32(Self.rings) + 16 * size),
            (0xa0, UInt32(Self.deviceArea)), (0x44, 1),
        ]
        let negotiate: [(UInt64, UInt32)] = [(0x70, 0), (0x70, 3), (0x24, 1), (0x20, 1), (0x70, 11)]
        let blockQueue: [(UInt64, UInt32)] = [(0x30, 0)] + rings
        messages += program(disk, negotiate + blockQueue + [(0x70, 15), (0x50, 0), (0x50, 0), (0x50, 0)])
        // The network device: both queues on the same rings; transmit, then receive a waiting frame.
        let frame = [UInt8](repeating: 0x5a, count: 60)
        _ = frame.withUnsafeBytes { write(wire.host, $0.baseAddress, $0.count) }
        let networkQueues: [(UInt64, UInt32)] = [(0x30, 1)] + rings + [(0x30, 0)] + rings
        messages += program(network, negotiate + networkQueues + [(0x70, 15), (0x50, 1), (0x50, 0)])
        if case .invalidRequest(let reason) = try? network.serveInput() { messages.append(reason) }
        var drain = [UInt8](repeating: 0, count: 2048)
        while drain.withUnsafeMutableBytes({ read(wire.host, $0.baseAddress, $0.count) }) > 0 {}
        while drain.withUnsafeMutableBytes({ read(wire.fd, $0.baseAddress, $0.count) }) > 0 {}
        return messages
    }

    /// Register writes to `device`; the refusals, as messages.
    private func program(_ device: VirtioMMIO, _ writes: [(UInt64, UInt32)]) -> [String] {
        var messages: [String] = []
        for (offset, value) in writes {
            var bytes = withUnsafeBytes(of: value) { Array($0) }
            let access = MMIOAccess(address: GuestPhysicalAddress(device.base.rawValue + offset), length: 4, isWrite: true)
            let response = bytes.withUnsafeMutableBytes { try? device.handle(access, data: $0) }
            if case .invalidRequest(let reason)? = response { messages.append(reason) }
        }
        return messages
    }
}

/// Two connected SOCK_SEQPACKET sockets standing in for a tap: the device
/// uses `fd`, the host side is `host`. Both closed in `deinit`.
package final class SocketPair: PacketLink {
    let fd: Int32
    package let host: Int32

    package init() throws(LoaderError) {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0, &ends) == 0 else {
            throw LoaderError("socket pair", "cannot make one: \(errno)")
        }
        (fd, host) = (ends[0], ends[1])
    }

    deinit {
        close(fd)
        close(host)
    }
}
