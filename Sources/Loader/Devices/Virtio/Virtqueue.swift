import CKVM

/// A guest request that breaks the virtio rules; the device refuses it and
/// the run ends with this reason (`GuestExit.invalidDeviceRequest`).
struct VirtqueueError: Error, Equatable, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One guest buffer of a descriptor chain, already checked to lie in RAM.
struct VirtqueueBuffer: Equatable {
    var address: GuestPhysicalAddress
    var length: UInt32
    /// Device-writable (`VIRTQ_DESC_F_WRITE`); otherwise device-readable.
    var writable: Bool
}

/// A split virtqueue (virtio 1.x, section 2.7) as the device side sees it.
/// Every value read from the rings comes from the guest, which may change
/// it at any moment: indexes, descriptor addresses, lengths, flags and
/// chain links are each checked once, as they are read, before use; the
/// device keeps its own copies and never re-reads a checked value.
struct Virtqueue {
    static let descriptorSize: UInt64 = 16
    static let flagNext: UInt16 = 1
    static let flagWrite: UInt16 = 2
    static let flagIndirect: UInt16 = 4
    /// Driver area flag: the driver polls and wants no interrupts.
    static let availableNoInterrupt: UInt16 = 1

    /// Descriptors (a power of two, at most the device's maximum).
    let size: UInt16
    let descriptors: GuestPhysicalAddress
    /// The driver area (avail ring): flags, idx, ring[size].
    let available: GuestPhysicalAddress
    /// The device area (used ring): flags, idx, ring[size] of (id, len).
    let used: GuestPhysicalAddress
    let memory: GuestMemory
    /// The next available-ring slot this device will take.
    private(set) var nextAvailable: UInt16 = 0
    /// The used index this device publishes next.
    private(set) var nextUsed: UInt16 = 0

    /// Checks the three areas' sizes, alignment and placement in RAM
    /// (virtio 1.x: descriptors 16-aligned, avail 2, used 4).
    init(size: UInt16, descriptors: UInt64, available: UInt64, used: UInt64,
         memory: GuestMemory) throws(VirtqueueError) {
        guard size > 0, size & (size - 1) == 0 else {
            throw VirtqueueError("queue size \(size) is not a power of two")
        }
        let count = UInt64(size)
        let areas: [(String, UInt64, UInt64, UInt64)] = [
            ("descriptor table", descriptors, Self.descriptorSize * count, 16),
            ("driver area", available, 6 + 2 * count, 2),
            ("device area", used, 6 + 8 * count, 4),
        ]
        for (name, address, length, alignment) in areas {
            guard address % alignment == 0 else {
                throw VirtqueueError("\(name) at \(hex(address)) is not \(alignment)-byte aligned")
            }
            guard memory.contains(GuestPhysicalAddress(address), count: length) else {
                throw VirtqueueError("\(name) \(hexRange(address, address &+ length)) is outside guest memory")
            }
        }
        self.size = size
        self.descriptors = GuestPhysicalAddress(descriptors)
        self.available = GuestPhysicalAddress(available)
        self.used = GuestPhysicalAddress(used)
        self.memory = memory
    }

    /// The next chain the driver made available: its head index and buffers,
    /// or nil when there is none. Throws for a malformed ring or chain.
    mutating func nextChain() throws(VirtqueueError) -> (head: UInt16, buffers: [VirtqueueBuffer])? {
        let published: UInt16 = try load(available.rawValue + 2)
        let pending = published &- nextAvailable
        guard pending != 0 else { return nil }
        guard pending <= size else {
            throw VirtqueueError("avail idx \(published) is \(pending) ahead of the device's \(nextAvailable), more than the queue's \(size) entries")
        }
        let slot = UInt64(nextAvailable % size)
        let head: UInt16 = try load(available.rawValue + 4 + 2 * slot)
        nextAvailable &+= 1
        return (head, try chain(from: head))
    }

    /// Follows `next` links from `head`: at most `size` descriptors (so a
    /// loop ends), each inside RAM; device-readable ones before writable.
    private func chain(from head: UInt16) throws(VirtqueueError) -> [VirtqueueBuffer] {
        var buffers: [VirtqueueBuffer] = []
        var index = head
        while true {
            guard index < size else {
                throw VirtqueueError("descriptor index \(index) is outside the queue's \(size) entries")
            }
            guard buffers.count < Int(size) else {
                throw VirtqueueError("descriptor chain from \(head) is longer than the queue (a loop?)")
            }
            let entry = descriptors.rawValue + UInt64(index) * Self.descriptorSize
            let address: UInt64 = try load(entry)
            let length: UInt32 = try load(entry + 8)
            let flags: UInt16 = try load(entry + 12)
            let next: UInt16 = try load(entry + 14)
            guard flags & Self.flagIndirect == 0 else {
                throw VirtqueueError("descriptor \(index) is indirect, a feature this device did not offer")
            }
            guard memory.contains(GuestPhysicalAddress(address), count: UInt64(length)) else {
                throw VirtqueueError("descriptor \(index): buffer \(hexRange(address, address &+ UInt64(length))) is outside guest memory")
            }
            let writable = flags & Self.flagWrite != 0
            if !writable, buffers.last?.writable == true {
                throw VirtqueueError("descriptor \(index) is device-readable after a device-writable one")
            }
            buffers.append(VirtqueueBuffer(address: GuestPhysicalAddress(address), length: length, writable: writable))
            guard flags & Self.flagNext != 0 else { return buffers }
            index = next
        }
    }

    /// Returns chain `head` to the driver with `written` bytes filled in:
    /// the used element first, then (after a release fence) the index.
    mutating func complete(head: UInt16, written: UInt32) throws(VirtqueueError) {
        let slot = UInt64(nextUsed % size)
        try store(UInt32(head), at: used.rawValue + 4 + 8 * slot)
        try store(written, at: used.rawValue + 8 + 8 * slot)
        ckvm_release_fence()
        nextUsed &+= 1
        try store(nextUsed, at: used.rawValue + 2)
    }

    /// Whether the driver asks for interrupts (its driver area's flags lack
    /// VIRTQ_AVAIL_F_NO_INTERRUPT). Read afresh each time: the driver may
    /// switch between polling and interrupts whenever it likes.
    func driverWantsInterrupts() throws(VirtqueueError) -> Bool {
        let flags: UInt16 = try load(available.rawValue)
        return flags & Self.availableNoInterrupt == 0
    }

    private func load<T: BitwiseCopyable>(_ address: UInt64) throws(VirtqueueError) -> T {
        do {
            return try memory.load(T.self, at: GuestPhysicalAddress(address))
        } catch {
            throw VirtqueueError("ring access: \(error)")
        }
    }

    private func store<T: BitwiseCopyable>(_ value: T, at address: UInt64) throws(VirtqueueError) {
        do {
            try memory.store(value, at: GuestPhysicalAddress(address))
        } catch {
            throw VirtqueueError("ring access: \(error)")
        }
    }
}
