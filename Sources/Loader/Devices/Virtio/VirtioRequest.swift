/// A chain's buffers seen as two byte streams, as virtio requests are
/// defined: what the device reads (readable buffers, in order) and what it
/// writes (writable buffers, in order). Every buffer is already inside RAM
/// (`Virtqueue` checked it); offsets into the streams are checked here.
struct VirtioRequest {
    let readable: [VirtqueueBuffer]
    let writable: [VirtqueueBuffer]
    let memory: GuestMemory

    init(buffers: [VirtqueueBuffer], memory: GuestMemory) {
        readable = buffers.filter { !$0.writable }
        writable = buffers.filter(\.writable)
        self.memory = memory
    }

    var readableLength: UInt64 { readable.reduce(0) { $0 + UInt64($1.length) } }
    var writableLength: UInt64 { writable.reduce(0) { $0 + UInt64($1.length) } }

    /// The first `count` readable bytes, copied (the guest may change them).
    func readHeader(_ count: Int) throws(VirtqueueError) -> [UInt8] {
        var header: [UInt8] = []
        _ = try forEachReadable(from: 0, count: UInt64(count)) { buffer, _ in
            header += buffer
            return true
        }
        return header
    }

    /// Calls `body` for each piece of readable bytes `[start, start + count)`
    /// with the stream offset of the piece relative to `start`; stops at the
    /// first false.
    func forEachReadable(from start: UInt64, count: UInt64,
                         _ body: (UnsafeRawBufferPointer, UInt64) -> Bool) throws(VirtqueueError) -> Bool {
        try pieces(of: readable, from: start, count: count) { address, length, done throws(VirtqueueError) in
            try access { () throws(GuestMemoryError) in
                try memory.withBytes(at: address, count: length) { body($0, done) }
            }
        }
    }

    /// The same for writable bytes `[0, count)`.
    func forEachWritable(count: UInt64,
                         _ body: (UnsafeMutableRawBufferPointer, UInt64) -> Bool) throws(VirtqueueError) -> Bool {
        try pieces(of: writable, from: 0, count: count) { address, length, done throws(VirtqueueError) in
            try access { () throws(GuestMemoryError) in
                try memory.withMutableBytes(at: address, count: length) { body($0, done) }
            }
        }
    }

    /// Stores the status byte: the last writable byte.
    func setStatus(_ status: UInt8) throws(VirtqueueError) {
        let last = writable.last(where: { $0.length > 0 })!
        try access { () throws(GuestMemoryError) in
            try memory.store(status, at: GuestPhysicalAddress(last.address.rawValue + UInt64(last.length) - 1))
        }
    }

    private func pieces(of buffers: [VirtqueueBuffer], from start: UInt64, count: UInt64,
                        _ body: (GuestPhysicalAddress, UInt64, UInt64) throws(VirtqueueError) -> Bool) throws(VirtqueueError) -> Bool {
        var skip = start
        var done: UInt64 = 0
        for buffer in buffers where done < count {
            let length = UInt64(buffer.length)
            if skip >= length {
                skip -= length
                continue
            }
            let piece = min(length - skip, count - done)
            guard try body(GuestPhysicalAddress(buffer.address.rawValue + skip), piece, done) else { return false }
            done += piece
            skip = 0
        }
        return done == count
    }

    private func access<R>(_ body: () throws(GuestMemoryError) -> R) throws(VirtqueueError) -> R {
        do {
            return try body()
        } catch {
            throw VirtqueueError("buffer access: \(error)")
        }
    }
}
