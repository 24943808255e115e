import Glibc
import SystemPackage
import SystemSupport

/// What the build engine asks of the file system (ninja's `DiskInterface`):
/// behind a protocol so that dirty checking and scheduling can be tested on
/// an in-memory file system with a clock of its own.
public protocol BuildFileSystem {
    /// The modification time in nanoseconds, nil when nothing is at `path`.
    func modificationTime(_ path: String) -> Int64?
    /// The file's bytes, nil when it cannot be read.
    func read(_ path: String) -> [UInt8]?
    /// Replaces the file atomically, only when its bytes change, creating
    /// missing folders. Returns whether it wrote.
    @discardableResult
    func writeIfChanged(_ bytes: [UInt8], to path: String) throws -> Bool
    /// Appends `bytes` in one write, creating the file if needed.
    func append(_ bytes: [UInt8], to path: String) throws
    /// Creates the file empty, or sets its modification time to now.
    func touch(_ path: String) throws
    func createDirectories(_ path: String) throws
    /// Removes a file; nothing when there is none.
    func remove(_ path: String)
}

/// The real file system.
public struct DiskFileSystem: BuildFileSystem {
    public init() {}

    public func modificationTime(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    public func read(_ path: String) -> [UInt8]? {
        try? FileSystem.read(path).get()
    }

    public func writeIfChanged(_ bytes: [UInt8], to path: String) throws -> Bool {
        do { return try FileSystem.writeIfChanged(bytes, to: path) } catch { throw BuildError(path: path, "write", error) }
    }

    public func append(_ bytes: [UInt8], to path: String) throws {
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildError(path: path, "open", Errno(rawValue: errno)) }
        let descriptor = FileDescriptor(rawValue: fd)
        do {
            _ = try descriptor.closeAfter { try descriptor.writeAll(bytes) }
        } catch {
            throw BuildError(path: path, "append to", error as? Errno ?? .ioError)
        }
    }

    public func touch(_ path: String) throws {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildError(path: path, "create", Errno(rawValue: errno)) }
        defer { close(fd) }
        // A nil time list means "now", also for a file that already existed.
        guard futimens(fd, nil) == 0 else { throw BuildError(path: path, "touch", Errno(rawValue: errno)) }
    }

    public func createDirectories(_ path: String) throws {
        do { try FileSystem.createDirectories(path) } catch { throw BuildError(path: path, "create", error) }
    }

    public func remove(_ path: String) {
        _ = unlink(path)
    }
}
