@testable import BuildEngine

/// Files in memory with a clock of their own: every write moves it one
/// tick, so modification times are exact and tests never sleep.
final class MemoryFileSystem: BuildFileSystem {
    struct File {
        var bytes: [UInt8]
        var time: Int64
    }

    private(set) var files: [String: File] = [:]
    private(set) var now: Int64 = 1000

    /// Writes `text` now, as an editor would.
    func write(_ path: String, _ text: String) {
        now += 1
        files[path] = File(bytes: Array(text.utf8), time: now)
    }

    func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    func modificationTime(_ path: String) -> Int64? { files[path]?.time }

    func read(_ path: String) -> [UInt8]? { files[path]?.bytes }

    func writeIfChanged(_ bytes: [UInt8], to path: String) throws -> Bool {
        guard files[path]?.bytes != bytes else { return false }
        now += 1
        files[path] = File(bytes: bytes, time: now)
        return true
    }

    func append(_ bytes: [UInt8], to path: String) throws {
        now += 1
        files[path] = File(bytes: (files[path]?.bytes ?? []) + bytes, time: now)
    }

    func touch(_ path: String) throws {
        now += 1
        files[path] = File(bytes: files[path]?.bytes ?? [], time: now)
    }

    func createDirectories(_ path: String) throws {}

    func remove(_ path: String) { files[path] = nil }
}
