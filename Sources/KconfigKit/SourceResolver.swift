import SystemPackage
import SystemSupport

/// A Kconfig file's bytes and the name diagnostics use for it.
struct SourceFile {
    /// The name as written in `source` (relative to the source tree), or the
    /// root file's path as given.
    let name: String
    let bytes: [UInt8]
}

/// Finds the files named by `source` statements.
///
/// | statement  | path relative to                  | missing file |
/// |------------|-----------------------------------|--------------|
/// | `source`   | the source tree (Linux's srctree) | error        |
/// | `rsource`  | the including file's folder       | error        |
/// | `osource`  | the source tree                   | ignored      |
/// | `orsource` | the including file's folder       | ignored      |
///
/// `rsource`, `osource` and `orsource` are extensions from Kconfiglib; Linux
/// 6.1 has only `source`. Also an extension: a path containing `*`, `?` or
/// `[` is a glob pattern, expanded in byte-wise sorted order; a pattern that
/// matches nothing is not an error, whichever statement names it.
struct SourceResolver {
    let sourceTree: String
    let preprocessor: Preprocessor
    var files: any KconfigFiles = DiskFiles()

    /// The full path to open for a file name as diagnostics show it.
    func path(of name: String) -> String {
        Path.join(sourceTree, name)
    }

    /// The name of the file (or pattern) a `source`-like statement names.
    func name(for written: String, keyword: Keyword, includingFile: String) -> String {
        let relative = keyword == .rsource || keyword == .orsource
        return relative ? Path.join(Path.directory(of: includingFile), written) : written
    }

    /// The names of the files to include for `name`.
    /// - Returns: nil when a required plain file does not exist.
    func files(named name: String, keyword: Keyword) -> [String]? {
        if FileSystem.isGlobPattern(name) { return expandGlob(name) }
        if files.isRegularFile(path(of: name)) { return [name] }
        return keyword == .osource || keyword == .orsource ? [] : nil
    }

    private func expandGlob(_ pattern: String) -> [String] {
        let prefix = pattern.hasPrefix("/") || sourceTree.isEmpty ? "" : path(of: "")
        return files.glob(path(of: pattern)).compactMap { match in
            guard files.isRegularFile(match) else { return nil }
            return prefix.isEmpty || !match.hasPrefix(prefix) ? match : String(match.dropFirst(prefix.count))
        }
    }

    func read(_ name: String) -> Result<SourceFile, Errno> {
        files.read(path(of: name)).map { SourceFile(name: name, bytes: $0) }
    }
}

/// Where Kconfig files are read from: the disk, or (for fuzzing and tests)
/// files held in memory, so that hostile `source` paths touch nothing real.
package protocol KconfigFiles {
    func isRegularFile(_ path: String) -> Bool
    /// Paths matching a shell pattern, sorted byte-wise.
    func glob(_ pattern: String) -> [String]
    func read(_ path: String) -> Result<[UInt8], Errno>
}

/// The real file system.
struct DiskFiles: KconfigFiles {
    func isRegularFile(_ path: String) -> Bool { FileSystem.isRegularFile(path) }
    func glob(_ pattern: String) -> [String] { FileSystem.glob(pattern) }
    func read(_ path: String) -> Result<[UInt8], Errno> { FileSystem.read(path) }
}
