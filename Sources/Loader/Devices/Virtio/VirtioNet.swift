import Glibc

/// A host descriptor where one read or write is one Ethernet frame: a tap
/// (`TapDevice`), a SOCK_SEQPACKET socket in the tests. The device keeps
/// its link, so the descriptor stays open as long as the device lives.
protocol PacketLink: AnyObject {
    var fd: Int32 { get }
}

/// virtio-net (virtio 1.x, section 5.1) over a `PacketLink`. Queue 0 receives,
/// queue 1 transmits. Offers only VIRTIO_NET_F_MAC: no offloads, no merged
/// receive buffers, so every receive buffer holds a whole frame behind the
/// 12-byte `virtio_net_hdr`.
///
/// Frames reach the guest when it makes receive buffers available (a
/// notify of queue 0) and when it idles (`IdlePort` waits on the link
/// and calls `receive`): the two moments a polling driver leaves the guest.
/// A frame that finds no buffer waits for one; frames beyond that wait in
/// the host (the tap's queue).
final class VirtioNet: VirtioBackend {
    static let featureMAC: UInt64 = 1 << 5
    static let headerLength = 12
    static let maxFrame = 65_536
    static let receiveQueue = 0, transmitQueue = 1

    let name = "virtio-net"
    let deviceID: UInt32 = 1
    let queueCount = 2
    let maxQueueSize: UInt16 = 256
    let features = VirtioNet.featureMAC
    private let link: any PacketLink
    private let mac: [UInt8]
    private let memory: GuestMemory
    /// A frame read from the host that no receive buffer has taken yet.
    private var pending: [UInt8]?
    private var frame = [UInt8](repeating: 0, count: VirtioNet.maxFrame)

    init(link: any PacketLink, mac: [UInt8], memory: GuestMemory) {
        self.link = link
        self.mac = mac
        self.memory = memory
    }

    var inputDescriptor: Int32? { link.fd }
    var inputQueue: Int { Self.receiveQueue }

    /// `mac`, then a status word the driver may not read (F_STATUS not offered).
    var configuration: [UInt8] { mac + [0, 0] }

    func reset() { pending = nil }

    func serve(queue: inout Virtqueue, index: Int) throws(VirtqueueError) {
        if index == Self.transmitQueue {
            try transmit(&queue)
        } else {
            try receive(&queue)
        }
    }

    /// Sends each chain's frame (its readable bytes after the header).
    private func transmit(_ queue: inout Virtqueue) throws(VirtqueueError) {
        while let (head, buffers) = try queue.nextChain() {
            let request = VirtioRequest(buffers: buffers, memory: memory)
            let length = request.readableLength
            guard length >= UInt64(Self.headerLength), length - UInt64(Self.headerLength) <= UInt64(Self.maxFrame) else {
                throw VirtqueueError("transmit chain of \(length) bytes: not a virtio_net_hdr and a frame of at most \(Self.maxFrame)")
            }
            var bytes: [UInt8] = []
            _ = try request.forEachReadable(from: UInt64(Self.headerLength), count: length - UInt64(Self.headerLength)) { piece, _ in
                bytes += piece
                return true
            }
            // A host that cannot take the frame drops it, as a wire would.
            _ = bytes.withUnsafeBytes { Glibc.write(link.fd, $0.baseAddress, $0.count) }
            try queue.complete(head: head, written: 0)
        }
    }

    /// Moves frames from the host into receive buffers while both last.
    private func receive(_ queue: inout Virtqueue) throws(VirtqueueError) {
        while let next = pending ?? readFrame() {
            guard let (head, buffers) = try queue.nextChain() else {
                pending = next
                return
            }
            pending = nil
            let request = VirtioRequest(buffers: buffers, memory: memory)
            let needed = UInt64(Self.headerLength + next.count)
            guard request.writableLength >= needed else {
                // Too small for this frame: the frame is dropped, the buffer returned empty.
                try queue.complete(head: head, written: 0)
                continue
            }
            // virtio_net_hdr: no flags, no GSO, num_buffers 1 (VERSION_1 layout).
            let packet = [UInt8](repeating: 0, count: 10) + [1, 0] + next
            _ = try request.forEachWritable(count: needed) { piece, done in
                piece.copyBytes(from: packet[Int(done)..<Int(done) + piece.count])
                return true
            }
            try queue.complete(head: head, written: UInt32(needed))
        }
    }

    /// One frame from the host, or nil when none is waiting (non-blocking).
    private func readFrame() -> [UInt8]? {
        let count = frame.withUnsafeMutableBytes { Glibc.read(link.fd, $0.baseAddress, $0.count) }
        return count > 0 ? Array(frame[..<count]) : nil
    }
}
