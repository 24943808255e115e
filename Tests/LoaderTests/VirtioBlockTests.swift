import Foundation
import Testing
@testable import Loader

/// virtio-mmio and virtio-blk driven by a driver written here, over real
/// guest memory and a real disk file: the handshake, every request type,
/// read-only disks, and hostile rings, each refused without touching
/// anything outside guest memory.
@Suite struct VirtioBlockTests {
    /// A device at 0xfeb00000 with a 64 KiB disk file, 4 MiB of RAM and a
    /// queue of 8 descriptors at 0x10000 (avail 0x10080, used 0x11000).
    final class Bench {
        static let base: UInt64 = 0xfeb0_0000
        let memory: GuestMemory
        let disk: URL
        let device: VirtioMMIO
        var nextAvailable: UInt16 = 0

        init(readOnly: Bool = false) throws {
            memory = try GuestMemory(size: 4 << 20)
            disk = FileManager.default.temporaryDirectory.appendingPathComponent("disk-\(UUID().uuidString).img")
            try Data(repeating: 0xee, count: 64 << 10).write(to: disk)
            let file = try DiskFile(path: disk.path, readOnly: readOnly)
            device = VirtioMMIO(base: GuestPhysicalAddress(Self.base),
                                backend: VirtioBlock(disk: file, memory: memory), memory: memory)
        }

        deinit { try? FileManager.default.removeItem(at: disk) }

        @discardableResult
        func write(_ offset: UInt64, _ value: UInt32) throws -> DeviceResponse {
            var bytes = withUnsafeBytes(of: value) { Array($0) }
            let access = MMIOAccess(address: GuestPhysicalAddress(Self.base + offset), length: 4, isWrite: true)
            return try bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(LoaderError) in try device.handle(access, data: buffer) }
            }.get()
        }

        func read(_ offset: UInt64, length: Int = 4) throws -> UInt64 {
            var bytes = [UInt8](repeating: 0, count: 8)
            let access = MMIOAccess(address: GuestPhysicalAddress(Self.base + offset), length: length, isWrite: false)
            _ = try bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(LoaderError) in
                    try device.handle(access, data: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<length]))
                }
            }.get()
            return bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        }

        /// The spec's initialisation sequence with `features`, then queue 0 set up.
        func initialize(features: UInt64 = VirtioMMIO.featureVersion1 | VirtioBlock.featureFlush,
                        queueSize: UInt32 = 8) throws -> UInt32 {
            try write(0x70, 0)
            try write(0x70, 1 | 2)
            try write(0x24, 0); try write(0x20, UInt32(truncatingIfNeeded: features))
            try write(0x24, 1); try write(0x20, UInt32(truncatingIfNeeded: features >> 32))
            try write(0x70, 1 | 2 | 8)
            let status = UInt32(try read(0x70))
            try write(0x30, 0)
            try write(0x38, queueSize)
            try write(0x80, 0x10000); try write(0x84, 0)
            try write(0x90, 0x10080); try write(0x94, 0)
            try write(0xa0, 0x11000); try write(0xa4, 0)
            try write(0x44, 1)
            try write(0x70, status | 4)
            return status
        }

        func descriptor(_ index: UInt16, address: UInt64, length: UInt32, writable: Bool, next: UInt16?) throws {
            let entry = GuestPhysicalAddress(0x10000 + UInt64(index) * 16)
            try memory.store(address, at: entry)
            try memory.store(length, at: GuestPhysicalAddress(entry.rawValue + 8))
            let flags: UInt16 = (next == nil ? 0 : 1) | (writable ? 2 : 0)
            try memory.store(flags, at: GuestPhysicalAddress(entry.rawValue + 12))
            try memory.store(next ?? 0, at: GuestPhysicalAddress(entry.rawValue + 14))
        }

        /// Publishes chain `head` and notifies queue 0.
        @discardableResult
        func submit(head: UInt16) throws -> DeviceResponse {
            try memory.store(head, at: GuestPhysicalAddress(0x10080 + 4 + 2 * UInt64(nextAvailable % 8)))
            nextAvailable &+= 1
            try memory.store(nextAvailable, at: GuestPhysicalAddress(0x10080 + 2))
            return try write(0x50, 0)
        }

        /// A three-part request: header at 0x20000, data at 0x21000, status at 0x22000.
        func request(type: UInt32, sector: UInt64, dataLength: UInt32, dataWritable: Bool) throws -> DeviceResponse {
            try memory.store(type, at: GuestPhysicalAddress(0x20000))
            try memory.store(UInt32(0), at: GuestPhysicalAddress(0x20004))
            try memory.store(sector, at: GuestPhysicalAddress(0x20008))
            try memory.store(UInt8(0xff), at: GuestPhysicalAddress(0x22000))
            try descriptor(0, address: 0x20000, length: 16, writable: false, next: dataLength > 0 ? 1 : 2)
            if dataLength > 0 { try descriptor(1, address: 0x21000, length: dataLength, writable: dataWritable, next: 2) }
            try descriptor(2, address: 0x22000, length: 1, writable: true, next: nil)
            return try submit(head: 0)
        }

        var status: UInt8 { (try? memory.load(UInt8.self, at: GuestPhysicalAddress(0x22000))) ?? 0xff }
        var usedIndex: UInt16 { (try? memory.load(UInt16.self, at: GuestPhysicalAddress(0x11002))) ?? 0 }
        func usedLength(_ slot: UInt64) -> UInt32 {
            (try? memory.load(UInt32.self, at: GuestPhysicalAddress(0x11008 + 8 * slot))) ?? 0
        }
        func guestBytes(_ address: UInt64, _ count: Int) throws -> [UInt8] {
            try memory.withBytes(at: GuestPhysicalAddress(address), count: UInt64(count)) { Array($0) }
        }
    }

    @Test func identifiesItselfAndNegotiates() throws {
        let bench = try Bench()
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
        let bench = try Bench()
        _ = try bench.initialize()
        let pattern = (0..<1024).map { UInt8(truncatingIfNeeded: $0 * 7) }
        try pattern.withUnsafeBytes { try bench.memory.copy($0, to: GuestPhysicalAddress(0x21000)) }
        #expect(try bench.request(type: VirtioBlock.typeOut, sector: 2, dataLength: 1024, dataWritable: false) == .resume)
        #expect(bench.status == 0 && bench.usedIndex == 1 && bench.usedLength(0) == 1)
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
        let bench = try Bench()
        _ = try bench.initialize()
        #expect(try bench.request(type: VirtioBlock.typeIn, sector: 127, dataLength: 1024, dataWritable: true) == .resume)
        #expect(bench.status == VirtioBlock.statusIOError, "past the disk's end")
        #expect(try bench.request(type: VirtioBlock.typeIn, sector: UInt64.max, dataLength: 512, dataWritable: true) == .resume)
        #expect(bench.status == VirtioBlock.statusIOError, "no overflow")
        #expect(try bench.request(type: VirtioBlock.typeIn, sector: 0, dataLength: 100, dataWritable: true) == .resume)
        #expect(bench.status == VirtioBlock.statusIOError, "not whole sectors")

        let readOnly = try Bench(readOnly: true)
        try readOnly.write(0x14, 0)
        #expect(try readOnly.read(0x10) & UInt64(VirtioBlock.featureReadOnly) != 0)
        _ = try readOnly.initialize(features: VirtioMMIO.featureVersion1 | VirtioBlock.featureReadOnly)
        #expect(try readOnly.request(type: VirtioBlock.typeOut, sector: 0, dataLength: 512, dataWritable: false) == .resume)
        #expect(readOnly.status == VirtioBlock.statusIOError)
        #expect(try Data(contentsOf: readOnly.disk).allSatisfy { $0 == 0xee })
    }

    @Test func hostileRingsAreRefused() throws {
        let bench = try Bench()
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
            ({ try bench.memory.store(UInt16(9), at: GuestPhysicalAddress(0x10080 + 4 + 2 * UInt64(bench.nextAvailable % 8))) },
             "descriptor index 9 is outside the queue's 8 entries"),
        ] as [(() throws -> Void, String)] {
            _ = try bench.initialize()
            bench.nextAvailable = 0
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
        let bench = try Bench()
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
