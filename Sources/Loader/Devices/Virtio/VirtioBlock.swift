import SystemSupport

/// virtio-blk (virtio 1.x, section 5.2) over a `DiskFile`: read, write,
/// flush and get-id requests on one queue; read-only files offer
/// VIRTIO_BLK_F_RO and refuse writes. A request is a 16-byte header
/// (type, reserved, sector) in device-readable bytes, then the data, then
/// one status byte, the last device-writable byte; descriptors may split
/// these anywhere (the spec lets drivers frame messages as they like).
final class VirtioBlock: VirtioBackend {
    static let featureReadOnly: UInt64 = 1 << 5
    static let featureFlush: UInt64 = 1 << 9
    static let typeIn: UInt32 = 0, typeOut: UInt32 = 1, typeFlush: UInt32 = 4, typeGetID: UInt32 = 8
    static let statusOK: UInt8 = 0, statusIOError: UInt8 = 1, statusUnsupported: UInt8 = 2
    static let idLength = 20
    static let headerLength: UInt64 = 16

    let name = "virtio-blk"
    let deviceID: UInt32 = 2
    let queueCount = 1
    let maxQueueSize: UInt16 = 256
    private let disk: DiskFile
    private let memory: GuestMemory

    init(disk: DiskFile, memory: GuestMemory) {
        self.disk = disk
        self.memory = memory
    }

    var features: UInt64 { Self.featureFlush | (disk.readOnly ? Self.featureReadOnly : 0) }

    /// `capacity`: the disk's size in 512-byte sectors (little-endian u64).
    var configuration: [UInt8] { withUnsafeBytes(of: disk.sectors.littleEndian) { Array($0) } }

    func reset() {}

    func serve(queue: inout Virtqueue, index: Int) throws(VirtqueueError) {
        while let (head, buffers) = try queue.nextChain() {
            let request = VirtioRequest(buffers: buffers, memory: memory)
            let (status, written) = try perform(request)
            try request.setStatus(status)
            try queue.complete(head: head, written: written + 1)
        }
    }

    /// The request's status and the data bytes it wrote into guest buffers.
    private func perform(_ request: VirtioRequest) throws(VirtqueueError) -> (UInt8, UInt32) {
        guard request.readableLength >= Self.headerLength, request.writableLength >= 1 else {
            throw VirtqueueError("virtio-blk request without a 16-byte header and a status byte")
        }
        let header = try request.readHeader(Int(Self.headerLength))
        let (type, sector) = header.withUnsafeBytes {
            ($0.loadUnaligned(as: UInt32.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
        let readData = request.writableLength - 1
        switch type {
        case Self.typeIn:
            guard fits(sector, readData) else { return (Self.statusIOError, 0) }
            let ok = try request.forEachWritable(count: readData) { buffer, done in
                disk.read(into: buffer, at: sector * DiskFile.sectorSize + done)
            }
            return ok ? (Self.statusOK, UInt32(readData)) : (Self.statusIOError, 0)
        case Self.typeOut:
            let length = request.readableLength - Self.headerLength
            guard !disk.readOnly, fits(sector, length) else { return (Self.statusIOError, 0) }
            let ok = try request.forEachReadable(from: Self.headerLength, count: length) { buffer, done in
                disk.write(buffer, at: sector * DiskFile.sectorSize + done)
            }
            return (ok ? Self.statusOK : Self.statusIOError, 0)
        case Self.typeFlush:
            return (disk.readOnly || disk.flush() ? Self.statusOK : Self.statusIOError, 0)
        case Self.typeGetID:
            let id = Array(Array("unikit:\(Path.lastComponent(of: disk.path))".utf8).prefix(Self.idLength))
            let count = min(UInt64(id.count), readData)
            _ = try request.forEachWritable(count: count) { buffer, done in
                buffer.copyBytes(from: id[Int(done)..<Int(done) + buffer.count])
                return true
            }
            return (Self.statusOK, UInt32(count))
        default:
            return (Self.statusUnsupported, 0)
        }
    }

    /// Whole sectors, inside the disk, without overflow.
    private func fits(_ sector: UInt64, _ length: UInt64) -> Bool {
        guard length % DiskFile.sectorSize == 0, sector <= disk.sectors else { return false }
        return length / DiskFile.sectorSize <= disk.sectors - sector
    }
}
