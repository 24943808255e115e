/// Linux's fixdep (`scripts/basic/fixdep.c`): per-symbol configuration
/// dependencies.
///
/// Every source includes `unikit/config.h`, which changes whenever any
/// option does; depending on it would rebuild everything. So that header is
/// dropped from the files a compiler reports, and the object depends
/// instead on one stamp file per `CONFIG_FOO` that the source or any of its
/// headers mentions (`ConfigHeaderWriter` touches a symbol's stamp when its
/// value changes). Changing one option then rebuilds only its users.
final class ConfigDependencies {
    private let fileSystem: BuildFileSystem
    /// Symbols named in each file read so far: headers are shared by many
    /// sources, and are scanned once per build.
    private var symbolsByFile: [String: Set<String>] = [:]

    init(fileSystem: BuildFileSystem) {
        self.fileSystem = fileSystem
    }

    /// What to record for a compiler's `dependencies` given the image's
    /// configuration header and stamp folder.
    func entry(for dependencies: [String], settings: ConfigSymbolFiles, time: Int64) -> DepsLog.Entry {
        let files = dependencies.filter { $0 != settings.header }
        var symbols = Set<String>()
        for file in files { symbols.formUnion(self.symbols(in: file)) }
        return DepsLog.Entry(modificationTime: time, files: files,
                             ifPresent: symbols.sorted().map { settings.stampFolder + "/" + $0 })
    }

    private func symbols(in file: String) -> Set<String> {
        if let known = symbolsByFile[file] { return known }
        let found = fileSystem.read(file).map(Self.configSymbols) ?? []
        symbolsByFile[file] = found
        return found
    }

    /// The NAME of each `CONFIG_NAME` identifier in `bytes`; a `_MODULE`
    /// suffix is dropped, as the header defines `CONFIG_FOO_MODULE` for `m`.
    static func configSymbols(_ bytes: [UInt8]) -> Set<String> {
        let prefix = Array("CONFIG_".utf8)
        var symbols = Set<String>()
        var index = 0
        while index + prefix.count < bytes.count {
            guard bytes[index] == prefix[0], bytes[index..<(index + prefix.count)].elementsEqual(prefix),
                  index == 0 || !isIdentifierByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            let start = index + prefix.count
            var end = start
            while end < bytes.count && isIdentifierByte(bytes[end]) { end += 1 }
            var name = bytes[start..<end]
            if name.count > 7 && name.suffix(7).elementsEqual("_MODULE".utf8) { name = name.dropLast(7) }
            if !name.isEmpty { symbols.insert(String(decoding: name, as: UTF8.self)) }
            index = end
        }
        return symbols
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}

/// Where an image's configuration lives, for `ConfigDependencies`.
public struct ConfigSymbolFiles: Sendable, Equatable {
    /// `build/<variant>/include/unikit/config.h`.
    public var header: String
    /// `build/<variant>/config/`: one empty file per symbol that changed.
    public var stampFolder: String
}
