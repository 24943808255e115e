/// The line format both build logs share: a version line, then one record
/// per line, fields separated by tabs, appended as each command finishes.
///
/// A build killed mid-write leaves at most one torn last line, which
/// reading drops; an unknown version line drops the whole file (everything
/// rebuilds once). When stale records outnumber live ones, the file is
/// rewritten atomically with only the live ones.
struct LogFile {
    let path: String
    let versionLine: String
    let fileSystem: BuildFileSystem

    /// The records' fields, oldest first; empty when the file is missing,
    /// of another version or unreadable.
    func readRecords() -> [[Substring]] {
        guard let bytes = fileSystem.read(path) else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The last piece is "" after a complete final line, a torn record otherwise.
        lines.removeLast()
        guard lines.first == Substring(versionLine) else { return [] }
        return lines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    func append(_ fields: [String]) throws {
        if fileSystem.modificationTime(path) == nil { try fileSystem.append(Array((versionLine + "\n").utf8), to: path) }
        try fileSystem.append(Array(Self.line(fields).utf8), to: path)
    }

    /// Rewrites the file with `records` when reading found at least
    /// `recordsRead` records and more than half of them were stale.
    func compactIfWorthIt(recordsRead: Int, live records: [[String]]) throws {
        guard recordsRead > 100, recordsRead > 2 * records.count else { return }
        let text = records.reduce(versionLine + "\n") { $0 + Self.line($1) }
        try fileSystem.writeIfChanged(Array(text.utf8), to: path)
    }

    private static func line(_ fields: [String]) -> String {
        fields.joined(separator: "\t") + "\n"
    }
}
