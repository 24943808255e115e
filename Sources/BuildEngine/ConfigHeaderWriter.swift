/// Writes an image's `unikit/config.h` and, first, touches the stamp file
/// of every symbol whose `#define` line appears, disappears or changes (the
/// stamps `ConfigDependencies` makes objects depend on), as Linux's
/// `conf_touch_deps` does before writing `autoconf.h`.
///
/// Stamps before the header: a build killed between the two finds the old
/// header and touches the same stamps again.
struct ConfigHeaderWriter {
    let fileSystem: BuildFileSystem

    func write(_ header: String, to files: ConfigSymbolFiles) throws {
        let bytes = Array(header.utf8)
        guard let old = fileSystem.read(files.header) else {
            // No previous header: nothing was compiled against a configuration yet.
            try fileSystem.writeIfChanged(bytes, to: files.header)
            return
        }
        guard old != bytes else { return }
        let before = Self.definitions(old), after = Self.definitions(bytes)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        if !changed.isEmpty { try fileSystem.createDirectories(files.stampFolder) }
        for symbol in changed.sorted() { try fileSystem.touch(files.stampFolder + "/" + symbol) }
        try fileSystem.writeIfChanged(bytes, to: files.header)
    }

    /// `#define CONFIG_NAME value` lines: NAME (without `_MODULE`) → value.
    static func definitions(_ bytes: [UInt8]) -> [String: Substring] {
        var result: [String: Substring] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 2)
            guard words.count == 3, words[0] == "#define", words[1].hasPrefix("CONFIG_") else { continue }
            var name = words[1].dropFirst("CONFIG_".count)
            if name.hasSuffix("_MODULE") { name = name.dropLast("_MODULE".count) }
            result[String(name)] = words[2]
        }
        return result
    }
}
