import Glibc
import SystemPackage

/// An access to guest memory that does not lie entirely inside RAM.
struct GuestMemoryError: Error, CustomStringConvertible, Equatable {
    var address: GuestPhysicalAddress
    var count: UInt64
    var memorySize: UInt64

    var description: String {
        guard let end = address.adding(count) else {
            return "\(count) bytes at \(address) wrap around the address space"
        }
        return "\(hexRange(address.rawValue, end.rawValue)) is outside guest memory (\(byteSize(memorySize)))"
    }
}

/// The guest's RAM, guest-physical `[0, size)`: one private anonymous mapping,
/// zero-filled when created, touched lazily (`MAP_NORESERVE`), unmapped in
/// `deinit`. Its contents are guest-controlled; everything reads and writes
/// it through the accessors below, which check every range for overflow and
/// bounds before touching a byte.
final class GuestMemory {
    /// Bytes of RAM.
    let size: UInt64
    /// Host address of guest-physical 0; handed to KVM as the memory slot.
    let hostAddress: UnsafeMutableRawPointer

    /// Maps `size` bytes. Throws a `LoaderError` when the host refuses.
    init(size: UInt64) throws(LoaderError) {
        let mapping = mmap(nil, Int(size), PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let mapping, mapping != MAP_FAILED else {
            throw LoaderError("guest memory", "cannot map \(byteSize(size)): \(Errno(rawValue: errno))")
        }
        self.size = size
        self.hostAddress = mapping
    }

    deinit {
        munmap(hostAddress, Int(size))
    }

    /// Whether `[address, address + count)` lies inside RAM (without wrapping).
    func contains(_ address: GuestPhysicalAddress, count: UInt64) -> Bool {
        count <= size && address.rawValue <= size - count
    }

    /// The host bytes of `[address, address + count)`, checked.
    private func bytes(_ address: GuestPhysicalAddress, _ count: UInt64) throws(GuestMemoryError) -> UnsafeMutableRawBufferPointer {
        guard contains(address, count: count) else {
            throw GuestMemoryError(address: address, count: count, memorySize: size)
        }
        return UnsafeMutableRawBufferPointer(start: hostAddress + Int(address.rawValue), count: Int(count))
    }

    /// Reads a `T` (any alignment) at `address`.
    func load<T: BitwiseCopyable>(_ type: T.Type, at address: GuestPhysicalAddress) throws(GuestMemoryError) -> T {
        try bytes(address, UInt64(MemoryLayout<T>.size)).loadUnaligned(as: T.self)
    }

    /// Writes `value` (any alignment) at `address`.
    func store<T: BitwiseCopyable>(_ value: T, at address: GuestPhysicalAddress) throws(GuestMemoryError) {
        try bytes(address, UInt64(MemoryLayout<T>.size)).storeBytes(of: value, as: T.self)
    }

    /// Copies `source` to `address`.
    func copy(_ source: UnsafeRawBufferPointer, to address: GuestPhysicalAddress) throws(GuestMemoryError) {
        let target = try bytes(address, UInt64(source.count))
        if !source.isEmpty { target.copyMemory(from: source) }
    }

    /// Calls `body` with a writable view of `[address, address + count)`
    /// (device-writable buffers a backend fills, e.g. with `pread`). The
    /// view must not escape.
    func withMutableBytes<R>(at address: GuestPhysicalAddress, count: UInt64,
                             _ body: (UnsafeMutableRawBufferPointer) -> R) throws(GuestMemoryError) -> R {
        body(try bytes(address, count))
    }

    /// Calls `body` with a read-only view of `[address, address + count)`. The
    /// view must not escape: the guest may change the bytes once it runs again.
    func withBytes<R>(at address: GuestPhysicalAddress, count: UInt64,
                      _ body: (UnsafeRawBufferPointer) -> R) throws(GuestMemoryError) -> R {
        body(UnsafeRawBufferPointer(try bytes(address, count)))
    }
}
