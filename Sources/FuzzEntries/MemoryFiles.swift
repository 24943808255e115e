import Glibc
import KconfigKit
import SystemPackage

/// Kconfig files held in memory: what a fuzz input may `source`. Paths not
/// in the table do not exist, so hostile paths (`/proc/…`, `../..`) read
/// nothing from the real file system.
package struct MemoryFiles: KconfigFiles {
    let contents: [String: [UInt8]]

    package init(_ contents: [String: [UInt8]]) {
        self.contents = contents
    }

    package func isRegularFile(_ path: String) -> Bool {
        contents[path] != nil
    }

    /// `glob(3)`'s matching (`/` and leading dots only matched literally),
    /// sorted byte-wise as the disk version is.
    package func glob(_ pattern: String) -> [String] {
        contents.keys
            .filter { fnmatch(pattern, $0, FNM_PATHNAME | FNM_PERIOD) == 0 }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    package func read(_ path: String) -> Result<[UInt8], Errno> {
        contents[path].map { .success($0) } ?? .failure(.noSuchFileOrDirectory)
    }
}
