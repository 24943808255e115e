import Glibc
import SystemPackage

/// The host file behind a virtio-blk device: opened once (read-only when
/// asked), its size fixed at open, read and written with `pread`/`pwrite`
/// at offsets the device has checked. Closed in `deinit`.
final class DiskFile {
    static let sectorSize: UInt64 = 512

    let path: String
    let fd: Int32
    let readOnly: Bool
    /// Whole sectors; a partial last sector is not exposed.
    let sectors: UInt64

    init(path: String, readOnly: Bool) throws(LoaderError) {
        self.path = path
        self.readOnly = readOnly
        let descriptor = open(path, (readOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw LoaderError(path, field: "--disk", "cannot open\(readOnly ? "" : " for reading and writing"): \(Errno(rawValue: errno))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw LoaderError(path, field: "--disk", "not a regular file")
        }
        fd = descriptor
        sectors = UInt64(status.st_size) / Self.sectorSize
    }

    deinit { close(fd) }

    /// Fills `buffer` from `offset`; false on a host error or a short read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64) -> Bool {
        transfer(buffer.count, at: offset) { pread(fd, buffer.baseAddress! + $0, buffer.count - $0, $1) }
    }

    /// Writes `buffer` at `offset`; false on a host error or a short write.
    func write(_ buffer: UnsafeRawBufferPointer, at offset: UInt64) -> Bool {
        transfer(buffer.count, at: offset) { pwrite(fd, buffer.baseAddress! + $0, buffer.count - $0, $1) }
    }

    func flush() -> Bool { fdatasync(fd) == 0 }

    /// Repeats `call(done, offset)` until `count` bytes moved; EINTR retried.
    private func transfer(_ count: Int, at offset: UInt64, _ call: (Int, off_t) -> Int) -> Bool {
        var done = 0
        while done < count {
            let moved = call(done, off_t(offset) + off_t(done))
            if moved < 0 && errno == EINTR { continue }
            guard moved > 0 else { return false }
            done += moved
        }
        return true
    }
}
