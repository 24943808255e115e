/// The virtio-mmio transport, version 2 (virtio 1.x, section 4.2.2): one
/// device's registers at `base`, in front of a `VirtioBackend`. Registers
/// are 32 bits wide; the configuration space from offset 0x100 takes any
/// access size. A queue is served during the guest's write to QueueNotify
/// (or, for host input, while the guest idles), so it is complete by the
/// time that write returns: a driver may poll the used ring. One that asks
/// for interrupts (no VIRTQ_AVAIL_F_NO_INTERRUPT) gets its `line` raised
/// when buffers were used, until it acknowledges them all.
final class VirtioMMIO: Device {
    static let magic: UInt32 = 0x7472_6976 // "virt"
    static let version: UInt32 = 2
    static let vendorID: UInt32 = 0x4b49_4e55 // "UNIK"
    static let featureVersion1: UInt64 = 1 << 32
    static let configurationOffset: UInt64 = 0x100
    /// Bytes of the register window, as on QEMU microvm.
    static let windowSize: UInt64 = 0x200

    // Device status bits.
    static let statusFeaturesOK: UInt32 = 8
    static let statusNeedsReset: UInt32 = 64

    private struct QueueSetup {
        var size: UInt16 = 0
        var descriptors: UInt64 = 0
        var available: UInt64 = 0
        var used: UInt64 = 0
        var ring: Virtqueue?
    }

    let base: GuestPhysicalAddress
    private let backend: any VirtioBackend
    private let memory: GuestMemory
    private var status: UInt32 = 0
    private var deviceFeatureSelect: UInt32 = 0
    private var driverFeatureSelect: UInt32 = 0
    private var driverFeatures: UInt64 = 0
    private var queueSelect: UInt32 = 0
    private var queues: [QueueSetup]
    private var interruptStatus: UInt32 = 0
    private let line: IOAPIC.Line?

    var name: String { backend.name }
    private var offeredFeatures: UInt64 { backend.features | Self.featureVersion1 }

    init(base: GuestPhysicalAddress, backend: any VirtioBackend, memory: GuestMemory, line: IOAPIC.Line? = nil) {
        self.base = base
        self.backend = backend
        self.memory = memory
        self.line = line
        queues = Array(repeating: QueueSetup(), count: backend.queueCount)
    }

    func claims(mmio address: GuestPhysicalAddress) -> Bool {
        address >= base && address.rawValue - base.rawValue < Self.windowSize
    }

    func handle(_ access: MMIOAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse {
        let offset = access.address.rawValue - base.rawValue
        guard UInt64(access.length) <= Self.windowSize - offset else {
            return .invalidRequest("\(access.length)-byte access at offset \(hex(offset)) runs past the registers")
        }
        if offset >= Self.configurationOffset {
            return configurationAccess(at: Int(offset - Self.configurationOffset), access, data)
        }
        guard access.length == 4, offset % 4 == 0 else {
            return .invalidRequest("\(access.length)-byte access at offset \(hex(offset)): registers take aligned 4-byte accesses")
        }
        if access.isWrite {
            return try write(data.loadUnaligned(as: UInt32.self), at: offset)
        }
        data.storeBytes(of: read(at: offset), as: UInt32.self)
        return .resume
    }

    private func read(at offset: UInt64) -> UInt32 {
        let queue = queues.indices.contains(Int(queueSelect)) ? queues[Int(queueSelect)] : nil
        switch offset {
        case 0x000: return Self.magic
        case 0x004: return Self.version
        case 0x008: return backend.deviceID
        case 0x00c: return Self.vendorID
        case 0x010: return deviceFeatureSelect < 2 ? UInt32(truncatingIfNeeded: offeredFeatures >> (32 * UInt64(deviceFeatureSelect))) : 0
        case 0x034: return queue == nil ? 0 : UInt32(backend.maxQueueSize)
        case 0x044: return queue?.ring == nil ? 0 : 1
        case 0x060: return interruptStatus
        case 0x070: return status
        case 0x0fc: return 0 // ConfigGeneration: the configuration never changes
        default: return 0
        }
    }

    private func write(_ value: UInt32, at offset: UInt64) throws(LoaderError) -> DeviceResponse {
        let selected = Int(queueSelect)
        let hasQueue = queues.indices.contains(selected)
        switch offset {
        case 0x014: deviceFeatureSelect = value
        case 0x020:
            guard driverFeatureSelect < 2 else { break }
            let shift = 32 * UInt64(driverFeatureSelect)
            driverFeatures = driverFeatures & ~(0xffff_ffff << shift) | UInt64(value) << shift
        case 0x024: driverFeatureSelect = value
        case 0x030: queueSelect = value
        case 0x038 where hasQueue: queues[selected].size = UInt16(truncatingIfNeeded: value)
        case 0x044 where hasQueue: return setQueueReady(selected, value != 0)
        case 0x050: return try notify(Int(value))
        case 0x064:
            interruptStatus &= ~value
            if interruptStatus == 0 { try line?.set(high: false) }
        case 0x070: try setStatus(value)
        case 0x080 where hasQueue: queues[selected].descriptors.setLow(value)
        case 0x084 where hasQueue: queues[selected].descriptors.setHigh(value)
        case 0x090 where hasQueue: queues[selected].available.setLow(value)
        case 0x094 where hasQueue: queues[selected].available.setHigh(value)
        case 0x0a0 where hasQueue: queues[selected].used.setLow(value)
        case 0x0a4 where hasQueue: queues[selected].used.setHigh(value)
        default: break // a write the spec gives no meaning here (or to a queue that does not exist) is ignored
        }
        return .resume
    }

    /// Status 0 resets; FEATURES_OK stays clear when the driver accepted
    /// features the device never offered or not VIRTIO_F_VERSION_1, which
    /// the driver sees when it reads the status back.
    private func setStatus(_ value: UInt32) throws(LoaderError) {
        guard value != 0 else { return try reset() }
        var accepted = value
        if value & Self.statusFeaturesOK != 0,
           driverFeatures & ~offeredFeatures != 0 || driverFeatures & Self.featureVersion1 == 0 {
            accepted &= ~Self.statusFeaturesOK
        }
        status = accepted
    }

    private func reset() throws(LoaderError) {
        try line?.set(high: false)
        status = 0
        driverFeatures = 0
        deviceFeatureSelect = 0
        driverFeatureSelect = 0
        queueSelect = 0
        interruptStatus = 0
        queues = Array(repeating: QueueSetup(), count: backend.queueCount)
        backend.reset()
    }

    private func setQueueReady(_ index: Int, _ ready: Bool) -> DeviceResponse {
        guard ready else {
            queues[index].ring = nil
            return .resume
        }
        let setup = queues[index]
        guard setup.size <= backend.maxQueueSize else {
            return .invalidRequest("queue \(index): size \(setup.size) exceeds QueueNumMax \(backend.maxQueueSize)")
        }
        do {
            queues[index].ring = try Virtqueue(size: setup.size, descriptors: setup.descriptors,
                                               available: setup.available, used: setup.used, memory: memory)
        } catch {
            return .invalidRequest("queue \(index): \(error)")
        }
        return .resume
    }

    /// The host descriptor this device waits on while the guest idles.
    var inputDescriptor: Int32? { backend.inputDescriptor }

    /// Delivers host input (the descriptor is readable) on the backend's
    /// input queue, if the driver has set that queue up yet.
    func serveInput() throws(LoaderError) -> DeviceResponse {
        guard queues.indices.contains(backend.inputQueue), queues[backend.inputQueue].ring != nil else { return .resume }
        return try notify(backend.inputQueue)
    }

    private func notify(_ index: Int) throws(LoaderError) -> DeviceResponse {
        guard queues.indices.contains(index), var ring = queues[index].ring else {
            return .invalidRequest("notify of queue \(index), which is not ready")
        }
        defer { queues[index].ring = ring }
        let usedBefore = ring.nextUsed
        let wantsInterrupt: Bool
        do {
            try backend.serve(queue: &ring, index: index)
            wantsInterrupt = try ring.driverWantsInterrupts()
        } catch {
            status |= Self.statusNeedsReset
            return .invalidRequest("queue \(index): \(error)")
        }
        guard ring.nextUsed != usedBefore else { return .resume }
        interruptStatus |= 1 // used buffer notification
        if wantsInterrupt { try line?.set(high: true) }
        return .resume
    }

    private func configurationAccess(at offset: Int, _ access: MMIOAccess,
                                     _ data: UnsafeMutableRawBufferPointer) -> DeviceResponse {
        guard !access.isWrite else { return .resume } // this loader's devices have no writable fields
        let configuration = backend.configuration
        for index in data.indices {
            let position = offset + index
            data[index] = position < configuration.count ? configuration[position] : 0
        }
        return .resume
    }
}

private extension UInt64 {
    mutating func setLow(_ value: UInt32) { self = self & 0xffff_ffff_0000_0000 | UInt64(value) }
    mutating func setHigh(_ value: UInt32) { self = self & 0xffff_ffff | UInt64(value) << 32 }
}
