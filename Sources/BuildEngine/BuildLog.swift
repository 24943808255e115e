import SystemSupport

/// ninja's build log: for each output, the hash of the command that made it
/// and the output's modification time when that command finished.
///
/// An output whose command hash differs was made by another command line
/// (a flag changed); one whose time differs was written by something the
/// log does not know about (a build killed before it could record).
final class BuildLog {
    struct Entry: Equatable {
        var commandHash: UInt64
        var modificationTime: Int64
    }

    static let fileName = ".unikit_log"
    private let file: LogFile
    private(set) var entries: [String: Entry] = [:]

    /// Reads `build/.unikit_log`; malformed records are skipped.
    init(buildFolder: String, fileSystem: BuildFileSystem) {
        file = LogFile(path: buildFolder + "/" + Self.fileName, versionLine: "# unikit build log 1", fileSystem: fileSystem)
        let records = file.readRecords()
        for fields in records where fields.count == 3 {
            guard let time = Int64(fields[1]), let hash = UInt64(fields[2], radix: 16) else { continue }
            entries[String(fields[0])] = Entry(commandHash: hash, modificationTime: time)
        }
        try? file.compactIfWorthIt(recordsRead: records.count, live: entries.keys.sorted().map(fields))
    }

    func record(output: String, _ entry: Entry) throws {
        entries[output] = entry
        try file.append(fields(output))
    }

    private func fields(_ output: String) -> [String] {
        let entry = entries[output]!
        return [output, String(entry.modificationTime), StableHash.hex(entry.commandHash)]
    }
}
