/// ninja's deps log: for each output of a step with a depfile, the files the
/// compiler read (as the depfile named them, after `ConfigDependencies`)
/// and the output's modification time when they were recorded.
///
/// `files` must exist: a missing one (a deleted header) makes the step run
/// again. `ifPresent` are Kconfig symbol stamps, which exist only once the
/// symbol has changed value (Make's `$(wildcard)` in Linux's fixdep output).
final class DepsLog {
    struct Entry: Equatable {
        var modificationTime: Int64
        var files: [String]
        var ifPresent: [String]
    }

    static let fileName = ".unikit_deps"
    private let file: LogFile
    private(set) var entries: [String: Entry] = [:]

    /// Reads `build/.unikit_deps`; malformed records are skipped. Record:
    /// output, time, files…, an empty field, stamps….
    init(buildFolder: String, fileSystem: BuildFileSystem) {
        file = LogFile(path: buildFolder + "/" + Self.fileName, versionLine: "# unikit deps log 1", fileSystem: fileSystem)
        let records = file.readRecords()
        for fields in records where fields.count >= 3 {
            guard let time = Int64(fields[1]), let split = fields[2...].firstIndex(of: "") else { continue }
            entries[String(fields[0])] = Entry(modificationTime: time,
                                               files: fields[2..<split].map(String.init),
                                               ifPresent: fields[(split + 1)...].map(String.init))
        }
        try? file.compactIfWorthIt(recordsRead: records.count, live: entries.keys.sorted().map(fields))
    }

    func record(output: String, _ entry: Entry) throws {
        entries[output] = entry
        try file.append(fields(output))
    }

    private func fields(_ output: String) -> [String] {
        let entry = entries[output]!
        return [output, String(entry.modificationTime)] + entry.files + [""] + entry.ifPresent
    }
}
