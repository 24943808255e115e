import Foundation
import Testing
@testable import Loader

/// virtio-mmio and virtio-blk driven by a driver written here, over real
/// guest memory and a real disk file: the handshake, every request type,
/// read-only disks, and hostile rings, each refused without touching
/// anything outside guest memory.
@Suite struct VirtioBlockTests {
    @Test func identifiesItselfAndNegotiates() throws {
        let bench = try VirtioDriver(diskReadOnly: false)
        #expect(try bench.read(0x00) == 0x7472_6976)
        #expect(try bench.read(0x04) == 2)
        #expect(try bench.read(0x08) == 2)
        try bench.write(0x14, 1)
        #expect(try bench.read(0x10) == 1, "VIRTIO_F_VERSION_1 in the high word")
        try bench.write(0x14, 0)
        #expect(try bench.read(0x10) == UInt64(VirtioBlock.featureFlush))
        #expect(try bench.initialize() & 8 == 8, "FEATURES_OK kept")
        #expect(try bench.read(0x100, length: 8) == 128, "capacity: 64 KiB in sectors")
        // A feature never offered (bit 0) is refused: FEATURES_OK reads back clear.
        #expect(try bench.initialize(features: VirtioMMIO.featureVersion1 | 1) & 8 == 0)
        #expect(try bench.initialize(features: VirtioBlock.featureFlush) & 8 == 0, "VERSION_1 is required")
    }

    @Test func writeReadFlushAndGetID() throws {
        let bench = try VirtioDriver(diskReadOnly: false)
        _ = try bench.initialize()
        let pattern = (0..<1024).map { UInt8(truncatingIfNeeded: $0 * 7) }
        try pattern.withUnsafeBytes { try bench.memory.copy($0, to: GuestPhysicalAddress(0x21000)) }
        #expect(try bench.request(type: VirtioBlock.typeOut, sector: 2, dataLength: 1024, dataWritable: false) == .resume)
        #expect(bench.status == 0 && bench.usedIndex() == 1 && bench.usedLength(0) == 1)
        let file = try Data(contentsOf: bench.disk)
        #expect(Array(file[1024..<2048]) == pattern)
        #expect(file[0] == 0xee && file[2048] == 0xee, "nothing else changed")

        try Array(repeating: UInt8(0), count: 1024).withUnsafeBytes { try bench.memory.copy($0, to: GuestPhysicalAddress(0x21000)) }
        #expect(try bench.request(type: VirtioBlock.typeIn, sector: 2, dataLength: 1024, dataWritable: true) == .resume)
        #expect(bench.status == 0 && bench.usedLength(1) == 1025)
        #expect(try bench.guestBytes(0x21000, 1024) == pattern)

        #expect(try bench.request(type: VirtioBlock.typeFlush, sector: 0, dataLength: 0, dataWritable: false) == .resume)
        #expect(bench.status == 0)
        #expect(try bench.request(type: VirtioBlock.typeGetID, sector: 0, dataLength: 20, dataWritable: true) == .resume)
        let id = String(decoding: try bench.guestBytes(0x21000, 20).prefix { $0 != 0 }, as: UTF8.self)
        #expect(id == String(("unikit:" + bench.disk.lastPathComponent).prefix(20)))
        #expect(try bench.request(type: 99, sector: 0, dataLength: 0, dataWritable: false) == .resume)
        #expect(bench.status == VirtioBlock.statusUnsupported)
    }

    @Test func outOfRangeAndReadOnlyAreIOErrors() throws {
        let bench = try VirtioDriver(diskReadOnly: false)
        _ = try bench.initialize()
        #expect(try bench.request(type: VirtioBlock.typeIn, sector: 127, dataLength: 1024, dataWritable: true) == .resume)
        #expect(bench.status == VirtioBlock.statusIOError, "past the disk's end")
        #expect(try bench.request(type: VirtioBlock.typeIn, sector: UInt64.max, dataLength: 512, dataWritable: true) == .resume)
        #expect(bench.status == VirtioBlock.statusIOError, "no overflow")
        #expect(try bench.request(type: VirtioBlock.typeIn, sector: 0, dataLength: 100, dataWritable: true) == .resume)
        #expect(bench.status == VirtioBlock.statusIOError, "not whole sectors")

        let readOnly = try VirtioDriver(diskReadOnly: true)
        try readOnly.write(0x14, 0)
        #expect(try readOnly.read(0x10) & UInt64(VirtioBlock.featureReadOnly) != 0)
        _ = try readOnly.initialize(features: VirtioMMIO.featureVersion1 | VirtioBlock.featureReadOnly)
        #expect(try readOnly.request(type: VirtioBlock.typeOut, sector: 0, dataLength: 512, dataWritable: false) == .resume)
        #expect(readOnly.status == VirtioBlock.statusIOError)
        #expect(try Data(contentsOf: readOnly.disk).allSatisfy { $0 == 0xee })
    }

    @Test func hostileRingsAreRefused() throws {
        let bench = try VirtioDriver(diskReadOnly: false)
        _ = try bench.initialize()
        // A buffer past the end of RAM.
        try bench.descriptor(0, address: (4 << 20) - 8, length: 16, writable: false, next: nil)
        guard case .invalidRequest(let outside) = try bench.submit(head: 0) else { Issue.record("accepted"); return }
        #expect(outside == "queue 0: descriptor 0: buffer [0x3ffff8, 0x400008) is outside guest memory")
        #expect(try bench.read(0x70) & UInt64(VirtioMMIO.statusNeedsReset) != 0)

        // A chain that loops, a head outside the table, an avail index far ahead, an indirect descriptor.
        for (setUp, expected) in [
            ({ try bench.descriptor(0, address: 0x20000, length: 16, writable: false, next: 1)
               try bench.descriptor(1, address: 0x20000, length: 16, writable: false, next: 0) },
             "descriptor chain from 0 is longer than the queue (a loop?)"),
            ({ try bench.memory.store(UInt16(9), at: GuestPhysicalAddress(0x10080 + 4 + 2 * UInt64(bench.nextAvailable[0] % 8))) },
             "descriptor index 9 is outside the queue's 8 entries"),
        ] as [(() throws -> Void, String)] {
            _ = try bench.initialize()
                        try setUp()
            let head: UInt16 = expected.hasPrefix("descriptor index") ? 9 : 0
            guard case .invalidRequest(let reason) = try bench.submit(head: head) else { Issue.record("accepted"); continue }
            #expect(reason == "queue 0: " + expected)
        }
        _ = try bench.initialize()
        try bench.memory.store(UInt16(500), at: GuestPhysicalAddress(0x10082))
        guard case .invalidRequest(let ahead) = try bench.write(0x50, 0) else { Issue.record("accepted"); return }
        #expect(ahead == "queue 0: avail idx 500 is 500 ahead of the device's 0, more than the queue's 8 entries")
    }

    @Test func queueSetupIsChecked() throws {
        let bench = try VirtioDriver(diskReadOnly: false)
        try bench.write(0x30, 0)
        try bench.write(0x38, 6)
        #expect(try bench.write(0x44, 1) == .invalidRequest("queue 0: queue size 6 is not a power of two"))
        try bench.write(0x38, 8)
        try bench.write(0x80, 0x3ffff0)
        #expect(try bench.write(0x44, 1) == .invalidRequest(
            "queue 0: descriptor table [0x3ffff0, 0x400070) is outside guest memory"))
        #expect(try bench.write(0x50, 3) == .invalidRequest("notify of queue 3, which is not ready"))
        #expect(try bench.write(0x02, 1) == .invalidRequest("4-byte access at offset 0x2: registers take aligned 4-byte accesses"))
    }
}
