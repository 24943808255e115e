import Foundation
@testable import Loader

/// A virtio driver written for the tests, over a device at 0xfeb00000 with
/// 4 MiB of RAM: queue `q` has 8 descriptors at 0x10000 + q * 0x4000 (avail
/// 0x80 further, used at +0x1000).
final class VirtioDriver {
    static let base: UInt64 = 0xfeb0_0000
    let memory: GuestMemory
    let device: VirtioMMIO
    /// The disk file behind a virtio-blk device (64 KiB of 0xee), if any.
    var disk: URL!
    var nextAvailable: [UInt16] = [0, 0]

    init(line: IOAPIC.Line? = nil, backend: (GuestMemory) throws -> any VirtioBackend) throws {
        memory = try GuestMemory(size: 4 << 20)
        device = VirtioMMIO(base: GuestPhysicalAddress(Self.base), backend: try backend(memory), memory: memory,
                            line: line)
    }

    convenience init(diskReadOnly: Bool, line: IOAPIC.Line? = nil) throws {
        let disk = FileManager.default.temporaryDirectory.appendingPathComponent("disk-\(UUID().uuidString).img")
        try Data(repeating: 0xee, count: 64 << 10).write(to: disk)
        let file = try DiskFile(path: disk.path, readOnly: diskReadOnly)
        try self.init(line: line) { VirtioBlock(disk: file, memory: $0) }
        self.disk = disk
    }

    deinit { if let disk { try? FileManager.default.removeItem(at: disk) } }

    static func ring(_ queue: Int) -> UInt64 { 0x10000 + UInt64(queue) * 0x4000 }

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

    /// The spec's initialisation sequence with `features`, then `queues` set up.
    func initialize(features: UInt64 = VirtioMMIO.featureVersion1 | VirtioBlock.featureFlush,
                    queueSize: UInt32 = 8, queues: Int = 1) throws -> UInt32 {
        try write(0x70, 0)
        nextAvailable = [0, 0]
        try write(0x70, 1 | 2)
        try write(0x24, 0); try write(0x20, UInt32(truncatingIfNeeded: features))
        try write(0x24, 1); try write(0x20, UInt32(truncatingIfNeeded: features >> 32))
        try write(0x70, 1 | 2 | 8)
        let status = UInt32(try read(0x70))
        for queue in 0..<queues {
            let ring = UInt32(Self.ring(queue))
            try write(0x30, UInt32(queue))
            try write(0x38, queueSize)
            try write(0x80, ring); try write(0x84, 0)
            try write(0x90, ring + 0x80); try write(0x94, 0)
            try write(0xa0, ring + 0x1000); try write(0xa4, 0)
            try write(0x44, 1)
        }
        try write(0x70, status | 4)
        return status
    }

    func descriptor(_ index: UInt16, address: UInt64, length: UInt32, writable: Bool, next: UInt16?,
                    queue: Int = 0) throws {
        let entry = GuestPhysicalAddress(Self.ring(queue) + UInt64(index) * 16)
        try memory.store(address, at: entry)
        try memory.store(length, at: GuestPhysicalAddress(entry.rawValue + 8))
        let flags: UInt16 = (next == nil ? 0 : 1) | (writable ? 2 : 0)
        try memory.store(flags, at: GuestPhysicalAddress(entry.rawValue + 12))
        try memory.store(next ?? 0, at: GuestPhysicalAddress(entry.rawValue + 14))
    }

    /// Publishes chain `head` on `queue` and notifies it.
    @discardableResult
    func submit(head: UInt16, queue: Int = 0) throws -> DeviceResponse {
        let available = Self.ring(queue) + 0x80
        try memory.store(head, at: GuestPhysicalAddress(available + 4 + 2 * UInt64(nextAvailable[queue] % 8)))
        nextAvailable[queue] &+= 1
        try memory.store(nextAvailable[queue], at: GuestPhysicalAddress(available + 2))
        return try write(0x50, UInt32(queue))
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

    /// Sets queue `queue`'s driver area flags (1: VIRTQ_AVAIL_F_NO_INTERRUPT).
    func setAvailableFlags(_ flags: UInt16, queue: Int = 0) throws {
        try memory.store(flags, at: GuestPhysicalAddress(Self.ring(queue) + 0x80))
    }

    var status: UInt8 { (try? memory.load(UInt8.self, at: GuestPhysicalAddress(0x22000))) ?? 0xff }
    func usedIndex(queue: Int = 0) -> UInt16 {
        (try? memory.load(UInt16.self, at: GuestPhysicalAddress(Self.ring(queue) + 0x1002))) ?? 0
    }
    func usedLength(_ slot: UInt64, queue: Int = 0) -> UInt32 {
        (try? memory.load(UInt32.self, at: GuestPhysicalAddress(Self.ring(queue) + 0x1008 + 8 * slot))) ?? 0
    }
    func guestBytes(_ address: UInt64, _ count: Int) throws -> [UInt8] {
        try memory.withBytes(at: GuestPhysicalAddress(address), count: UInt64(count)) { Array($0) }
    }
}
