import Glibc
import SystemPackage

/// The file operations unikit's modules share, on swift-system and Glibc
/// (no Foundation: the `unikit` binary is linked statically and starts often).
/// Failures are `Errno` values; callers add the path and their own context.
package enum FileSystem {
    /// The bytes of the file at `path`, or the errno that prevented reading it.
    package static func read(_ path: String) -> Result<[UInt8], Errno> {
        Result {
            let fd = try FileDescriptor.open(FilePath(path), .readOnly, options: .closeOnExec, retryOnInterrupt: true)
            return try fd.closeAfter { try readAll(fd) }
        }.mapError { $0 as? Errno ?? .ioError }
    }

    package static func readText(_ path: String) throws(Errno) -> String {
        String(decoding: try read(path).get(), as: UTF8.self)
    }

    /// Reads to the end: one block sized from the file's length, more only
    /// if the file turns out longer (a growing file, a pipe).
    private static func readAll(_ fd: FileDescriptor) throws -> [UInt8] {
        var info = stat()
        let size = fstat(fd.rawValue, &info) == 0 ? max(Int(info.st_size), 0) : 0
        var limit = size + 1
        var block = try readBlock(fd, upTo: limit)
        var bytes = block
        while block.count == limit { // a full block: there may be more
            limit = 65536
            block = try readBlock(fd, upTo: limit)
            bytes += block
        }
        return bytes
    }

    /// Reads until `limit` bytes or the end, into memory not zeroed first.
    private static func readBlock(_ fd: FileDescriptor, upTo limit: Int) throws -> [UInt8] {
        var failure: Error?
        let bytes = [UInt8](unsafeUninitializedCapacity: limit) { buffer, count in
            count = 0
            while count < limit {
                do {
                    let read = try fd.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...])),
                                           retryOnInterrupt: true)
                    if read == 0 { break }
                    count += read
                } catch {
                    failure = error
                    break
                }
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Replaces the file at `path` by `bytes` atomically: they go to a
    /// temporary file in the same folder, which is then renamed over `path`,
    /// so readers see the old or the new contents even if unikit is killed.
    /// Does nothing when the file already holds exactly these bytes (so that
    /// timestamps do not change and builds do not ripple). Creates missing
    /// parent folders.
    /// - Parameter keepOld: rename the previous file to `path.old` first, as
    ///   Linux does for `.config`.
    /// - Returns: whether the file was written.
    @discardableResult
    package static func writeIfChanged(_ bytes: [UInt8], to path: String, keepOld: Bool = false) throws(Errno) -> Bool {
        if case .success(let old) = read(path), old == bytes { return false }
        try createDirectories(Path.directory(of: path))
        let temporary = "\(path).\(getpid()).tmp"
        try write(bytes, to: temporary)
        if keepOld, isRegularFile(path) { _ = rename(path, path + ".old") }
        guard rename(temporary, path) == 0 else {
            let error = Errno(rawValue: errno)
            _ = unlink(temporary)
            throw error
        }
        return true
    }

    @discardableResult
    package static func writeIfChanged(_ text: String, to path: String, keepOld: Bool = false) throws(Errno) -> Bool {
        try writeIfChanged(Array(text.utf8), to: path, keepOld: keepOld)
    }

    /// Creates or truncates the file at `path` and writes `bytes` (in place,
    /// not atomically).
    package static func write(_ bytes: [UInt8], to path: String) throws(Errno) {
        let fd = try openForWriting(path)
        do {
            try fd.closeAfter { _ = try fd.writeAll(bytes) }
        } catch {
            throw error as? Errno ?? .ioError
        }
    }

    /// Creates the file empty, or empties it: a stamp whose time is what counts.
    package static func touch(_ path: String) throws(Errno) {
        let fd = try openForWriting(path)
        _ = try? fd.close()
    }

    /// open(2) directly: FilePath would normalise the path first, which
    /// shows when writing thousands of files (syncconfig's stamps).
    private static func openForWriting(_ path: String) throws(Errno) -> FileDescriptor {
        while true {
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd >= 0 { return FileDescriptor(rawValue: fd) }
            if errno != EINTR { throw Errno(rawValue: errno) }
        }
    }

    package static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    package static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a folder, sorted byte-wise, without "." and "..".
    package static func entries(of directory: String) throws(Errno) -> [String] {
        guard let stream = opendir(directory) else { throw Errno(rawValue: errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// `mkdir -p`.
    package static func createDirectories(_ path: String) throws(Errno) {
        if path.isEmpty || isDirectory(path) { return }
        try createDirectories(Path.directory(of: path))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Errno(rawValue: errno) }
    }

    /// `rm -rf`: symbolic links are removed, never followed.
    package static func removeRecursively(_ path: String) throws(Errno) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in try entries(of: path) { try removeRecursively(Path.join(path, name)) }
            guard rmdir(path) == 0 else { throw Errno(rawValue: errno) }
        } else {
            guard unlink(path) == 0 else { throw Errno(rawValue: errno) }
        }
    }

    /// The absolute path with symbolic links resolved, or nil if it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// Paths matching the shell pattern `pattern` (`*`, `?`, `[...]`), sorted
    /// byte-wise so that the order never depends on the locale.
    package static func glob(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard Glibc.glob(pattern, 0, nil, &matches) == 0 else { return [] }
        let paths = (0..<Int(matches.gl_pathc)).compactMap { index in
            matches.gl_pathv[index].map { String(cString: $0) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    package static func isGlobPattern(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }
}
