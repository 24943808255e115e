import Glibc
import SystemPackage

/// The few file operations KconfigKit needs, on swift-system and Glibc
/// (no Foundation: the `unikit` binary is linked statically and starts often).
enum FileSystem {
    /// The bytes of the file at `path`, or the errno that prevented reading it.
    static func read(_ path: String) -> Result<[UInt8], Errno> {
        Result {
            let fd = try FileDescriptor.open(FilePath(path), .readOnly)
            return try fd.closeAfter { try readAll(fd) }
        }.mapError { $0 as? Errno ?? .ioError }
    }

    private static func readAll(_ fd: FileDescriptor) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try fd.read(into: $0, retryOnInterrupt: true) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Paths matching the shell pattern `pattern` (`*`, `?`, `[...]`), sorted
    /// byte-wise so that the order never depends on the locale.
    static func glob(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard Glibc.glob(pattern, 0, nil, &matches) == 0 else { return [] }
        let paths = (0..<Int(matches.gl_pathc)).compactMap { index in
            matches.gl_pathv[index].map { String(cString: $0) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func isGlobPattern(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// Replaces the file at `path` by `text` atomically: the bytes go to a
    /// temporary file in the same folder, which is then renamed over `path`.
    /// Does nothing when the file already holds exactly these bytes (so that
    /// timestamps do not change and builds do not ripple).
    /// - Parameter keepOld: rename the previous file to `path.old` first, as
    ///   Linux does for `.config`.
    /// - Returns: whether the file was written.
    @discardableResult
    static func writeIfChanged(_ text: String, to path: String, keepOld: Bool = false) throws(Errno) -> Bool {
        let bytes = Array(text.utf8)
        if case .success(let old) = read(path), old == bytes { return false }
        try makeParentFolders(of: path)
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

    private static func write(_ bytes: [UInt8], to path: String) throws(Errno) {
        do {
            let fd = try FileDescriptor.open(FilePath(path), .writeOnly,
                                             options: [.create, .truncate], permissions: [.ownerReadWrite, .groupRead, .otherRead])
            try fd.closeAfter { _ = try fd.writeAll(bytes) }
        } catch {
            throw error as? Errno ?? .ioError
        }
    }

    /// `mkdir -p` of the folder holding `path`.
    private static func makeParentFolders(of path: String) throws(Errno) {
        var folder = FilePath(path)
        guard folder.removeLastComponent(), !folder.isEmpty else { return }
        var prefix = folder.root.map { FilePath(root: $0) } ?? FilePath("")
        for component in folder.components {
            prefix.append(component)
            if mkdir(prefix.string, 0o755) != 0 && errno != EEXIST {
                throw Errno(rawValue: errno)
            }
        }
    }

    /// `folder/name`, or `name` alone when it is absolute or `folder` is empty.
    static func join(_ folder: String, _ name: String) -> String {
        if name.hasPrefix("/") || folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The folder part of `path` ("" for a bare name), like `dirname` without
    /// normalisation.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
