import Glibc
import SystemPackage

/// Keeps two `unikit` processes from working in one build folder at once:
/// an exclusive flock(2) on `build/.lock`, held until `release()` or the
/// process ends (the kernel drops it even after `kill -9`).
public final class BuildLock {
    public static let fileName = ".lock"
    private var descriptor: Int32

    /// Takes the lock, or fails at once with a message saying who holds it.
    public init(buildFolder: String, fileSystem: BuildFileSystem = DiskFileSystem()) throws {
        try fileSystem.createDirectories(buildFolder)
        let path = buildFolder + "/" + Self.fileName
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BuildError(path: path, "open", Errno(rawValue: errno)) }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let error = Errno(rawValue: errno)
            close(descriptor)
            guard error == .wouldBlock else { throw BuildError(path: path, "lock", error) }
            throw BuildError(file: buildFolder, "another unikit command is building in this folder (it holds \(Self.fileName)); wait for it to finish")
        }
    }

    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
