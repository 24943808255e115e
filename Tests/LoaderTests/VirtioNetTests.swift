import Foundation
import Glibc
import Testing
@testable import Loader

/// virtio-net over a SOCK_SEQPACKET socket pair standing in for a tap (one
/// read or write is one frame): frames sent by the guest reach the host,
/// frames from the host fill receive buffers, waiting for one if needed.
@Suite struct VirtioNetTests {
    /// The host end of the pair the device is attached to.
    final class Wire {
        let pair: SocketPair
        init() throws { pair = try SocketPair() }

        func send(_ frame: [UInt8]) { _ = frame.withUnsafeBytes { write(pair.host, $0.baseAddress, $0.count) } }
        func receive() -> [UInt8]? {
            var buffer = [UInt8](repeating: 0, count: 2048)
            let count = buffer.withUnsafeMutableBytes { read(pair.host, $0.baseAddress, $0.count) }
            return count > 0 ? Array(buffer[..<count]) : nil
        }
    }

    static let frame = (0..<60).map { UInt8($0) }

    @Test func macAndFeatures() throws {
        let wire = try Wire()
        let driver = try VirtioDriver { VirtioNet(link: wire.pair, mac: VirtioDevices.mac(index: 3), memory: $0) }
        #expect(try driver.read(0x08) == 1)
        try driver.write(0x14, 0)
        #expect(try driver.read(0x10) == UInt64(VirtioNet.featureMAC))
        #expect(try driver.read(0x100, length: 4) == 0x696e_7502)
        #expect(try driver.read(0x104, length: 2) == 0x036b)
    }

    @Test func transmitSendsTheFrameWithoutItsHeader() throws {
        let wire = try Wire()
        let driver = try VirtioDriver { VirtioNet(link: wire.pair, mac: VirtioDevices.mac(index: 0), memory: $0) }
        _ = try driver.initialize(features: VirtioMMIO.featureVersion1 | VirtioNet.featureMAC, queues: 2)
        // Header and frame split over two descriptors, the frame's first byte in the first.
        let packet = [UInt8](repeating: 0, count: 12) + Self.frame
        try packet.withUnsafeBytes { try driver.memory.copy($0, to: GuestPhysicalAddress(0x30000)) }
        try driver.descriptor(0, address: 0x30000, length: 13, writable: false, next: 1, queue: 1)
        try driver.descriptor(1, address: 0x3000d, length: 59, writable: false, next: nil, queue: 1)
        #expect(try driver.submit(head: 0, queue: 1) == .resume)
        #expect(wire.receive() == Self.frame)
        #expect(driver.usedIndex(queue: 1) == 1)
    }

    @Test func receivedFramesWaitForABuffer() throws {
        let wire = try Wire()
        let driver = try VirtioDriver { VirtioNet(link: wire.pair, mac: VirtioDevices.mac(index: 0), memory: $0) }
        _ = try driver.initialize(features: VirtioMMIO.featureVersion1 | VirtioNet.featureMAC, queues: 2)
        wire.send(Self.frame)
        #expect(try driver.device.serveInput() == .resume, "no buffer yet: the frame waits")
        #expect(driver.usedIndex(queue: 0) == 0)
        try driver.descriptor(0, address: 0x40000, length: 1526, writable: true, next: nil, queue: 0)
        #expect(try driver.submit(head: 0, queue: 0) == .resume)
        #expect(driver.usedIndex(queue: 0) == 1)
        #expect(driver.usedLength(0, queue: 0) == 72)
        let header = try driver.guestBytes(0x40000, 12)
        #expect(header == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], "num_buffers 1")
        #expect(try driver.guestBytes(0x4000c, 60) == Self.frame)
        // A buffer too small for the next frame comes back empty; the frame is dropped.
        wire.send(Self.frame)
        try driver.descriptor(1, address: 0x41000, length: 20, writable: true, next: nil, queue: 0)
        #expect(try driver.submit(head: 1, queue: 0) == .resume)
        #expect(driver.usedIndex(queue: 0) == 2 && driver.usedLength(1, queue: 0) == 0)
    }
}
